import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Switch } from '@nutui/nutui-react-taro';
import type { OrderPreview } from '~/types/functions/orders';
import { LoadState } from '~/src/components/load-state';
import { OrderBreakdown } from '~/src/components/order-breakdown';
import { Panel } from '~/src/components/panel';
import { StatusPanel } from '~/src/components/status-panel';
import { WelcomeSheet } from '~/src/components/welcome-sheet';
import { ROUTES } from '~/src/routes';
import type { CheckoutState } from '~/src/stores/checkout';
import { useAddressStore } from '~/src/stores/addresses';
import { useCheckoutStore } from '~/src/stores/checkout';
import { useMemberStore } from '~/src/stores/member';
import { payResultOf, useOrdersStore } from '~/src/stores/orders';
import { actionErrorText } from '~/src/utils/error-text';
import { formatYuan } from '~/core/money/format';
import { CouponPicker } from '~/src/packages/orders/components/coupon-picker';
import { OrderLines } from '~/src/packages/orders/components/order-lines';
import { openPage } from '~/src/utils/navigate';
import { JoinAtCheckout } from './join-at-checkout';
import './index.scss';

/** Refusals that no retry fixes: the cart has to change first. */
const CART_PROBLEMS = ['OUT_OF_STOCK', 'NOT_AVAILABLE', 'VALIDATION_FAILED', 'NOT_ELIGIBLE'];

function DeliverySwitch({ mode, onChange }: { mode: CheckoutState['mode']; onChange: (mode: CheckoutState['mode']) => void }) {
  return (
    <View className="delivery-switch">
      {(['delivery', 'pickup'] as const).map((item) => (
        <View
          key={item}
          className={`delivery-switch__item delivery-${item}${mode === item ? ' delivery-switch__item--active' : ''}`}
          onClick={() => onChange(item)}
        >
          <Text>{item === 'delivery' ? '快递配送' : '到店自提'}</Text>
        </View>
      ))}
    </View>
  );
}

/** A member picks from their address book (or adds the first one); a guest types one address for this device. */
function AddressCard() {
  const address = useCheckoutStore((s) => s.address);
  const takeDefaultAddress = useCheckoutStore((s) => s.takeDefaultAddress);
  const memberStatus = useMemberStore((s) => s.status);
  const saved = useAddressStore((s) => s.book.data?.items.length ?? 0);

  useEffect(() => {
    if (memberStatus === 'idle') void useMemberStore.getState().load();
    if (memberStatus === 'member') void takeDefaultAddress();
  }, [memberStatus, takeDefaultAddress]);

  // The form learns for itself whether the caller is a member (a guest's address stays on the device).
  const open = () =>
    void Taro.navigateTo({ url: memberStatus === 'member' && saved > 0 ? `${ROUTES.addresses}?choose=1` : `${ROUTES.address}?choose=1` });
  if (!address) {
    return (
      <View className="address-card address-card--empty address-add" onClick={open}>
        <Text className="address-card__add">＋ 添加收货地址</Text>
      </View>
    );
  }
  return (
    <View className="address-card address-edit" onClick={open}>
      <View className="address-card__main">
        <Text className="address-card__who">
          {address.name}
          <Text className="address-card__phone">{address.phone}</Text>
        </Text>
        <Text className="address-card__where">
          {address.region} {address.detail}
        </Text>
      </View>
      <Text className="address-card__arrow">›</Text>
    </View>
  );
}

