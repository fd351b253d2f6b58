import type { ProgrammeChange } from '~/types/functions/admin-programme';
import type { ProgrammeSettings, ProgrammeSnapshot, TierDoc } from '~/types/programme';
import { formatYuan } from '../money/format';
import { DEFAULT_APPROVAL_THRESHOLD, DEFAULT_EXPIRY_NOTICE_DAYS } from '../tiers/default-programme';
import { marketingOf } from '../marketing/marketing-settings';
import { ladderOf } from './draft';

/** How a rule's value reads. */
const yuan = (fen: number) => formatYuan(fen);
const days = (n: number) => `${n}天`;
const points = (n: number) => `${n}积分`;
const percent = (n: number) => `${n}%`;
const template = (id: string | null) => id ?? '不发放';

interface Rule {
  key: string;
  label: string;
  read: (programme: ProgrammeSettings) => string;
}

/** The programme-wide rules in the order the editor shows them. */
const RULES: readonly Rule[] = [
  { key: 'points.earnPerYuan', label: '每消费¥1得积分', read: (p) => points(p.points.earnPerYuan) },
  { key: 'points.pendingDays', label: '积分待确认期（签收后）', read: (p) => days(p.points.pendingDays) },
  { key: 'points.expiryMonths', label: '积分有效期', read: (p) => `获得当月起${p.points.expiryMonths}个月后的月底` },
  {
    key: 'points.expiryNoticeDays',
    label: '积分过期提醒',
    read: (p) => `提前${p.points.expiryNoticeDays ?? DEFAULT_EXPIRY_NOTICE_DAYS}天`,
  },
  { key: 'points.pointsPerYuan', label: '积分抵扣比例', read: (p) => `${p.points.pointsPerYuan}积分抵¥1` },
  { key: 'points.maxRedeemPercent', label: '积分最高抵扣', read: (p) => `商品金额的${percent(p.points.maxRedeemPercent)}` },
  {
    key: 'points.approvalThreshold',
    label: '积分调整审批阈值',
    read: (p) => points(p.points.approvalThreshold ?? DEFAULT_APPROVAL_THRESHOLD),
  },
  { key: 'checkIn.dailyPoints', label: '每日签到', read: (p) => points(p.checkIn.dailyPoints) },
  { key: 'checkIn.streakDays', label: '连续签到周期', read: (p) => days(p.checkIn.streakDays) },
  { key: 'checkIn.streakBonusPoints', label: '连续签到奖励', read: (p) => points(p.checkIn.streakBonusPoints) },
  { key: 'profileBonusPoints', label: '完善资料奖励', read: (p) => points(p.profileBonusPoints) },
  { key: 'tierReview.windowDays', label: '等级消费统计周期', read: (p) => days(p.tierReview.windowDays) },
  { key: 'tierReview.graceDays', label: '降级宽限期', read: (p) => days(p.tierReview.graceDays) },
  { key: 'tierReview.noticeDays', label: '降级提前提醒', read: (p) => days(p.tierReview.noticeDays) },
  { key: 'tierReview.maxDropPerReview', label: '每次评审最多降级', read: (p) => `${p.tierReview.maxDropPerReview}级` },
  { key: 'coupons.welcomeTemplateId', label: '新人券', read: (p) => template(p.coupons.welcomeTemplateId) },
  { key: 'coupons.comebackTemplateId', label: '回归券', read: (p) => template(p.coupons.comebackTemplateId) },
  { key: 'coupons.comebackAfterDays', label: '回归券发放条件', read: (p) => `${p.coupons.comebackAfterDays}天未下单` },
  { key: 'coupons.comebackCooldownDays', label: '回归券发放间隔', read: (p) => days(p.coupons.comebackCooldownDays) },
  { key: 'marketing.rfmWindowDays', label: 'RFM统计周期', read: (p) => days(marketingOf(p).rfmWindowDays) },
  { key: 'marketing.lifecycle.newDays', label: '新会员期', read: (p) => days(marketingOf(p).lifecycle.newDays) },
  { key: 'marketing.lifecycle.activeDays', label: '活跃期', read: (p) => `${marketingOf(p).lifecycle.activeDays}天内有消费` },
  {
    key: 'marketing.lifecycle.dormantDays',
    label: '沉睡期',
    read: (p) => `${marketingOf(p).lifecycle.dormantDays}天内未消费视为沉睡，超过为流失`,
  },
  { key: 'marketing.lifecycle.wonBackDays', label: '回流期', read: (p) => days(marketingOf(p).lifecycle.wonBackDays) },
];

interface TierRule {
  field: string;
  label: string;
  read: (tier: TierDoc) => string;
}

/** Each tier's rules. */
const TIER_RULES: readonly TierRule[] = [
  { field: 'name', label: '名称', read: (t) => t.name },
  { field: 'entrySpendFen', label: '入会门槛', read: (t) => yuan(t.entrySpendFen) },
  { field: 'keepSpendFen', label: '保级门槛', read: (t) => yuan(t.keepSpendFen) },
  { field: 'pointsMultiplierPercent', label: '积分倍数', read: (t) => `×${(t.pointsMultiplierPercent / 100).toFixed(2)}` },
  { field: 'memberPricePercent', label: '会员价', read: (t) => `原价的${percent(t.memberPricePercent)}` },
  { field: 'birthdayCouponTemplateId', label: '生日礼券', read: (t) => template(t.birthdayCouponTemplateId) },
  {
    field: 'freeShippingThresholdFen',
    label: '包邮门槛',
    read: (t) =>
      t.freeShippingThresholdFen === null ? '无' : t.freeShippingThresholdFen === 0 ? '全场包邮' : `满${yuan(t.freeShippingThresholdFen)}`,
  },
  { field: 'perks', label: '展示权益', read: (t) => (t.perks.length ? t.perks.join('、') : '无') },
];

/**
 * What changes from one version of the rules to another, rule by rule in the editor's order,
 * each value as the admin reads it (yuan, days, percent). Tiers are matched by id; a tier only
 * one side has is shown as added or removed.
 */
export function programmeDiff(before: ProgrammeSnapshot, after: ProgrammeSnapshot): ProgrammeChange[] {
  const changes: ProgrammeChange[] = [];
  const beforeTiers = ladderOf(before.tiers);
  const afterTiers = ladderOf(after.tiers);
  for (const tier of afterTiers) {
    const old = beforeTiers.find((one) => one._id === tier._id);
    for (const rule of TIER_RULES) {
      const [was, now] = [old ? rule.read(old) : '（无此等级）', rule.read(tier)];
      if (was !== now)
        changes.push({ key: `tiers.${tier._id}.${rule.field}`, label: `${tier.name} · ${rule.label}`, before: was, after: now });
    }
  }
  for (const old of beforeTiers.filter((one) => !afterTiers.some((tier) => tier._id === one._id))) {
    changes.push({ key: `tiers.${old._id}`, label: `${old.name}`, before: '有此等级', after: '（无此等级）' });
  }
  for (const rule of RULES) {
    const [was, now] = [rule.read(before.programme), rule.read(after.programme)];
    if (was !== now) changes.push({ key: rule.key, label: rule.label, before: was, after: now });
  }
  return changes;
}
