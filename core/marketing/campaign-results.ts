import { DAY_MS } from '~/core/calendar/durations';
import type { CampaignGroupResult, CampaignResults, Estimate } from '~/types/campaigns';
import type { CampaignGroup } from '~/types/marketing';
import type { EpochMs } from '~/types/units';

/** The normal quantile of a two-sided 95 % interval. */
const Z = 1.959964;

/** What the results page states about the figures and their intervals. */
export const RESULTS_METHOD =
  '每组成员为活动启动时冻结的分群成员，按活动与会员编号的哈希分组；统计窗口为启动后设定的效果统计天数内（未到期时截至当前）。' +
  'GMV 为窗口内已支付线上订单与门店消费的实付金额（扣除优惠与积分抵扣、不含运费，减去退款），' +
  '购买次数为窗口内的支付笔数。核销率、转化率（≥1 次购买）、复购率（≥2 次购买）的 95% 置信区间用 Wilson 得分区间；' +
  '人均 GMV 用正态近似（均值 ± 1.96 × 标准误）；增量 GMV =（处理组人均 GMV − 对照组人均 GMV）× 处理组人数，' +
  '其区间按 Welch 正态近似（两组方差分别估计）。成本 = 窗口内活动券实际抵扣金额 + 使用活动券的订单/消费所得积分' +
  '（扣除退款回收）按积分抵现比例折算的金额；ROI = 增量 GMV ÷ 成本，成本视为已知，区间为增量 GMV 区间除以成本，成本为 0 时不计。';

/** One member's facts over the window, as read from their spend records, campaign coupon and ledger. */
export interface MemberOutcome {
  group: CampaignGroup;
  /** Net paid amount of each purchase or refund in the window, with its day index (0-based) since launch. */
  spends: { dayIndex: number; amountFen: number }[];
  /** Paid purchases (positive spend records) in the window. */
  purchases: number;
  couponUsed: boolean;
  couponDiscountFen: number;
  /** Points earned on the purchases that used the campaign coupon, net of clawbacks. */
  pointsEarned: number;
}

/** A group's running sums, added to member by member (page by page). */
export interface GroupTally {
  members: number;
  couponUsers: number;
  converted: number;
  repeated: number;
  gmvFen: number;
  /** Σ (member GMV)², for the variance. */
  gmvSquares: number;
  couponDiscountFen: number;
  pointsEarned: number;
  /** GMV by day index of the window (not cumulative). */
  dailyGmvFen: number[];
}

export type CampaignTallies = Partial<Record<CampaignGroup, GroupTally>>;

export function emptyTally(days: number): GroupTally {
  return {
    members: 0,
    couponUsers: 0,
    converted: 0,
    repeated: 0,
    gmvFen: 0,
    gmvSquares: 0,
    couponDiscountFen: 0,
    pointsEarned: 0,
    dailyGmvFen: Array.from({ length: days }, () => 0),
  };
}

/** Adds one member's outcome to their group's tally. */
export function addOutcome(tallies: CampaignTallies, days: number, outcome: MemberOutcome): void {
  const tally = (tallies[outcome.group] ??= emptyTally(days));
  const gmv = outcome.spends.reduce((sum, spend) => sum + spend.amountFen, 0);
  tally.members += 1;
  if (outcome.couponUsed) tally.couponUsers += 1;
  if (outcome.purchases >= 1) tally.converted += 1;
  if (outcome.purchases >= 2) tally.repeated += 1;
  tally.gmvFen += gmv;
  tally.gmvSquares += gmv * gmv;
  tally.couponDiscountFen += outcome.couponDiscountFen;
  tally.pointsEarned += outcome.pointsEarned;
  for (const spend of outcome.spends) {
    const day = Math.min(Math.max(spend.dayIndex, 0), days - 1);
    tally.dailyGmvFen[day] = (tally.dailyGmvFen[day] ?? 0) + spend.amountFen;
  }
}

/** Sums tallies (the treated groups into one). */
export function mergeTallies(days: number, tallies: GroupTally[]): GroupTally {
  const merged = emptyTally(days);
  for (const tally of tallies) {
    merged.members += tally.members;
    merged.couponUsers += tally.couponUsers;
    merged.converted += tally.converted;
    merged.repeated += tally.repeated;
    merged.gmvFen += tally.gmvFen;
    merged.gmvSquares += tally.gmvSquares;
    merged.couponDiscountFen += tally.couponDiscountFen;
    merged.pointsEarned += tally.pointsEarned;
    tally.dailyGmvFen.forEach((fen, day) => (merged.dailyGmvFen[day] = (merged.dailyGmvFen[day] ?? 0) + fen));
  }
  return merged;
}

