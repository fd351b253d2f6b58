import type { DraftProblem, ProgrammeDraft } from '~/types/functions/admin-programme';
import { formatYuan } from '../money/format';

/** What a draft is checked against: the tiers there are (ids, lowest first) and the coupon templates there are. */
export interface DraftContext {
  tierIds: readonly string[];
  templateIds: ReadonlySet<string>;
}

/** A whole number from `min` to `max`, or the refusal of `field`. */
function inRange(field: string, value: number, min: number, max: number, message: string): DraftProblem[] {
  return Number.isInteger(value) && value >= min && value <= max ? [] : [{ field, message }];
}

function templateProblems(field: string, id: string | null, what: string, context: DraftContext): DraftProblem[] {
  return id === null || context.templateIds.has(id) ? [] : [{ field, message: `${what}「${id}」不存在，请先在优惠券页面创建` }];
}

/** The tier ladder: the same tiers in the same order, thresholds rising with rank, keep ≤ entry, and each tier's perks in range. */
function tierProblems(draft: ProgrammeDraft, context: DraftContext): DraftProblem[] {
  const ids = draft.tiers.map((tier) => tier.tierId);
  if (ids.length !== context.tierIds.length || ids.some((id, i) => id !== context.tierIds[i])) {
    return [{ field: 'tiers', message: '会员等级须与现有等级一致，不能增删或调整顺序' }];
  }
  const problems: DraftProblem[] = [];
  const names = new Set<string>();
  draft.tiers.forEach((tier, i) => {
    const at = (name: string) => `tiers.${i}.${name}`;
    const name = tier.name.trim();
    const label = name || `第${i + 1}级`;
    if (!name) problems.push({ field: at('name'), message: `第${i + 1}级的名称不能为空` });
    else if (name.length > 20) problems.push({ field: at('name'), message: `${label}的名称最多20个字` });
    else if (names.has(name)) problems.push({ field: at('name'), message: `等级名称「${name}」重复了` });
    names.add(name);
    const below = draft.tiers[i - 1];
    if (i === 0) {
      if (tier.entrySpendFen !== 0) problems.push({ field: at('entrySpendFen'), message: `${label}是最低等级，入会门槛须为0` });
      if (tier.keepSpendFen !== 0) problems.push({ field: at('keepSpendFen'), message: `${label}是最低等级，保级门槛须为0` });
    } else if (below) {
      const belowLabel = below.name.trim() || `第${i}级`;
      if (tier.entrySpendFen <= below.entrySpendFen) {
        problems.push({
          field: at('entrySpendFen'),
          message: `${label}的入会门槛须高于${belowLabel}的入会门槛（${formatYuan(below.entrySpendFen)}）`,
        });
      }
      if (tier.keepSpendFen <= 0) problems.push({ field: at('keepSpendFen'), message: `${label}的保级门槛须大于0` });
      else if (tier.keepSpendFen > tier.entrySpendFen) {
        problems.push({ field: at('keepSpendFen'), message: `${label}的保级门槛不能高于入会门槛（${formatYuan(tier.entrySpendFen)}）` });
      } else if (i > 1 && tier.keepSpendFen <= below.keepSpendFen) {
        problems.push({
          field: at('keepSpendFen'),
          message: `${label}的保级门槛须高于${belowLabel}的保级门槛（${formatYuan(below.keepSpendFen)}）`,
        });
      }
    }
    problems.push(
      ...inRange(at('pointsMultiplierPercent'), tier.pointsMultiplierPercent, 0, 1000, `${label}的积分倍数须在0%–1000%之间`),
      ...inRange(at('memberPricePercent'), tier.memberPricePercent, 50, 100, `${label}的会员价须在原价的50%–100%之间`),
      ...templateProblems(at('birthdayCouponTemplateId'), tier.birthdayCouponTemplateId, `${label}的生日礼券`, context),
    );
    if (tier.perks.length > 8) problems.push({ field: at('perks'), message: `${label}最多展示8项权益` });
    if (tier.perks.some((perk) => !perk.trim() || perk.trim().length > 20)) {
      problems.push({ field: at('perks'), message: `${label}的每项权益须为1–20个字` });
    }
  });
  return problems;
}

