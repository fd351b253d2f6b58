import { Text, View } from '@tarojs/components';
import type { OrderBreakdown as Breakdown } from '~/types/functions/orders';
import { formatYuan } from '~/core/money/format';
import './index.scss';

interface OrderBreakdownProps {
  breakdown: Breakdown;
  /** The tier whose member price applied, e.g. 银卡会员. */
  tierName?: string;
  /** 应付金额 at checkout, 实付款 on a placed order. */
  payableLabel?: string;
  /** Whether the order is picked up in store (no delivery fee line then). */
  pickup?: boolean;
}

function Row({ kind, label, value, tone }: { kind: string; label: string; value: string; tone?: 'discount' | 'earn' }) {
  return (
    <View className={`order-breakdown__row breakdown-${kind}`}>
      <Text className="order-breakdown__label">{label}</Text>
      <Text className={`order-breakdown__value${tone ? ` order-breakdown__value--${tone}` : ''} breakdown-value`}>{value}</Text>
    </View>
  );
}

/** The server's price breakdown of an order, line by line: list price, each discount, delivery, what is paid and the points it earns. */
export function OrderBreakdown({ breakdown: b, tierName, payableLabel = '应付金额', pickup = false }: OrderBreakdownProps) {
  return (
    <View className="order-breakdown">
      <Row kind="list" label="商品金额" value={formatYuan(b.listFen)} />
      {b.memberDiscountFen > 0 ? (
        <Row
          kind="member"
          label={tierName ? `会员优惠 · ${tierName}` : '会员优惠'}
          value={`-${formatYuan(b.memberDiscountFen)}`}
          tone="discount"
        />
      ) : null}
      {b.couponDiscountFen > 0 ? <Row kind="coupon" label="优惠券" value={`-${formatYuan(b.couponDiscountFen)}`} tone="discount" /> : null}
      {b.pointsDiscountFen > 0 ? (
        <Row kind="points" label={`积分抵扣 · ${b.pointsUsed}积分`} value={`-${formatYuan(b.pointsDiscountFen)}`} tone="discount" />
      ) : null}
      {pickup ? null : <Row kind="shipping" label="运费" value={b.shippingFeeFen > 0 ? formatYuan(b.shippingFeeFen) : '免运费'} />}
      {b.shippingDiscountFen > 0 ? (
        <Row kind="shipping-discount" label="运费券" value={`-${formatYuan(b.shippingDiscountFen)}`} tone="discount" />
      ) : null}
      <View className="order-breakdown__total breakdown-payable">
        <Text className="order-breakdown__total-label">{payableLabel}</Text>
        <Text className="order-breakdown__total-value breakdown-value">{formatYuan(b.payableFen)}</Text>
      </View>
      <View className="order-breakdown__earn breakdown-earn">
        <Text className="order-breakdown__earn-label">本单可得积分</Text>
        <Text className="order-breakdown__earn-value breakdown-value">+{b.pointsToEarn}</Text>
      </View>
    </View>
  );
}
