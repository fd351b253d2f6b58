import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput } from '~/types/functions/coupons';
import type { EpochMs } from '~/types/units';
import { buildTemplateDoc } from './template-rules';

/** The template the welcome coupon is issued from when a member joins (the programme's `coupons.welcomeTemplateId`). */
export const WELCOME_TEMPLATE_ID = 'welcome';
/** The template of the comeback coupon for members without a paid order for 90 days (`coupons.comebackTemplateId`). */
export const COMEBACK_TEMPLATE_ID = 'comeback';

/** The coupons behind the points mall's entry-level rewards (`core/rewards/default-rewards`). */
export const ENTRY_SHIPPING_TEMPLATE_ID = 'entry-free-shipping';
export const ENTRY_CASH_TEMPLATE_ID = 'entry-39-5';

/** The birthday coupon is valid from 7 days before the birthday to 23 days after (DESIGN.md section 4). */
export const BIRTHDAY_WINDOW = { daysBefore: 7, daysAfter: 23 } as const;

/** A tier's birthday coupon, `birthday-<tierId>` as each default tier's `birthdayCouponTemplateId` names it. */
const birthday = (tierId: string, amountFen: number, tierLabel: string): CouponTemplateInput => ({
  templateId: `birthday-${tierId}`,
  title: `${tierLabel}生日礼券`,
  description: '生日前7天至生日后23天内可用，全场通用',
  terms: { kind: 'cash', thresholdFen: 0, amountFen },
  // Nominal: the birthday job passes the window around the member's birthday instead.
  validity: { type: 'relative', days: 31 },
  totalStock: null,
  perMemberLimit: 1,
  stackingGroup: 'default',
  audience: { type: 'minTier', tierId },
  channel: 'system',
  status: 'active',
});

/** The coupon templates of the default programme (DESIGN.md section 4), as seeded for a new brand. */
export const DEFAULT_COUPON_TEMPLATES: readonly CouponTemplateInput[] = [
  {
    templateId: WELCOME_TEMPLATE_ID,
    title: '新人专享券',
    description: '入会礼，全场通用，领取后30天内有效',
    terms: { kind: 'cash', thresholdFen: 5900, amountFen: 1000 },
    validity: { type: 'relative', days: 30 },
    totalStock: null,
    perMemberLimit: 1,
    stackingGroup: 'default',
    audience: { type: 'newMembers', withinDays: 7 },
    channel: 'system',
    status: 'active',
  },
  {
    templateId: COMEBACK_TEMPLATE_ID,
    title: '好久不见回归券',
    description: '欢迎回来，全场通用，发放后14天内有效',
    terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1500 },
    validity: { type: 'relative', days: 14 },
    totalStock: null,
    perMemberLimit: 1,
    stackingGroup: 'default',
    audience: { type: 'all' },
    channel: 'system',
    status: 'active',
  },
  birthday('normal', 1000, '普通会员'),
  birthday('silver', 2000, '银卡会员'),
  birthday('gold', 5000, '金卡会员'),
  birthday('diamond', 10000, '钻石会员'),
  {
    templateId: ENTRY_SHIPPING_TEMPLATE_ID,
    title: '免运费券',
    description: '积分商城兑换，全场通用，30天内有效',
    terms: { kind: 'shipping', thresholdFen: 0 },
    validity: { type: 'relative', days: 30 },
    totalStock: null,
    perMemberLimit: 1,
    stackingGroup: 'default',
    audience: { type: 'all' },
    channel: 'system',
    status: 'active',
  },
  {
    templateId: ENTRY_CASH_TEMPLATE_ID,
    title: '满39减5券',
    description: '积分商城兑换，全场通用，30天内有效',
    terms: { kind: 'cash', thresholdFen: 3900, amountFen: 500 },
    validity: { type: 'relative', days: 30 },
    totalStock: null,
    perMemberLimit: 1,
    stackingGroup: 'default',
    audience: { type: 'all' },
    channel: 'system',
    status: 'active',
  },
];

/** The default templates as stored documents, for the seed (the cloud console import in production). */
export function defaultCouponTemplateDocs(now: EpochMs): CouponTemplateDoc[] {
  return DEFAULT_COUPON_TEMPLATES.map((input) => buildTemplateDoc(input, input.templateId as string, now));
}
