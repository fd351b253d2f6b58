import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AddressView } from '~/types/addresses';
import { LoadState } from '~/src/components/load-state';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { useAddressStore } from '~/src/stores/addresses';
import { useCheckoutStore } from '~/src/stores/checkout';
import { useMemberStore } from '~/src/stores/member';
import { actionErrorText } from '~/src/utils/error-text';
import { toShippingAddress } from '~/src/packages/orders/address-rules';
import { pickWechatAddress } from '~/src/packages/orders/wechat-address';
import './index.scss';

function AddressItem({ address, choosing }: { address: AddressView; choosing: boolean }) {
  const saving = useAddressStore((s) => s.saving);

  const choose = () => {
    if (!choosing) return;
    useCheckoutStore.getState().chooseAddress(toShippingAddress(address));
    void Taro.navigateBack();
  };

  const makeDefault = async () => {
    if (saving) return;
    const outcome = await useAddressStore.getState().setDefault(address.id);
    if (!outcome.ok) void Taro.showToast({ title: actionErrorText(outcome), icon: 'none' });
  };

  const remove = async () => {
    if (saving) return;
    const { confirm } = await Taro.showModal({ title: '删除地址', content: '确定删除这个收货地址吗？', confirmText: '删除' });
    if (!confirm) return;
    const outcome = await useAddressStore.getState().remove(address.id);
    void Taro.showToast(outcome.ok ? { title: '已删除', icon: 'success' } : { title: actionErrorText(outcome), icon: 'none' });
  };

  return (
    <View className={`address-item${address.isDefault ? ' address-item--default' : ''}`}>
      <View className="address-item__body address-item-choose" onClick={choose}>
        <Text className="address-item__who">
          {address.name}
          <Text className="address-item__phone">{address.phone}</Text>
          {address.isDefault ? <Text className="address-item__tag address-default-tag">默认</Text> : null}
        </Text>
        <Text className="address-item__where">
          {address.region} {address.detail}
        </Text>
      </View>
      <View className="address-item__actions">
        {address.isDefault ? (
          <Text className="address-item__state">默认地址</Text>
        ) : (
          <Text className="address-item__action address-set-default" onClick={() => void makeDefault()}>
            设为默认
          </Text>
        )}
        <View className="address-item__tools">
          <Text
            className="address-item__action address-item-edit"
            onClick={() => void Taro.navigateTo({ url: `${ROUTES.address}?id=${address.id}` })}
          >
            编辑
          </Text>
          <Text className="address-item__action address-item__action--danger address-item-remove" onClick={() => void remove()}>
            删除
          </Text>
        </View>
      </View>
    </View>
  );
}

/** A guest has one address, on this device; the book is for members. */
function GuestAddress() {
  const address = useCheckoutStore((s) => s.address);
  return (
    <View className="addresses-guest">
      {address ? (
        <View className="address-item">
          <View className="address-item__body" onClick={() => void Taro.navigateTo({ url: ROUTES.address })}>
            <Text className="address-item__who">
              {address.name}
              <Text className="address-item__phone">{address.phone}</Text>
            </Text>
            <Text className="address-item__where">
              {address.region} {address.detail}
            </Text>
          </View>
        </View>
      ) : null}
      <StatusPanel
        kind="empty"
        title={address ? '地址仅保存在本机' : '还没有收货地址'}
        text="加入会员后，可在这里保存多个收货地址"
        actionText={address ? '修改地址' : '填写收货地址'}
        onAction={() => void Taro.navigateTo({ url: ROUTES.address })}
      />
    </View>
  );
}

/**
 * The member's address book: the default marked, 设为默认 / 编辑 / 删除 on each. `choose=1`
 * (from checkout): tapping an address uses it for the order and goes back.
 */
export default function AddressesPage() {
  const { params } = useRouter();
  const choosing = params.choose === '1';
  const memberStatus = useMemberStore((s) => s.status);
  const book = useAddressStore((s) => s.book);
  const load = useAddressStore((s) => s.load);

  useEffect(() => {
    if (memberStatus === 'idle') void useMemberStore.getState().load();
    if (memberStatus === 'member') void load();
  }, [memberStatus, load]);

  if (memberStatus === 'guest') {
    return (
      <View className="addresses-page">
        <GuestAddress />
      </View>
    );
  }

  const full = (book.data?.items.length ?? 0) >= (book.data?.max ?? Infinity);
  const addNew = () => {
    if (full) {
      void Taro.showToast({ title: `最多保存${book.data?.max ?? 0}个收货地址，请先删除不用的地址`, icon: 'none' });
      return;
    }
    void Taro.navigateTo({ url: ROUTES.address });
  };

  const fromWechat = async () => {
    const picked = await pickWechatAddress();
    if (!picked) return;
    useAddressStore.getState().setPrefill(picked);
    addNew();
  };

  return (
    <View className="addresses-page">
      <LoadState
        status={memberStatus === 'member' ? (book.status === 'idle' ? 'loading' : book.status) : 'loading'}
        error={book.error}
        loadingText="正在加载收货地址…"
        onRetry={() => void load()}
      >
        {() =>
          (book.data?.items ?? []).length === 0 ? (
            <StatusPanel kind="empty" title="还没有收货地址" text="添加一个地址，下单时自动填写" actionText="新增地址" onAction={addNew} />
          ) : (
            <View className="address-list">
              {choosing ? <Text className="addresses-page__hint">点击地址，用于本次订单</Text> : null}
              {(book.data?.items ?? []).map((address) => (
                <AddressItem key={address.id} address={address} choosing={choosing} />
              ))}
            </View>
          )
        }
      </LoadState>
      <View className="addresses-bar">
        {process.env.TARO_ENV === 'weapp' ? (
          <View className="addresses-bar__wechat address-wechat" onClick={() => void fromWechat()}>
            <Text>使用微信收货地址</Text>
          </View>
        ) : null}
        <View className="addresses-bar__add address-new" onClick={addNew}>
          <Text>新增地址</Text>
        </View>
      </View>
    </View>
  );
}
