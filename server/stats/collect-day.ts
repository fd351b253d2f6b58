import type { LifecycleStage } from '~/types/marketing';
import { DAY_MS } from '~/core/calendar/durations';
import { startOfDay } from '~/core/calendar/shanghai';
import type { Stackable } from '~/core/coupons/stacking';
import {
  couponDayFigures,
  couponShares,
  dormantCount,
  nextSnapshot,
  pointsFlow,
  purchaseSequence,
  tierMoveCounts,
  writeOffCost,
} from '~/core/stats/day-rollup';
import type { PointsByKind } from '~/core/stats/day-rollup';
import { ENTRY_TIER_ID } from '~/core/tiers/default-programme';
import type { LedgerKind } from '~/types/points';
import type { DailyStatsDoc, DaySnapshot } from '~/types/stats';
import type { EpochMs, Fen } from '~/types/units';
import { eachLimited } from '../runtime/each-limited';
import type { RequestContext } from '../runtime/wx';
import { countBy, readRange } from './read-range';

/** Members who paid within this many days count as active. */
const ACTIVE_DAYS = 30;
/** Members who joined before and paid for nothing within this many days count as dormant (the comeback coupon's rule). */
const DORMANT_DAYS = 90;

/** How many purchasers' earlier purchases are looked up at once. */
const LOOKUPS_IN_FLIGHT = 8;

/** How many purchases (paid orders and recorded in-store sales) each member made before `at` (2 stands for two or more). */
async function priorPurchases(ctx: RequestContext, firsts: Map<string, EpochMs>): Promise<Map<string, number>> {
  const _ = ctx.db.command;
  const prior = new Map<string, number>();
  await eachLimited([...firsts], LOOKUPS_IN_FLIGHT, async ([memberId, at]) => {
    const [orders, sales] = await Promise.all([
      ctx.db.collection('orders').find({ memberId, paidAt: _.lt(at) }, { limit: 2, fields: ['_id'] }),
      ctx.db.collection('store_sales').find({ memberId, status: 'recorded', createdAt: _.lt(at) }, { limit: 2, fields: ['_id'] }),
    ]);
    prior.set(memberId, Math.min(2, orders.length + sales.length));
  });
  return prior;
}

/** The day's points by ledger kind and its check-ins. */
async function pointsOfDay(ctx: RequestContext, from: EpochMs, to: EpochMs): Promise<{ byKind: PointsByKind; checkIns: number }> {
  const _ = ctx.db.command;
  const inDay = _.and([{ createdAt: _.gte(from) }, { createdAt: _.lt(to) }]);
  const [rows, checkIns] = await Promise.all([
    ctx.db.collection('ledger_entries').sums(inDay, 'kind', ['available', 'pending']),
    ctx.db.collection('ledger_entries').count(_.and([inDay, { kind: 'checkin' }])),
  ]);
  const byKind: PointsByKind = {};
  for (const row of rows) byKind[row._id as LedgerKind] = row.available + row.pending;
  return { byKind, checkIns };
}

/** The lifecycle stages (types/marketing.ts LIFECYCLE_STAGES, listed here so the bundle leaves out the segment schemas). */
const LIFECYCLE_STAGES: readonly LifecycleStage[] = ['new', 'active', 'dormant', 'churned', 'wonBack'];

/** Members by lifecycle stage as the profiles stand, by indexed counts on `stage`; null before any profile exists. */
async function stageCounts(ctx: RequestContext): Promise<Record<LifecycleStage, number> | null> {
  const profiles = ctx.db.collection('member_profiles');
  const counts = await Promise.all(LIFECYCLE_STAGES.map((stage) => profiles.count({ stage })));
  if (counts.every((n) => n === 0)) return null;
  return Object.fromEntries(LIFECYCLE_STAGES.map((stage, i) => [stage, counts[i] ?? 0])) as Record<LifecycleStage, number>;
}

/**
 * Members active in the last 30 days and dormant, counted over indexed ranges as of `to`. A member
 * deleted since `to` still counts as a member then, so rewriting a past day counts the same.
 */