function StorePicker() {
  const stores = useCheckoutStore((s) => s.stores);
  const storeId = useCheckoutStore((s) => s.storeId);
  const nearestStoreId = useCheckoutStore((s) => s.nearestStoreId);
  const loadStores = useCheckoutStore((s) => s.loadStores);
  const setStore = useCheckoutStore((s) => s.setStore);
  return (
    <LoadState status={stores.status} error={stores.error} loadingText="正在加载门店…" onRetry={() => void loadStores()}>
      {() =>
        (stores.data ?? []).length === 0 ? (
          <Text className="store-picker__empty">暂无可自提的门店，请选择快递配送</Text>
        ) : (
          <View className="store-picker">
            {storeId ? null : <Text className="store-picker__hint choose-store-hint">请选择自提门店</Text>}
            {(stores.data ?? []).map((store) => (
              <View
                key={store.id}
                className={`store-picker__item pickup-store${store.id === storeId ? ' store-picker__item--active' : ''}`}
                onClick={() => setStore(store.id)}
              >
                <View className={`store-picker__radio${store.id === storeId ? ' store-picker__radio--on' : ''}`} />
                <View className="store-picker__body">
                  <Text className="store-picker__name">
                    {store.name}
                    {store.id === nearestStoreId ? <Text className="store-picker__nearest nearest-store">离你最近</Text> : null}
                  </Text>
                  <Text className="store-picker__text">{store.address}</Text>
                  <Text className="store-picker__text">
                    营业时间 {store.openHours} · {store.phone}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        )
      }
    </LoadState>
  );
}

function couponSummary(preview: OrderPreview): string {
  const chosen = preview.coupons.filter((coupon) => coupon.selected);
  if (chosen.length > 0) return `-${formatYuan(preview.breakdown.couponDiscountFen + preview.breakdown.shippingDiscountFen)}`;
  const usable = preview.coupons.filter((coupon) => coupon.unusableReason === null).length;
  if (usable > 0) return `${usable}张可用`;
  return preview.coupons.length > 0 ? '暂无可用' : '暂无优惠券';
}

function FreeShippingHint({ preview, pickup }: { preview: OrderPreview; pickup: boolean }) {
  const thresholds = [preview.shipping.freeThresholdFen, preview.shipping.tierFreeThresholdFen].filter(
    (fen): fen is number => fen !== null,
  );
  if (pickup || preview.breakdown.shippingFeeFen === 0 || thresholds.length === 0) return null;
  const threshold = Math.min(...thresholds);
  return (
    <Text className="checkout-breakdown__hint free-shipping-hint">
      商品满{formatYuan(threshold)}（会员价）免运费，还差{formatYuan(Math.max(0, threshold - preview.breakdown.goodsSubtotalFen))}
    </Text>
  );
}

function PointsRow({ preview }: { preview: OrderPreview }) {
  const pointsRequested = useCheckoutStore((s) => s.pointsRequested);
  const setUsePoints = useCheckoutStore((s) => s.setUsePoints);
  const { points, breakdown } = preview;
  const on = pointsRequested > 0;
  const disabled = !on && points.usableMax === 0;
  const text = on
    ? `已用 ${breakdown.pointsUsed} 积分，抵 ${formatYuan(breakdown.pointsDiscountFen)}`
    : points.usableMax > 0
      ? `可用 ${points.usableMax} 积分，抵 ${formatYuan(points.usableMaxFen)}`
      : points.available > 0
        ? '本单暂不可用积分'
        : '暂无可用积分';
  return (
    <View className="checkout-row points-row">
      <View className="checkout-row__main">
        <Text className="checkout-row__label">积分抵扣</Text>
        <Text className="checkout-row__note">
          共 {points.available} 积分 · {points.pointsPerYuan}积分抵¥1，最多抵商品金额的{points.maxRedeemPercent}%
        </Text>
      </View>
      <Text className={`checkout-row__value points-saving${on ? ' checkout-row__value--discount' : ''}`}>{text}</Text>
      <Switch className="points-switch" checked={on} disabled={disabled} onChange={(value) => setUsePoints(value)} />
    </View>
  );
}

/** Checkout: delivery or pickup, the goods, coupons with why not, points, the server's price breakdown, then place and pay. */
export default function CheckoutPage() {
  const items = useCheckoutStore((s) => s.items);
  const mode = useCheckoutStore((s) => s.mode);
  const preview = useCheckoutStore((s) => s.preview);
  const previewing = useCheckoutStore((s) => s.previewing);
  const placing = useCheckoutStore((s) => s.placing);
  const notice = useCheckoutStore((s) => s.notice);
  const note = useCheckoutStore((s) => s.note);
  const refresh = useCheckoutStore((s) => s.refresh);
  const loadStores = useCheckoutStore((s) => s.loadStores);
  const setMode = useCheckoutStore((s) => s.setMode);
  const setCoupons = useCheckoutStore((s) => s.setCoupons);
  const setNote = useCheckoutStore((s) => s.setNote);
  const clearNotice = useCheckoutStore((s) => s.clearNotice);
  const submit = useCheckoutStore((s) => s.submit);
  const pay = useOrdersStore((s) => s.pay);
  const [couponsOpen, setCouponsOpen] = useState(false);
  const [paying, setPaying] = useState(false);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (mode === 'pickup' && useCheckoutStore.getState().stores.status === 'idle') void loadStores();
  }, [mode, loadStores]);

  useEffect(() => {
    if (!notice) return;
    void Taro.showToast({ title: notice, icon: 'none', duration: 2500 });
    clearNotice();
  }, [notice, clearNotice]);

  if (items.length === 0) {
    return (
      <View className="checkout-page">
        <StatusPanel
          kind="empty"
          title="没有要结算的商品"
          text="回到购物车选择要购买的商品"
          actionText="去购物车"
          onAction={() => openPage(ROUTES.cart)}
        />
      </View>
    );
  }

  const onSubmit = async () => {
    if (placing || paying) return;
    const outcome = await submit();
    if (!outcome.ok) {
      if (outcome.code === 'PRICE_CHANGED') {
        void Taro.showModal({
          title: '订单金额有变化',
          content: `${outcome.message}。请核对后再次提交。`,
          showCancel: false,
          confirmText: '我知道了',
        });
      } else {
        void Taro.showToast({ title: outcome.code === 'NEEDS_INPUT' ? outcome.message : actionErrorText(outcome), icon: 'none' });
      }
      return;
    }
    const order = outcome.value;
    setPaying(true);
    const paid = await pay(order.id);
    setPaying(false);
    void Taro.redirectTo({ url: `${ROUTES.payResult}?id=${order.id}&result=${payResultOf(paid)}` });
  };

  const cartProblem = preview.status === 'error' && preview.error && CART_PROBLEMS.includes(preview.error.code);
  const guest = preview.status === 'error' && preview.error?.code === 'NOT_A_MEMBER';

  return (
    <View className="checkout-page">
      <View className="checkout-delivery">
        <DeliverySwitch mode={mode} onChange={setMode} />
        {mode === 'delivery' ? <AddressCard /> : <StorePicker />}
      </View>

      {guest ? (
        <JoinAtCheckout />
      ) : cartProblem ? (
        <StatusPanel
          kind="empty"
          title="暂时无法下单"
          text={actionErrorText(preview.error)}
          actionText="返回购物车"
          onAction={() => openPage(ROUTES.cart)}
        />
      ) : (
        <LoadState
          status={preview.status === 'idle' ? 'loading' : preview.status}
          error={preview.error}
          loadingText="正在计算订单金额…"
          onRetry={() => void refresh()}
        >
          {() => {
            const data = preview.data as OrderPreview;
            return (
              <>
                <Panel title={`商品（${data.lines.reduce((sum, line) => sum + line.quantity, 0)}件）`} className="checkout-goods">
                  <OrderLines lines={data.lines} />
                </Panel>

                <Panel title="优惠" className="checkout-offers">
                  <View className="checkout-row coupon-row" onClick={() => setCouponsOpen(true)}>
                    <View className="checkout-row__main">
                      <Text className="checkout-row__label">优惠券</Text>
                    </View>
                    <Text
                      className={`checkout-row__value coupon-summary${data.breakdown.couponDiscountFen + data.breakdown.shippingDiscountFen > 0 ? ' checkout-row__value--discount' : ''}`}
                    >
                      {couponSummary(data)}
                    </Text>
                    <Text className="checkout-row__arrow">›</Text>
                  </View>
                  <PointsRow preview={data} />
                  <View className="checkout-row checkout-row--tier">
                    <View className="checkout-row__main">
                      <Text className="checkout-row__label">会员价</Text>
                      <Text className="checkout-row__note">
                        {data.tier.name}
                        {data.tier.memberPricePercent < 100 ? ` · 享${data.tier.memberPricePercent / 10}折` : ''}
                      </Text>
                    </View>
                    <Text className={`checkout-row__value${data.breakdown.memberDiscountFen > 0 ? ' checkout-row__value--discount' : ''}`}>
                      {data.breakdown.memberDiscountFen > 0 ? `-${formatYuan(data.breakdown.memberDiscountFen)}` : '无'}
                    </Text>
                  </View>
                </Panel>

                <Panel title="订单金额" className="checkout-breakdown">
                  <OrderBreakdown breakdown={data.breakdown} tierName={data.tier.name} pickup={mode === 'pickup'} />
                  <FreeShippingHint preview={data} pickup={mode === 'pickup'} />
                </Panel>

                <Panel title="订单备注" className="checkout-note">
                  <Input
                    className="checkout-note__input"
                    value={note}
                    maxlength={100}
                    placeholder="选填，给商家留言"
                    onInput={(event) => setNote(event.detail.value)}
                  />
                </Panel>

                <CouponPicker
                  visible={couponsOpen}
                  coupons={data.coupons}
                  updating={previewing}
                  onChange={setCoupons}
                  onClose={() => setCouponsOpen(false)}
                />
              </>
            );
          }}
        </LoadState>
      )}

      <WelcomeSheet onContinue={() => undefined} />

      <View className="checkout-bar">
        <View className="checkout-bar__total">
          <Text className="checkout-bar__label">应付</Text>
          <Text className="checkout-bar__amount checkout-payable">
            {preview.data ? formatYuan(preview.data.breakdown.payableFen) : '—'}
          </Text>
        </View>
        <View
          className={`checkout-bar__button submit-order${placing || paying || previewing || preview.status !== 'ready' ? ' checkout-bar__button--busy' : ''}`}
          onClick={() => void onSubmit()}
        >
          <Text>{placing ? '正在提交…' : paying ? '正在支付…' : '提交订单'}</Text>
        </View>
      </View>
    </View>
  );
}