/**
 * Why a draft of the programme's rules cannot be published, each refusal in Chinese with the
 * field it is about; empty when it can be.
 */
export function draftProblems(draft: ProgrammeDraft, context: DraftContext): DraftProblem[] {
  const { points, checkIn, tierReview, coupons } = draft;
  return [
    ...tierProblems(draft, context),
    ...inRange('points.earnPerYuan', points.earnPerYuan, 0, 100, '每消费1元所得积分须在0–100之间'),
    ...inRange('points.pendingDays', points.pendingDays, 0, 90, '积分待确认天数须在0–90天之间'),
    ...inRange('points.expiryMonths', points.expiryMonths, 1, 120, '积分有效期须在1–120个月之间'),
    ...inRange('points.expiryNoticeDays', points.expiryNoticeDays, 1, 60, '积分过期提醒须提前1–60天'),
    ...inRange('points.pointsPerYuan', points.pointsPerYuan, 1, 10_000, '抵扣比例须在1–10000积分抵¥1之间'),
    ...inRange('points.maxRedeemPercent', points.maxRedeemPercent, 0, 100, '积分最高抵扣须在商品金额的0%–100%之间'),
    ...inRange('checkIn.dailyPoints', checkIn.dailyPoints, 0, 1_000, '每日签到积分须在0–1000之间'),
    ...inRange('checkIn.streakDays', checkIn.streakDays, 2, 31, '连续签到天数须在2–31天之间'),
    ...inRange('checkIn.streakBonusPoints', checkIn.streakBonusPoints, 0, 10_000, '连续签到奖励须在0–10000积分之间'),
    ...inRange('profileBonusPoints', draft.profileBonusPoints, 0, 10_000, '完善资料奖励须在0–10000积分之间'),
    ...inRange('tierReview.graceDays', tierReview.graceDays, 0, 365, '降级宽限期须在0–365天之间'),
    ...inRange('tierReview.noticeDays', tierReview.noticeDays, 1, 90, '降级提醒须提前1–90天'),
    ...(tierReview.noticeDays > tierReview.graceDays && tierReview.graceDays > 0
      ? [{ field: 'tierReview.noticeDays', message: '降级提醒的提前天数不能多于宽限期天数' }]
      : []),
    ...templateProblems('coupons.welcomeTemplateId', coupons.welcomeTemplateId, '新人券', context),
    ...templateProblems('coupons.comebackTemplateId', coupons.comebackTemplateId, '回归券', context),
    ...inRange('coupons.comebackAfterDays', coupons.comebackAfterDays, 7, 730, '回归券须在会员7–730天未下单后发放'),
    ...inRange('coupons.comebackCooldownDays', coupons.comebackCooldownDays, 0, 730, '回归券发放间隔须在0–730天之间'),
    ...(draft.marketing ? marketingProblems(draft.marketing) : []),
  ];
}

/** The grouping settings: an RFM window of a month to two years, and lifecycle thresholds in order. */
function marketingProblems(marketing: NonNullable<ProgrammeDraft['marketing']>): DraftProblem[] {
  const { rfmWindowDays, lifecycle } = marketing;
  return [
    ...inRange('marketing.rfmWindowDays', rfmWindowDays, 30, 730, 'RFM统计周期须在30–730天之间'),
    ...inRange('marketing.lifecycle.newDays', lifecycle.newDays, 1, 365, '新会员期须在1–365天之间'),
    ...inRange('marketing.lifecycle.activeDays', lifecycle.activeDays, 7, 730, '活跃期须在7–730天之间'),
    ...inRange('marketing.lifecycle.dormantDays', lifecycle.dormantDays, 8, 1_095, '沉睡期须在8–1095天之间'),
    ...(lifecycle.dormantDays <= lifecycle.activeDays
      ? [{ field: 'marketing.lifecycle.dormantDays', message: '沉睡期须长于活跃期（超过沉睡期才算流失）' }]
      : []),
    ...inRange('marketing.lifecycle.wonBackDays', lifecycle.wonBackDays, 1, 365, '回流期须在1–365天之间'),
  ];
}
