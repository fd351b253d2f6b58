import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { OrderView } from '~/types/functions/orders';
import { LoadState } from '~/src/components/load-state';
import { ROUTES } from '~/src/routes';
import { idle } from '~/src/stores/loadable';
import type { PayResult } from '~/src/stores/orders';
import { isPaid, payResultOf, useOrdersStore } from '~/src/stores/orders';
import { formatDate } from '~/src/utils/date';
import { actionErrorText } from '~/src/utils/error-text';
import { formatYuan } from '~/core/money/format';
import { spacedPickupCode } from '~/src/packages/orders/order-text';
import './index.scss';

/** While a payment is being confirmed, the order is read again this often, this many times. */
const PENDING_POLL = { intervalMs: 2_000, attempts: 15 };

function outcomeOf(order: OrderView, reported: PayResult): PayResult {
  if (isPaid(order)) return 'paid';
  if (order.status !== 'pendingPayment') return 'failed';
  return reported === 'paid' ? 'pending' : reported;
}

const TITLES: Record<PayResult, string> = { paid: '支付成功', pending: '支付结果确认中', failed: '支付未完成' };

/** After paying: paid (with the points it earns and a pickup code), still being confirmed, or not paid (pay again). */
export default function PayResultPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const reported: PayResult = params.result === 'paid' || params.result === 'failed' ? params.result : 'pending';
  const order = useOrdersStore((s) => s.orders[id]) ?? idle<OrderView>();
  const loadOrder = useOrdersStore((s) => s.loadOrder);
  const pay = useOrdersStore((s) => s.pay);
  const busy = useOrdersStore((s) => s.busy);
  const [retried, setRetried] = useState<PayResult | null>(null);
  const polls = useRef(0);

  useEffect(() => {
    if (id) void loadOrder(id);
  }, [id, loadOrder]);

  const shown = order.data ? outcomeOf(order.data, retried ?? reported) : null;

  useEffect(() => {
    if (shown !== 'pending' || polls.current >= PENDING_POLL.attempts) return undefined;
    const timer = setTimeout(() => {
      polls.current += 1;
      void loadOrder(id);
    }, PENDING_POLL.intervalMs);
    return () => clearTimeout(timer);
  }, [shown, order.data, id, loadOrder]);

  const payAgain = async () => {
    const paid = await pay(id);
    setRetried(payResultOf(paid));
    if (!paid.ok && paid.error) void Taro.showToast({ title: actionErrorText(paid.error), icon: 'none' });
  };

  return (
    <View className="result-page">
      <LoadState status={order.status} error={order.error} loadingText="正在确认支付结果…" onRetry={() => void loadOrder(id)}>
        {() => {
          const data = order.data as OrderView;
          const outcome = shown as PayResult;
          const pickupCode = data.delivery.mode === 'pickup' ? data.delivery.pickupCode : null;
          return (
            <>
              <View className={`result-card result-card--${outcome} pay-result-${outcome}`}>
                <View className="result-card__mark">
                  <Text>{outcome === 'paid' ? '✓' : outcome === 'pending' ? '…' : '!'}</Text>
                </View>
                <Text className="result-card__title pay-result-title">{TITLES[outcome]}</Text>
                <Text className="result-card__amount">{formatYuan(data.breakdown.payableFen)}</Text>
                {outcome === 'paid' ? (
                  <Text className="result-card__text">
                    {data.breakdown.pointsToEarn > 0 ? `本单获得 ${data.breakdown.pointsToEarn} 积分，订单完成7天后到账` : '感谢你的购买'}
                  </Text>
                ) : null}
                {outcome === 'pending' ? <Text className="result-card__text">正在等待微信支付通知，通常几秒内完成</Text> : null}
                {outcome === 'failed' && data.status === 'pendingPayment' ? (
                  <Text className="result-card__text">订单已保留，请在 {formatDate(data.payDeadline, 'HH:mm')} 前完成支付</Text>
                ) : null}
                {outcome === 'failed' && data.status !== 'pendingPayment' ? (
                  <Text className="result-card__text">订单已关闭，商品、优惠券和积分已退回</Text>
                ) : null}
                {pickupCode && outcome === 'paid' ? (
                  <View className="result-card__pickup">
                    <Text className="result-card__pickup-label">
                      取货码 · {data.delivery.mode === 'pickup' ? data.delivery.storeName : ''}
                    </Text>
                    <Text className="result-card__pickup-code result-pickup-code">{spacedPickupCode(pickupCode)}</Text>
                  </View>
                ) : null}
              </View>

              <View className="result-actions">
                {outcome === 'failed' && data.can.pay ? (
                  <View
                    className={`result-actions__primary pay-again${busy ? ' result-actions__primary--busy' : ''}`}
                    onClick={() => !busy && void payAgain()}
                  >
                    <Text>{busy ? '正在支付…' : '重新支付'}</Text>
                  </View>
                ) : null}
                {outcome === 'pending' ? (
                  <View className="result-actions__primary refresh-result" onClick={() => void loadOrder(id)}>
                    <Text>刷新支付结果</Text>
                  </View>
                ) : null}
                <View className="result-actions__row">
                  <View
                    className="result-actions__link view-order"
                    onClick={() => void Taro.redirectTo({ url: `${ROUTES.order}?id=${id}` })}
                  >
                    <Text>查看订单</Text>
                  </View>
                  {outcome === 'paid' ? (
                    <View className="result-actions__link view-points" onClick={() => void Taro.navigateTo({ url: ROUTES.points })}>
                      <Text>查看积分</Text>
                    </View>
                  ) : null}
                  <View className="result-actions__link go-home" onClick={() => void Taro.reLaunch({ url: ROUTES.home })}>
                    <Text>继续逛逛</Text>
                  </View>
                </View>
              </View>
            </>
          );
        }}
      </LoadState>
    </View>
  );
}