async function memberActivity(ctx: RequestContext, to: EpochMs, membersTotal: number): Promise<{ active30: number; dormant: number }> {
  const _ = ctx.db.command;
  const members = ctx.db.collection('members');
  const between = (field: string, from: EpochMs) => [{ [field]: _.gte(from) }, { [field]: _.lt(to) }];
  const countAt = async (conditions: Record<string, unknown>[]) => {
    const [active, deletedSince] = await Promise.all([
      members.count(_.and([{ status: 'active' }, ...conditions])),
      members.count(_.and([{ deletedAt: _.gte(to) }, { status: 'deleted' }, ...conditions])),
    ]);
    return active + deletedSince;
  };
  const cutoff = to - DORMANT_DAYS * DAY_MS;
  const [active30, joinedInWindow, paidInWindow, joinedAndPaidInWindow] = await Promise.all([
    countAt(between('lastPaidAt', to - ACTIVE_DAYS * DAY_MS)),
    countAt(between('joinedAt', cutoff)),
    countAt(between('lastPaidAt', cutoff)),
    countAt([...between('joinedAt', cutoff), ...between('lastPaidAt', cutoff)]),
  ]);
  return { active30, dormant: dormantCount({ total: membersTotal, joinedInWindow, paidInWindow, joinedAndPaidInWindow }) };
}

/** What the coupons used in the day took off, each attributed to its template. */
async function couponsUsed(
  ctx: RequestContext,
  range: { from: EpochMs; to: EpochMs },
  orders: Map<string, { goodsSubtotalFen: Fen; shippingFeeFen: Fen; couponDiscountFen: Fen; shippingDiscountFen: Fen }>,
  sales: Map<string, Fen>,
): Promise<{ templateId: string; discountFen: Fen }[]> {
  const used = await readRange(ctx, 'coupon_instances', { field: 'usedAt', ...range, where: { status: 'used' } }, [
    'templateId',
    'usedBy',
    'terms',
    'stackingGroup',
  ]);
  const byOrder = new Map<string, (Stackable & { templateId: string })[]>();
  const costs: { templateId: string; discountFen: Fen }[] = [];
  for (const coupon of used) {
    const by = coupon.usedBy ?? '';
    const sale = sales.get(by);
    if (sale !== undefined) costs.push({ templateId: coupon.templateId, discountFen: sale });
    else if (!orders.has(by)) costs.push({ templateId: coupon.templateId, discountFen: writeOffCost(coupon.terms) });
    else byOrder.set(by, [...(byOrder.get(by) ?? []), { id: coupon._id, ...coupon }]);
  }
  for (const [orderId, coupons] of byOrder) {
    const shares = couponShares(coupons, orders.get(orderId) as Parameters<typeof couponShares>[1]);
    for (const coupon of coupons) costs.push({ templateId: coupon.templateId, discountFen: shares.get(coupon.id) ?? 0 });
  }
  return costs;
}

/**
 * The rollup of one Shanghai day up to `asOf` (the whole day once it has ended), from indexed
 * ranges of that day only: the standing (members, tiers, points) carries `previous` (the day
 * before's rollup; null on the first day) forward by the day's changes. The same data always
 * gives the same document. Active and dormant members are counted by each member's latest
 * payment, so they are exact for a day rolled up as it ends (a day rolled up later counts a
 * member who has paid since by that later payment).
 */
