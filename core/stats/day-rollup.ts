import type { LifecycleStage } from '~/types/marketing';
import type { CouponTerms } from '~/types/coupons';
import type { LedgerKind } from '~/types/points';
import type { CouponDayFigures, DaySnapshot } from '~/types/stats';
import type { Fen, Points } from '~/types/units';
import { applyCoupons } from '../coupons/apply-coupons';
import type { Stackable } from '../coupons/stacking';
import { allocate } from '../money/allocate';

/** Net points (available + pending) of one day's ledger entries, by kind. */
export type PointsByKind = Partial<Record<LedgerKind, Points>>;

/** The day's points in the dashboard's four groups, and the net change of what members hold. */
export function pointsFlow(byKind: PointsByKind): { issued: Points; redeemed: Points; expired: Points; other: Points; net: Points } {
  const of = (kind: LedgerKind) => byKind[kind] ?? 0;
  const issued = of('earn') + of('checkin') + of('profile');
  // A refunded order gives its spent points back: redemptions count net of those returns.
  const redeemed = 0 - (of('spend') + of('refund'));
  const expired = 0 - of('expire');
  const other = of('adjust') + of('clawback') + of('release');
  return { issued, redeemed, expired, other, net: issued - redeemed - expired + other };
}

/** Upgrades and downgrades among one day's tier changes, by the tiers' ranks (an unknown tier ranks 0). */
export function tierMoveCounts(
  moves: readonly { from: string; to: string }[],
  rankOf: (tierId: string) => number,
): { ups: number; downs: number } {
  let ups = 0;
  let downs = 0;
  for (const move of moves) {
    const step = rankOf(move.to) - rankOf(move.from);
    if (step > 0) ups += 1;
    else if (step < 0) downs += 1;
  }
  return { ups, downs };
}

/**
 * Which of a day's purchases were the member's first ever, their second, and any after the first:
 * `prior` says how many purchases each member had before the day (2 stands for "two or more").
 */
export function purchaseSequence(
  purchases: readonly { memberId: string; at: number }[],
  prior: ReadonlyMap<string, number>,
): { first: number; second: number; repeat: number } {
  const seen = new Map<string, number>();
  let first = 0;
  let second = 0;
  let repeat = 0;
  for (const purchase of [...purchases].sort((a, b) => a.at - b.at)) {
    const nth = (prior.get(purchase.memberId) ?? 0) + (seen.get(purchase.memberId) ?? 0);
    seen.set(purchase.memberId, (seen.get(purchase.memberId) ?? 0) + 1);
    if (nth === 0) first += 1;
    else repeat += 1;
    if (nth === 1) second += 1;
  }
  return { first, second, repeat };
}

/**
 * Each coupon's share of an order's coupon discount (goods and shipping), as checkout applied
 * them; should the coupons no longer apply as stored, the order's discount is split evenly.
 */
export function couponShares(
  coupons: readonly Stackable[],
  order: { goodsSubtotalFen: Fen; shippingFeeFen: Fen; couponDiscountFen: Fen; shippingDiscountFen: Fen },
): Map<string, Fen> {
  const applied = applyCoupons(coupons, { goodsSubtotalFen: order.goodsSubtotalFen, shippingFeeFen: order.shippingFeeFen });
  if (applied.ok) return new Map(applied.lines.map((line) => [line.id, line.goodsDiscountFen + line.shippingDiscountFen]));
  const total = order.couponDiscountFen + order.shippingDiscountFen;
  const parts =
    coupons.length === 0
      ? []
      : allocate(
          total,
          coupons.map(() => 1),
        );
  return new Map(coupons.map((coupon, i) => [coupon.id, parts[i] ?? 0]));
}

/** What a coupon written off at the till on its own took off: a cash coupon's amount (the till records no price for the others). */
export function writeOffCost(terms: CouponTerms): Fen {
  return terms.kind === 'cash' ? terms.amountFen : 0;
}

/** The day's coupon figures by template, from the templates' issue counts and the coupons used with their cost; busiest first. */
export function couponDayFigures(
  issued: ReadonlyMap<string, number>,
  used: readonly { templateId: string; discountFen: Fen }[],
  titleOf: (templateId: string) => string,
): CouponDayFigures[] {
  const rows = new Map<string, CouponDayFigures>();
  const row = (templateId: string) => {
    const found = rows.get(templateId);
    if (found) return found;
    const made = { templateId, title: titleOf(templateId), issued: 0, used: 0, discountFen: 0 };
    rows.set(templateId, made);
    return made;
  };
  for (const [templateId, count] of issued) row(templateId).issued += count;
  for (const coupon of used) {
    const found = row(coupon.templateId);
    found.used += 1;
    found.discountFen += coupon.discountFen;
  }
  return [...rows.values()].sort((a, b) => b.issued + b.used - (a.issued + a.used) || a.templateId.localeCompare(b.templateId));
}

/**
 * Members who joined before the dormancy window and paid for nothing in it, from counts over
 * indexed ranges: all members, less those who joined in the window, less those who paid in it,
 * adding back those who did both (counted twice).
 */
export function dormantCount(counts: {
  total: number;
  joinedInWindow: number;
  paidInWindow: number;
  joinedAndPaidInWindow: number;
}): number {
  return Math.max(0, counts.total - counts.joinedInWindow - counts.paidInWindow + counts.joinedAndPaidInWindow);
}

/** How the day moved the members and their points, to carry the previous day's standing forward. */
export interface DayChanges {
  newMembers: number;
  /** The tier new members start in. */
  entryTierId: string;
  /** Members deleted that day, by the tier they were in. */
  deletedByTier: ReadonlyMap<string, number>;
  moves: readonly { from: string; to: string }[];
  pointsNet: Points;
  active30: number;
  dormant: number;
  /** Members by lifecycle stage, when profiles exist. */
  byStage?: Record<LifecycleStage, number>;
}

/**
 * The standing at the end of a day: the previous day's (none before the first day) moved by the
 * day's joins, deletions, tier changes and points, so no day reads every member. Tiers left
 * with no member are dropped.
 */
export function nextSnapshot(previous: DaySnapshot | null, changes: DayChanges): DaySnapshot {
  const byTier = new Map(Object.entries(previous?.byTier ?? {}));
  const add = (tierId: string, n: number) => byTier.set(tierId, (byTier.get(tierId) ?? 0) + n);
  add(changes.entryTierId, changes.newMembers);
  for (const move of changes.moves) {
    add(move.from, -1);
    add(move.to, 1);
  }
  let deleted = 0;
  for (const [tierId, n] of changes.deletedByTier) {
    add(tierId, -n);
    deleted += n;
  }
  return {
    membersTotal: (previous?.membersTotal ?? 0) + changes.newMembers - deleted,
    byTier: Object.fromEntries([...byTier].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b))),
    pointsOutstanding: (previous?.pointsOutstanding ?? 0) + changes.pointsNet,
    active30: changes.active30,
    dormant: changes.dormant,
    ...(changes.byStage ? { byStage: changes.byStage } : {}),
  };
}
