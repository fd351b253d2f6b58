import type { CouponAudience, CouponTerms, CouponValidity } from '~/types/coupons';
import type { CouponFace } from '~/types/functions/coupons';
import type { EpochMs, Fen } from '~/types/units';
import { formatShanghai } from './calendar-days';

/** Fen as yuan with two decimals, e.g. 1200 → `12.00`. */
export function yuanText(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as yuan without trailing zeros, as printed on a coupon: 5900 → `59`, 990 → `9.9`. */
export function compactYuanText(fen: Fen): string {
  return yuanText(fen)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
}

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