/** The Wilson score interval of x successes in n trials; all null for n = 0. */
export function wilson(x: number, n: number): Estimate {
  if (n === 0) return { value: null, low: null, high: null };
  const p = x / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The sample variance from n, Σx and Σx²; null below two members. */
function variance(n: number, sum: number, squares: number): number | null {
  if (n < 2) return null;
  return Math.max(0, (squares - (sum * sum) / n) / (n - 1));
}

/** A group's mean with its normal-approximation interval. */
export function meanEstimate(n: number, sum: number, squares: number): Estimate {
  if (n === 0) return { value: null, low: null, high: null };
  const mean = sum / n;
  const v = variance(n, sum, squares);
  if (v === null) return { value: mean, low: null, high: null };
  const half = Z * Math.sqrt(v / n);
  return { value: mean, low: mean - half, high: mean + half };
}

/** The difference of two groups' means (a − b) with Welch's normal-approximation interval. */
export function meanDifference(a: GroupTally, b: GroupTally): Estimate {
  if (a.members === 0 || b.members === 0) return { value: null, low: null, high: null };
  const diff = a.gmvFen / a.members - b.gmvFen / b.members;
  const va = variance(a.members, a.gmvFen, a.gmvSquares);
  const vb = variance(b.members, b.gmvFen, b.gmvSquares);
  if (va === null || vb === null) return { value: diff, low: null, high: null };
  const half = Z * Math.sqrt(va / a.members + vb / b.members);
  return { value: diff, low: diff - half, high: diff + half };
}

const scale = (estimate: Estimate, by: number): Estimate => ({
  value: estimate.value === null ? null : estimate.value * by,
  low: estimate.low === null ? null : estimate.low * by,
  high: estimate.high === null ? null : estimate.high * by,
});

/** Points' worth in fen at the programme's rate (points per ¥1), rounded to the fen. */
export function pointsCostFen(points: number, pointsPerYuan: number): number {
  return Math.round((points * 100) / pointsPerYuan);
}

function groupResult(
  group: CampaignGroup | 'treated',
  tally: GroupTally,
  holdout: GroupTally | undefined,
  pointsPerYuan: number,
): CampaignGroupResult {
  const treated = group !== 'holdout';
  const costFen = tally.couponDiscountFen + pointsCostFen(tally.pointsEarned, pointsPerYuan);
  const incremental = treated && holdout && holdout.members > 0 ? scale(meanDifference(tally, holdout), tally.members) : null;
  return {
    group,
    members: tally.members,
    couponUseRate: treated ? wilson(tally.couponUsers, tally.members) : null,
    conversion: wilson(tally.converted, tally.members),
    repurchase: wilson(tally.repeated, tally.members),
    gmvFen: tally.gmvFen,
    gmvPerMemberFen: meanEstimate(tally.members, tally.gmvFen, tally.gmvSquares),
    incrementalGmvFen: incremental,
    couponDiscountFen: tally.couponDiscountFen,
    pointsEarned: tally.pointsEarned,
    costFen,
    roi: incremental && incremental.value !== null && costFen > 0 ? scale(incremental, 1 / costFen) : null,
  };
}

const TREATED: CampaignGroup[] = ['A', 'B', 'C'];

/**
 * The campaign's figures from its groups' tallies: holdout, each variant present, and all treated
 * members together, each with 95 % intervals (see RESULTS_METHOD); and each group's cumulative GMV
 * per member by day.
 */
export function campaignResults(
  tallies: CampaignTallies,
  window: { from: EpochMs; to: EpochMs; asOf: EpochMs; days: number; pointsPerYuan: number },
): CampaignResults {
  const holdout = tallies.holdout;
  const variants = TREATED.filter((group) => tallies[group] !== undefined);
  const groups: CampaignGroupResult[] = [];
  if (holdout) groups.push(groupResult('holdout', holdout, undefined, window.pointsPerYuan));
  for (const group of variants) groups.push(groupResult(group, tallies[group] as GroupTally, holdout, window.pointsPerYuan));
  if (variants.length > 1) {
    const treated = mergeTallies(
      window.days,
      variants.map((group) => tallies[group] as GroupTally),
    );
    groups.push(groupResult('treated', treated, holdout, window.pointsPerYuan));
  }
  const series: CampaignResults['series'] = [];
  // The chart runs to the day of the figures: days of the window still to come have no points yet.
  const daysSoFar = Math.max(1, Math.ceil((window.asOf - window.from) / DAY_MS));
  for (const group of [...(holdout ? (['holdout'] as const) : []), ...variants]) {
    const tally = tallies[group] as GroupTally;
    let cumulative = 0;
    tally.dailyGmvFen.slice(0, daysSoFar).forEach((fen, day) => {
      cumulative += fen;
      series.push({ day: day + 1, group, gmvPerMemberFen: tally.members === 0 ? 0 : Math.round(cumulative / tally.members) });
    });
  }
  return { from: window.from, to: window.to, asOf: window.asOf, groups, series, method: RESULTS_METHOD };
}
