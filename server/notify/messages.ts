import { couponFace } from '~/core/coupons/coupon-text';
import { compactYuanText } from '~/core/money/format';
import { formatShanghai } from '~/core/coupons/calendar-days';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { SubscriptionTopic } from '~/types/notify';
import type { TierDoc } from '~/types/programme';
import type { EpochMs, Fen, Points } from '~/types/units';

/**
 * The body of one subscription message. `data` maps the keywords of the topic's template to
 * their values; pick templates in the mini-program console with these keywords:
 * - tierChange 会员等级变更通知: thing1 原等级, thing2 新等级, time3 变更时间, thing4 说明
 * - tierAtRisk 会员等级到期提醒: thing1 当前等级, amount2 保级还需消费, date3 调整日期, thing4 温馨提示
 * - birthdayCoupon 优惠券到账提醒: thing1 优惠券名称, thing2 优惠内容, date3 有效期至, thing4 温馨提示
 * - comebackCoupon 优惠券到账提醒: same keywords as birthdayCoupon
 * - pointsExpiring 积分过期提醒: number1 过期积分, date2 过期时间, thing3 温馨提示
 */
export interface MessageBody {
  topic: SubscriptionTopic;
  /** The mini-program page the message opens. */
  page: string;
  data: Record<string, string>;
}

const HOME = 'pages/index/index';
/** WeChat refuses a `thing` value over 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);
const date = (at: EpochMs) => formatShanghai(at, 'YYYY年MM月DD日');

/** A tier change made by the review (an upgrade the payment missed, or a drop). */
export function tierChangeMessage(input: { from: TierDoc; to: TierDoc; at: EpochMs }): MessageBody {
  const up = input.to.rank > input.from.rank;
  return {
    topic: 'tierChange',
    page: HOME,
    data: {
      thing1: thing(input.from.name),
      thing2: thing(input.to.name),
      time3: formatShanghai(input.at, 'YYYY-MM-DD HH:mm'),
      thing4: thing(up ? '恭喜升级，新等级权益已生效' : '近12个月消费未达保级标准'),
    },
  };
}

/** The member's spend is short of keeping their tier; they drop at `downgradeAt` unless it recovers. */
export function tierAtRiskMessage(input: { tier: TierDoc; toKeepFen: Fen; downgradeAt: EpochMs }): MessageBody {
  return {
    topic: 'tierAtRisk',
    page: HOME,
    data: {
      thing1: thing(input.tier.name),
      amount2: `${compactYuanText(input.toKeepFen)}元`,
      date3: date(input.downgradeAt),
      thing4: thing('在调整日前消费达标即可保留等级'),
    },
  };
}

function couponMessage(topic: 'birthdayCoupon' | 'comebackCoupon', coupon: CouponInstanceDoc, note: string): MessageBody {
  const face = couponFace(coupon.terms);
  return {
    topic,
    page: HOME,
    data: {
      thing1: thing(coupon.title),
      thing2: thing(`${face.headline} ${face.condition}`),
      date3: date(coupon.validTo),
      thing4: thing(note),
    },
  };
}

/** The birthday coupon is in the member's wallet. */
export function birthdayCouponMessage(coupon: CouponInstanceDoc): MessageBody {
  return couponMessage('birthdayCoupon', coupon, '生日快乐！礼券已放入卡包');
}

/** The comeback coupon is in the member's wallet. */
export function comebackCouponMessage(coupon: CouponInstanceDoc): MessageBody {
  return couponMessage('comebackCoupon', coupon, '好久不见，回归礼券已放入卡包');
}

/** A campaign's coupon is in the member's wallet, with the campaign's reason (sent on the coupon-arrival template the comeback coupon uses). */
export function campaignCouponMessage(coupon: CouponInstanceDoc, reason: string): MessageBody {
  return couponMessage('comebackCoupon', coupon, reason);
}

/** Points of one month expire at `expiresAt`. */
export function pointsExpiringMessage(input: { points: Points; expiresAt: EpochMs }): MessageBody {
  return {
    topic: 'pointsExpiring',
    page: HOME,
    data: {
      number1: String(input.points),
      date2: date(input.expiresAt),
      thing3: thing('积分即将过期，快去积分商城兑换吧'),
    },
  };
}