export async function collectDay(ctx: RequestContext, day: string, asOf: EpochMs, previous: DaySnapshot | null): Promise<DailyStatsDoc> {
  const _ = ctx.db.command;
  const from = startOfDay(day);
  const dayEnd = from + DAY_MS;
  const to = Math.min(dayEnd, asOf);
  const range = { from, to };
  const between = (field: string) => _.and([{ [field]: _.gte(from) }, { [field]: _.lt(to) }]);

  const [newMembers, deleted, moves, tiers, orders, sales, points, issued] = await Promise.all([
    ctx.db.collection('members').count(between('joinedAt')),
    readRange(ctx, 'members', { field: 'deletedAt', ...range }, ['tierId']),
    readRange(ctx, 'tier_history', { field: 'at', ...range }, ['from', 'to']),
    ctx.db.collection('tiers').find({}, { limit: 100, fields: ['rank'] }),
    readRange(ctx, 'orders', { field: 'paidAt', ...range }, [
      'memberId',
      'paidAt',
      'payableFen',
      'goodsSubtotalFen',
      'shippingFeeFen',
      'couponDiscountFen',
      'shippingDiscountFen',
    ]),
    readRange(ctx, 'store_sales', { field: 'createdAt', ...range, where: { day, status: 'recorded' } }, [
      'key',
      'memberId',
      'createdAt',
      'paidFen',
      'couponDiscountFen',
    ]),
    pointsOfDay(ctx, from, to),
    countBy(ctx, 'coupon_instances', between('issuedAt'), 'templateId'),
  ]);

  const purchases = [
    ...orders.map((order) => ({ memberId: order.memberId, at: order.paidAt as EpochMs })),
    ...sales.map((sale) => ({ memberId: sale.memberId, at: sale.createdAt })),
  ];
  const firsts = new Map<string, EpochMs>();
  for (const purchase of purchases) firsts.set(purchase.memberId, Math.min(firsts.get(purchase.memberId) ?? Infinity, purchase.at));
  const [prior, used] = await Promise.all([
    priorPurchases(ctx, firsts),
    couponsUsed(
      ctx,
      range,
      new Map(orders.map((order) => [order._id, order])),
      new Map(sales.map((sale) => [sale.key, sale.couponDiscountFen])),
    ),
  ]);
  const templateIds = [...new Set([...issued.keys(), ...used.map((coupon) => coupon.templateId)])];
  const templates = templateIds.length
    ? await ctx.db.collection('coupon_templates').find({ _id: _.in(templateIds) }, { limit: templateIds.length, fields: ['title'] })
    : [];
  const titles = new Map(templates.map((template) => [template._id, template.title]));

  const rank = new Map(tiers.map((tier) => [tier._id, tier.rank]));
  const tierMoves = tierMoveCounts(moves, (tierId) => rank.get(tierId) ?? 0);
  const sequence = purchaseSequence(purchases, prior);
  const flowOfPoints = pointsFlow(points.byKind);
  const deletedByTier = new Map<string, number>();
  for (const member of deleted) deletedByTier.set(member.tierId, (deletedByTier.get(member.tierId) ?? 0) + 1);
  const membersTotal = (previous?.membersTotal ?? 0) + newMembers - deleted.length;
  const [activity, byStage] = await Promise.all([memberActivity(ctx, to, membersTotal), stageCounts(ctx)]);

  return {
    _id: day,
    day,
    partial: asOf < dayEnd,
    asOf: to,
    flow: {
      newMembers,
      deletedMembers: deleted.length,
      tierUps: tierMoves.ups,
      tierDowns: tierMoves.downs,
      onlineOrders: orders.length,
      onlineFen: orders.reduce((sum, order) => sum + order.payableFen, 0),
      storeSales: sales.length,
      storeFen: sales.reduce((sum, sale) => sum + sale.paidFen, 0),
      firstPurchases: sequence.first,
      secondPurchases: sequence.second,
      repeatPurchases: sequence.repeat,
      pointsIssued: flowOfPoints.issued,
      pointsRedeemed: flowOfPoints.redeemed,
      pointsExpired: flowOfPoints.expired,
      pointsOther: flowOfPoints.other,
      checkIns: points.checkIns,
      coupons: couponDayFigures(issued, used, (templateId) => titles.get(templateId) ?? templateId),
    },
    snapshot: nextSnapshot(previous, {
      newMembers,
      entryTierId: ENTRY_TIER_ID,
      deletedByTier,
      moves,
      pointsNet: flowOfPoints.net,
      ...activity,
      ...(byStage ? { byStage } : {}),
    }),
    writtenAt: ctx.now,
  };
}
