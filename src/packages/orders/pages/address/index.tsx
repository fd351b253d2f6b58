import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ShippingAddress } from '~/types/orders';
import { useCheckoutStore } from '~/src/stores/checkout';
import { ADDRESS_FIELDS, checkAddress } from '~/src/packages/orders/address-rules';
import './index.scss';

const PLACEHOLDERS: Record<keyof ShippingAddress, string> = {
  name: '收货人姓名',
  phone: '11位手机号',
  region: '省 市 区，如：上海市 静安区',
  detail: '街道、楼栋、门牌号',
};

/** The delivery address form; the address is remembered on this device for the next checkout. */
export default function AddressPage() {
  const saved = useCheckoutStore((s) => s.address);
  const setAddress = useCheckoutStore((s) => s.setAddress);
  const [draft, setDraft] = useState<ShippingAddress>(saved ?? { name: '', phone: '', region: '', detail: '' });
  const [problem, setProblem] = useState<{ field: keyof ShippingAddress; message: string } | null>(null);

  const change = (field: keyof ShippingAddress, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (problem?.field === field) setProblem(null);
  };

  const save = () => {
    const checked = checkAddress(draft);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      return;
    }
    setAddress(checked.address);
    void Taro.navigateBack();
  };

  const fromWechat = async () => {
    try {
      const picked = await Taro.chooseAddress();
      setDraft({
        name: picked.userName,
        phone: picked.telNumber,
        region: [picked.provinceName, picked.cityName, picked.countyName].filter(Boolean).join(' '),
        detail: picked.detailInfo,
      });
      setProblem(null);
    } catch {
      // The member closed WeChat's address list: keep what is in the form.
    }
  };

  return (
    <View className="address-page">
      {process.env.TARO_ENV === 'weapp' ? (
        <View className="address-page__wechat" onClick={() => void fromWechat()}>
          <Text>使用微信收货地址</Text>
        </View>
      ) : null}
      <View className="address-form">
        {ADDRESS_FIELDS.map(({ field, label }) => (
          <View key={field} className={`address-form__row address-${field}${problem?.field === field ? ' address-form__row--wrong' : ''}`}>
            <Text className="address-form__label">{label}</Text>
            {field === 'detail' ? (
              <Textarea
                className="address-form__input address-form__input--area"
                value={draft.detail}
                placeholder={PLACEHOLDERS.detail}
                maxlength={120}
                autoHeight
                onInput={(event) => change('detail', event.detail.value)}
              />
            ) : (
              <Input
                className="address-form__input"
                type={field === 'phone' ? 'number' : 'text'}
                value={draft[field]}
                placeholder={PLACEHOLDERS[field]}
                maxlength={field === 'phone' ? 11 : field === 'name' ? 20 : 60}
                onInput={(event) => change(field, event.detail.value)}
              />
            )}
          </View>
        ))}
      </View>
      {problem ? <Text className="address-page__problem address-problem">{problem.message}</Text> : null}
      <Text className="address-page__note">地址仅保存在本机，用于下次下单时自动填写</Text>
      <View className="address-page__save address-save" onClick={save}>
        <Text>保存并使用</Text>
      </View>
    </View>
  );
}
