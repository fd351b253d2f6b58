import type { CouponAudience, CouponTerms, CouponValidity } from '~/types/coupons';
import type { CouponFace } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';
import { compactYuanText } from '../money/format';
import { formatShanghai } from './calendar-days';

/** A percent-off as the 折 customers read: 20 → `8折`, 15 → `8.5折`, 12 → `8.8折`. */
export function zheText(percentOff: number): string {
  const tenths = 100 - percentOff;
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}折`;
}

/** The headline and condition printed on a coupon's face. */
export function couponFace(terms: CouponTerms): CouponFace {
  const threshold = terms.thresholdFen > 0 ? `满${compactYuanText(terms.thresholdFen)}元可用` : '无门槛';
  switch (terms.kind) {
    case 'cash':
      return { headline: `¥${compactYuanText(terms.amountFen)}`, condition: threshold };
    case 'percent':
      return {
        headline: zheText(terms.percentOff),
        condition: terms.capFen === null ? threshold : `${threshold}，最高减${compactYuanText(terms.capFen)}元`,
      };
    case 'shipping':
      return { headline: '免运费', condition: threshold };
  }
}

/** A template's validity as the coupon centre words it. */
export function validityText(validity: CouponValidity, channel: 'centre' | 'system'): string {
  if (validity.type === 'relative') return `${channel === 'centre' ? '领取' : '发放'}后${validity.days}天内有效`;
  return `${formatShanghai(validity.from, 'YYYY.MM.DD')}-${formatShanghai(validity.to, 'YYYY.MM.DD')}`;
}

/** An instance's window in Shanghai time, to the minute. */
export function windowText(validFrom: EpochMs, validTo: EpochMs): string {
  return `${formatShanghai(validFrom, 'YYYY.MM.DD HH:mm')} - ${formatShanghai(validTo, 'YYYY.MM.DD HH:mm')}`;
}

/** Who a template is for, or null when it is for everyone. */
export function audienceText(audience: CouponAudience, tierName: (tierId: string) => string): string | null {
  switch (audience.type) {
    case 'all':
      return null;
    case 'minTier':
      return `${tierName(audience.tierId)}及以上专享`;
    case 'newMembers':
      return `入会${audience.withinDays}天内新会员专享`;
  }
}
