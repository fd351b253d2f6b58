import Taro from '@tarojs/taro';
import type { AddressInput } from '~/types/addresses';

/** One of the member's WeChat addresses, as the form's fields; null when they close WeChat's list. */
export async function pickWechatAddress(): Promise<AddressInput | null> {
  try {
    const picked = await Taro.chooseAddress();
    return {
      name: picked.userName,
      phone: picked.telNumber,
      province: picked.provinceName,
      city: picked.cityName,
      district: picked.countyName,
      detail: picked.detailInfo,
    };
  } catch {
    return null;
  }
}
