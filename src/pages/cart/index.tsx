import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { StatusPanel } from '~/src/components/status-panel';
import { ROUTES } from '~/src/routes';
import { checkoutLines, estimateOf, isBuyable, useCartStore } from '~/src/stores/cart';
import { useCheckoutStore } from '~/src/stores/checkout';
import { errorText } from '~/src/utils/error-text';
import { formatYuan } from '~/core/money/format';
import { CartLine, isGone } from '~/src/components/cart-line';
import { openPage } from '~/src/utils/navigate';
import { CartNudgeBar } from './cart-nudge-bar';
import { Recommendations } from '~/src/components/recommendations';
import './index.scss';

/** The cart: lines checked against the catalogue whenever it opens, selection, quantities, an estimate, and checkout. */
export default function CartPage() {
  const lines = useCartStore((s) => s.lines);
  const checks = useCartStore((s) => s.checks);
  const checkStatus = useCartStore((s) => s.checkStatus);
  const checkError = useCartStore((s) => s.checkError);
  const validate = useCartStore((s) => s.validate);
  const toggle = useCartStore((s) => s.toggle);
  const selectAll = useCartStore((s) => s.selectAll);
  const setQuantity = useCartStore((s) => s.setQuantity);
  const remove = useCartStore((s) => s.remove);
  const beginCheckout = useCheckoutStore((s) => s.begin);
  const shownOnce = useRef(false);

  useEffect(() => {
    void validate();
  }, [validate]);

  // Back from a product or checkout: the catalogue may have changed meanwhile, check again.
  useDidShow(() => {
    if (shownOnce.current && useCartStore.getState().checkStatus !== 'checking') void validate();
    shownOnce.current = true;
  });

  usePullDownRefresh(() => {
    void validate().finally(() => Taro.stopPullDownRefresh());
  });

  if (lines.length === 0) {
    return (
      <View className="cart-page cart-page--empty">
        <StatusPanel
          kind="empty"
          title="购物车还是空的"
          text="挑几件喜欢的好物，会员价更优惠"
          actionText="去逛逛"
          onAction={() => openPage(ROUTES.category)}
        />
        <Recommendations />
      </View>
    );
  }

  const live = lines.filter((line) => !isGone(checks[line.skuId]));
  const gone = lines.filter((line) => isGone(checks[line.skuId]));
  const chosen = checkoutLines({ lines, checks });
  const estimate = estimateOf(chosen);
  const selectable = live.filter((line) => isBuyable(line, checks[line.skuId]));
  const allSelected = selectable.length > 0 && selectable.every((line) => line.selected);
  const problems = live.filter((line) => checks[line.skuId]?.message).length + gone.length;

  const open = (productId: string) => void Taro.navigateTo({ url: `${ROUTES.product}?id=${encodeURIComponent(productId)}` });

  const checkout = () => {
    if (checkStatus === 'checking') {
      void Taro.showToast({ title: '正在核对价格与库存，请稍候', icon: 'none' });
      return;
    }
    if (chosen.length === 0) {
      void Taro.showToast({ title: '请选择要结算的商品', icon: 'none' });
      return;
    }
    beginCheckout(
      chosen.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
      'cart',
    );
    void Taro.navigateTo({ url: ROUTES.checkout });
  };

  return (
    <View className="cart-page">
      <View className={`cart-status cart-status--${checkStatus}`}>
        {checkStatus === 'checking' ? <Text className="cart-status__text">正在核对最新价格与库存…</Text> : null}
        {checkStatus === 'error' ? (
          <Text className="cart-status__text cart-check-error" onClick={() => void validate()}>
            {errorText(checkError)}，暂未核对最新价格与库存，点击重试
          </Text>
        ) : null}
        {checkStatus === 'ready' ? (
          <Text className="cart-status__text cart-check-summary">
            {problems > 0 ? `有 ${problems} 件商品发生变化，请留意下方提示` : '价格与库存已是最新'}
          </Text>
        ) : null}
      </View>

      <CartNudgeBar chosenFen={estimate.memberFen} />

      {live.length > 0 ? (
        <View className="cart-group">
          {live.map((line) => (
            <CartLine
              key={line.skuId}
              line={line}
              check={checks[line.skuId]}
              onToggle={() => toggle(line.skuId)}
              onQuantity={(quantity) => setQuantity(line.skuId, quantity)}
              onRemove={() => remove([line.skuId])}
              onOpen={() => open(line.productId)}
            />
          ))}
        </View>
      ) : null}

      {gone.length > 0 ? (
        <View className="cart-group cart-group--gone">
          <View className="cart-group__head">
            <Text className="cart-group__title">失效商品 {gone.length} 件</Text>
            <Text className="cart-group__clear clear-gone" onClick={() => remove(gone.map((line) => line.skuId))}>
              清空失效商品
            </Text>
          </View>
          {gone.map((line) => (
            <CartLine
              key={line.skuId}
              line={line}
              check={checks[line.skuId]}
              onToggle={() => undefined}
              onQuantity={() => undefined}
              onRemove={() => remove([line.skuId])}
              onOpen={() => open(line.productId)}
            />
          ))}
        </View>
      ) : null}

      <View className="cart-bar">
        <View className="cart-bar__all select-all" onClick={() => selectAll(!allSelected)}>
          <View className={`cart-bar__box${allSelected ? ' cart-bar__box--on' : ''}`} />
          <Text>全选</Text>
        </View>
        <View className="cart-bar__total">
          <View className="cart-bar__sum">
            <Text className="cart-bar__label">预估</Text>
            <Text className="cart-bar__amount cart-estimate">{formatYuan(estimate.memberFen)}</Text>
          </View>
          <Text className="cart-bar__hint">
            {estimate.listFen > estimate.memberFen ? `会员已省${formatYuan(estimate.listFen - estimate.memberFen)} · ` : ''}实付以结算页为准
          </Text>
        </View>
        <View className={`cart-bar__button checkout-button${chosen.length ? '' : ' cart-bar__button--off'}`} onClick={checkout}>
          <Text>结算{estimate.count ? `(${estimate.count})` : ''}</Text>
        </View>
      </View>
    </View>
  );
}
