import fc from 'fast-check';
import { buildTemplateDoc } from '~/core/coupons/template-rules';
import { pendingLotId } from '~/core/points/lots';
import { dayOf } from '~/core/calendar/shanghai';
import { RuleError } from '~/core/rule-error';
import { claimCoupon } from '~/server/coupons/claim-coupon';
import { lockCoupon } from '~/server/coupons/lock-coupon';
import { useCoupon } from '~/server/coupons/use-coupon';
import type { PostResult } from '~/server/points/post-entry';
import {
  adjustPoints,
  checkIn,
  clawbackOrderPoints,
  earnForOrder,
  refundSpentPoints,
  releasePendingLot,
  spendPoints,
  startReturnWindow,
} from '~/server/points/member-points';
import { reconcileAll } from '~/server/points/reconcile';
import { cancelRedemption } from '~/server/rewards/cancel-redemption';
import { spendKeyOf } from '~/server/rewards/redemption-steps';
import { redeemReward } from '~/server/rewards/redeem-reward';
import { AppError } from '~/server/runtime/errors';
import type { RequestContext } from '~/server/runtime/wx';
import type { CouponInstanceDoc, CouponQuotaDoc, CouponTemplateDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { CouponsResponses } from '~/types/functions/coupons';
import { couponTemplateInput } from '~/types/functions/coupons';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { addMember, startUseCaseCloud } from '../support/use-cases';

/**
 * Property: random bursts of concurrent, partly duplicated requests over a few members keep
 * the books (balance = ledger = lots), the stocks and the per-member limits, and every copy
 * of a request answers what the first one did. Each run plays a generated scenario against a
 * fresh set of members, rewards and coupon templates on one local cloud.
 * LM_PROPERTY_SEED=<seed> replays the generated scenarios (the interleavings still vary).
 *
 * Open bugs this property finds are failures by default. LM_PROPERTY_ALLOW=<name,…> counts the named
 * ones instead of failing, to check everything else while a fix is pending:
 * - claim-twin: a duplicate coupon-centre claim of the last unit answers OUT_OF_STOCK while its twin got the coupon;
 * - checkin-order: check-ins of one member committed out of day order (around a Shanghai midnight) move
 *   `checkIn.lastDay` back a day and break the streak.
 */
const ALLOWED = new Set((process.env.LM_PROPERTY_ALLOW ?? '').split(',').filter(Boolean));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const START = Date.UTC(2026, 10, 22, 2); // 10:00 on 22 November in Shanghai

const RUNS = 4;
const MEMBERS = 8;
const BATCHES = 22;
const CHECK_EVERY = 5;

// ---------------------------------------------------------------- generated scenario

type Op =
  | { kind: 'earn'; m: number; lines: number[] }
  | { kind: 'window'; order: number; daysAgo: number }
  | { kind: 'release'; order: number }
  | { kind: 'clawback'; order: number; pick: number }
  | { kind: 'spend'; m: number; points: number }
  | { kind: 'refundSpend'; spend: number }
  | { kind: 'checkIn'; m: number }
  | { kind: 'redeem'; m: number; reward: number }
  | { kind: 'cancel'; redemption: number }
  | { kind: 'claim'; m: number; template: number }
  | { kind: 'useCoupon'; instance: number; order: number }
  | { kind: 'adjust'; m: number; points: number };
type OpKind = Op['kind'];

interface Planned {
  op: Op;
  /** Copies sent at once, each after its own small delay (ms). */
  delays: readonly number[];
  /** Whether one more copy is sent with the next batch. */
  later: boolean;
}

type Advance = { type: 'none' } | { type: 'minutes'; n: number } | { type: 'hours'; n: number } | { type: 'toMidnight'; beforeMs: number };

interface Batch {
  advance: Advance;
  /** Per-request clock skew within the batch, so a batch may straddle a Shanghai midnight. */
  skewMs: number;
  ops: Planned[];
}

interface Scenario {
  tiers: string[];
  seedPoints: number[];
  rewards: { cost: number; stock: number; limit: number }[];
  templates: { stock: number; limit: number }[];
  batches: Batch[];
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const ref = fc.nat({ max: 10_000 });
const member = fc.nat({ max: MEMBERS - 1 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  // Paid fen per line: small lines may earn no point of their own.
  w(
    12,
    fc.record({
      kind: fc.constant('earn' as const),
      m: member,
      lines: fc.array(fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 400, max: 40_000 })), { minLength: 1, maxLength: 3 }),
    }),
  ),
  w(8, fc.record({ kind: fc.constant('window' as const), order: ref, daysAgo: fc.integer({ min: 0, max: 9 }) })),
  w(8, fc.record({ kind: fc.constant('release' as const), order: ref })),
  w(5, fc.record({ kind: fc.constant('clawback' as const), order: ref, pick: fc.nat({ max: 7 }) })),
  w(10, fc.record({ kind: fc.constant('spend' as const), m: member, points: fc.integer({ min: 1, max: 300 }) })),
  w(4, fc.record({ kind: fc.constant('refundSpend' as const), spend: ref })),
  w(10, fc.record({ kind: fc.constant('checkIn' as const), m: member })),
  w(12, fc.record({ kind: fc.constant('redeem' as const), m: member, reward: fc.nat({ max: 2 }) })),
  w(5, fc.record({ kind: fc.constant('cancel' as const), redemption: ref })),
  w(12, fc.record({ kind: fc.constant('claim' as const), m: member, template: fc.nat({ max: 2 }) })),
  w(4, fc.record({ kind: fc.constant('useCoupon' as const), instance: ref, order: fc.nat({ max: 2 }) })),
  w(
    6,
    fc.record({
      kind: fc.constant('adjust' as const),
      m: member,
      points: fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: -300, max: -1 })),
    }),
  ),
);

const plannedArb: fc.Arbitrary<Planned> = fc.record({
  op: opArb,
  delays: fc.oneof(
    w(14, fc.constant([0])),
    w(4, fc.tuple(fc.constant(0), fc.nat({ max: 30 }))),
    w(2, fc.tuple(fc.constant(0), fc.nat({ max: 30 }), fc.nat({ max: 30 }))),
  ),
  later: fc.oneof(w(9, fc.constant(false)), w(1, fc.constant(true))),
});

const advanceArb: fc.Arbitrary<Advance> = fc.oneof(
  w(2, fc.constant({ type: 'none' as const })),
  w(3, fc.record({ type: fc.constant('minutes' as const), n: fc.integer({ min: 1, max: 90 }) })),
  w(4, fc.record({ type: fc.constant('hours' as const), n: fc.integer({ min: 2, max: 30 }) })),
  w(2, fc.record({ type: fc.constant('toMidnight' as const), beforeMs: fc.integer({ min: 1_000, max: 2 * MINUTE }) })),
);

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  tiers: fc.array(fc.constantFrom('normal', 'silver', 'gold', 'diamond'), { minLength: MEMBERS, maxLength: MEMBERS }),
  seedPoints: fc.array(fc.integer({ min: 0, max: 800 }), { minLength: MEMBERS, maxLength: MEMBERS }),
  rewards: fc.array(
    fc.record({ cost: fc.integer({ min: 20, max: 400 }), stock: fc.integer({ min: 2, max: 8 }), limit: fc.integer({ min: 1, max: 3 }) }),
    {
      minLength: 3,
      maxLength: 3,
    },
  ),
  templates: fc.array(fc.record({ stock: fc.integer({ min: 3, max: 10 }), limit: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 3,
    maxLength: 3,
  }),
  batches: fc.array(
    fc.record({
      advance: advanceArb,
      skewMs: fc.oneof(w(4, fc.constant(0)), w(1, fc.integer({ min: 1_000, max: 3 * MINUTE }))),
      ops: fc.array(plannedArb, { minLength: 25, maxLength: 50 }),
    }),
    { minLength: BATCHES, maxLength: BATCHES },
  ),
});

// ---------------------------------------------------------------- requests and outcomes

type Outcome = { ok: true; summary: string } | { ok: false; code: string; message: string };
/** What the database says a request did, in the same terms as an outcome; null when nothing is recorded (yet). */
type Recorded = { value: string } | { code: string } | null;

interface Request {
  kind: OpKind;
  label: string;
  /** Codes this request may be refused with. */
  expected: readonly string[];
  /** Codes a copy may get while another copy succeeds: a race with another request's write, nothing recorded. */
  racy: readonly string[];
  /** Whether copies must answer equal values (a guarded flag like startReturnWindow answers true once by design). */
  idempotent: boolean;
  /**
   * Whether something may be recorded under this request's key after a copy was refused with a racy code: another
   * request of the batch releasing the same order later in the day, or a copy starting a redemption after this one read.
   */
  recordableAfterRefusal?: boolean;
  now: number;
  /** The clock a copy sent later uses: a check-in retried later the same day, anything else now. */
  laterNow: (current: number) => number;
  send: (now: number) => Promise<unknown>;
  summarize: (value: unknown) => string;
  recorded: () => Recorded;
  /** The document a redemption or spend request is about, for later requests to refer to. */
  ref?: string;
}

const POINTS_REFUSALS = ['INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE'] as const;
/** Requests answered with a ledger posting (or null). */
const LEDGER_KINDS: readonly OpKind[] = ['earn', 'release', 'clawback', 'spend', 'refundSpend', 'checkIn', 'adjust'];

function outcomeOf(result: PromiseSettledResult<unknown>, request: Request): Outcome {
  if (result.status === 'fulfilled') return { ok: true, summary: request.summarize(result.value) };
  const error = result.reason as unknown;
  if (error instanceof RuleError || error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  return {
    ok: false,
    code: 'UNEXPECTED',
    message: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : JSON.stringify(error),
  };
}

const show = (outcome: Outcome) => (outcome.ok ? outcome.summary : `${outcome.code} (${outcome.message.split('\n')[0]})`);
const showRecorded = (recorded: Recorded) => (recorded === null ? 'nothing' : 'value' in recorded ? recorded.value : recorded.code);
const matches = (outcome: Outcome, recorded: Recorded) =>
  recorded !== null &&
  ('value' in recorded ? outcome.ok && outcome.summary === recorded.value : !outcome.ok && outcome.code === recorded.code);

const postSummary = (result: PostResult | null) =>
  result === null
    ? 'null'
    : JSON.stringify({ id: result.entry._id, available: result.entry.available, pending: result.entry.pending, lots: result.entry.lots });
const redemptionSummary = (r: RedemptionDoc) =>
  JSON.stringify({ id: r._id, status: r.status, pickupCode: r.pickupCode, couponInstanceId: r.couponInstanceId, pointsCost: r.pointsCost });

// ---------------------------------------------------------------- the suite

describe('loyalty invariants under concurrent, duplicated requests (property)', () => {
  let cloud: LocalCloud;
  let ctx: (now: number, openid?: string) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const read = <T>(collection: string, id: string): T | null => {
    const row = cloud.store.get(collection, id);
    return row ? (cloud.store.parse(row) as unknown as T) : null;
  };
  const all = <T>(collection: string, field: string, like: string): T[] =>
    cloud.store
      .page(collection, [`json_extract(doc, '$.${field}') LIKE ?`], [like], '_id', 1_000_000, 0)
      .map((row) => cloud.store.parse(row) as unknown as T);

  it('keeps balances, lots, stocks, limits and idempotency through thousands of random operations', async () => {
    const started = Date.now();
    const totals = { calls: 0, requests: 0, concurrentCopies: 0, laterCopies: 0, racyMixed: 0, checks: 0, maxInFlight: 0 };
    const perKind = new Map<string, Map<string, number>>();
    const tally = (kind: string, what: string) => {
      const counts = perKind.get(kind) ?? new Map<string, number>();
      counts.set(what, (counts.get(what) ?? 0) + 1);
      perKind.set(kind, counts);
    };
    let run = 0;
    const seed = Number(process.env.LM_PROPERTY_SEED ?? Date.now() ^ (Math.random() * 0x1_0000_0000));

    const property = fc.asyncProperty(scenarioArb, async (scenario) => {
      run += 1;
      const p = `p${run}`;
      const violations: string[] = [];
      const fail = (message: string) => violations.push(`[${p}] ${message}`);
      const known = (issue: string, message: string) => {
        if (ALLOWED.has(issue)) tally('known issue', issue);
        else fail(`${message} [known issue ${issue}; LM_PROPERTY_ALLOW=${issue} counts it instead]`);
      };
      let now = START;
      let seq = 0;
      const next = () => (seq += 1);

      // Fixtures, inserted as the console import would.
      const members = scenario.tiers.map((tierId, i) => addMember(cloud, `${p}m${i}`, now - 30 * DAY, { tierId }));
      const systemTemplate = buildTemplateDoc(
        couponTemplateInput.parse({
          title: '兑换券',
          terms: { kind: 'cash', thresholdFen: 0, amountFen: 500 },
          validity: { type: 'relative', days: 30 },
          totalStock: null,
          channel: 'system',
        }),
        `${p}-sys`,
        now,
      );
      cloud.store.insert('coupon_templates', { ...systemTemplate });
      const rewards: RewardDoc[] = scenario.rewards.map((spec, i) => ({
        _id: `${p}-rw${i}`,
        title: `礼品${i}`,
        description: '门店自提',
        imageUrl: '',
        category: '周边',
        kind: i === 2 ? 'coupon' : 'pickup',
        pointsCost: spec.cost,
        cashFen: 0,
        couponTemplateId: i === 2 ? systemTemplate._id : null,
        totalStock: spec.stock,
        stockRemaining: spec.stock,
        perMemberLimit: spec.limit,
        availableFrom: null,
        availableTo: null,
        minTierId: null,
        status: 'active',
        sort: i,
        createdAt: now,
        updatedAt: now,
      }));
      for (const reward of rewards) cloud.store.insert('rewards', { ...reward });
      const templates = scenario.templates.map((spec, i) => {
        const input = couponTemplateInput.parse({
          title: `满99减${i + 5}`,
          terms: { kind: 'cash', thresholdFen: 9900, amountFen: 500 + i * 100 },
          validity: { type: 'relative', days: 7 },
          totalStock: spec.stock,
          perMemberLimit: spec.limit,
          channel: 'centre',
        });
        const doc = buildTemplateDoc(input, `${p}-ct${i}`, now);
        cloud.store.insert('coupon_templates', { ...doc });
        return doc;
      });

      // What earlier batches left to refer to.
      const orders: { orderId: string; memberId: string; unrefunded: string[] }[] = [];
      const spends: { key: string; memberId: string }[] = [];
      const redemptions: { id: string; memberId: string }[] = [];
      const coupons: { id: string; memberId: string }[] = [];
      const windowsStarted = new Map<string, number>();
      const usedBy = new Map<string, Set<string>>();
      const succeededEntries = new Set<string>();

      const ledger = (key: string) => (): Recorded => {
        const entry = read<LedgerEntryDoc>('ledger_entries', key);
        return entry ? { value: postSummary({ entry, created: true }) } : null;
      };
      const postRequest = (
        kind: OpKind,
        label: string,
        key: string,
        rest: Pick<Request, 'send' | 'expected' | 'racy'> & Partial<Request>,
      ): Request => ({
        kind,
        label,
        now,
        idempotent: true,
        laterNow: (current) => current,
        summarize: (v) => postSummary(v as PostResult | null),
        recorded: ledger(key),
        ...rest,
      });

      /** Turns a generated op into a request, against what earlier batches created; null when there is nothing to refer to. */
      const toRequest = (op: Op, at: number): Request | null => {
        switch (op.kind) {
          case 'earn': {
            const m = members[op.m] as MemberDoc;
            const orderId = `${p}o${next()}`;
            const lines = op.lines.map((paidFen, i) => ({ lineId: `l${i}`, paidFen }));
            return postRequest('earn', `earn ${orderId} ${JSON.stringify(op.lines)}`, `earn:order:${orderId}`, {
              now: at,
              expected: [],
              racy: [],
              send: (t) => earnForOrder(ctx(t), { memberId: m._id, orderId, lines }),
            });
          }
          case 'window': {
            const order = orders[op.order % Math.max(1, orders.length)];
            if (!order) return null;
            const completedAt = at - op.daysAgo * DAY;
            return {
              kind: 'window',
              label: `window ${order.orderId}`,
              now: at,
              expected: [],
              racy: [],
              idempotent: false,
              laterNow: (current) => current,
              send: async (t) => {
                const started = await startReturnWindow(ctx(t), { orderId: order.orderId, completedAt });
                if (started) windowsStarted.set(order.orderId, (windowsStarted.get(order.orderId) ?? 0) + 1);
                return started;
              },
              summarize: (v) => String(v),
              recorded: () => null,
            };
          }
          case 'release': {
            const windowed = orders.filter((o) => windowsStarted.has(o.orderId));
            const candidates = windowed.length > 0 ? windowed : orders;
            const order = candidates[op.order % Math.max(1, candidates.length)];
            if (!order) return null;
            const entryId = `earn:order:${order.orderId}`;
            return postRequest('release', `release ${order.orderId}`, `release:${entryId}`, {
              now: at,
              expected: ['INVALID_STATE'],
              racy: ['INVALID_STATE'],
              recordableAfterRefusal: true,
              send: (t) => releasePendingLot(ctx(t), { _id: pendingLotId(entryId), memberId: order.memberId, entryId }),
            });
          }
          case 'clawback': {
            const order = orders[op.order % Math.max(1, orders.length)];
            if (!order || order.unrefunded.length === 0) return null;
            // Refunds never overlap: each line is refunded at most once, as the orders module ensures.
            let lineIds = order.unrefunded.filter((_, i) => (op.pick >> i) & 1);
            if (lineIds.length === 0) lineIds = [order.unrefunded[0] as string];
            order.unrefunded = order.unrefunded.filter((id) => !lineIds.includes(id));
            const refundId = `rf${next()}`;
            return postRequest(
              'clawback',
              `clawback ${order.orderId} ${lineIds.join(',')}`,
              `clawback:order:${order.orderId}:${refundId}`,
              {
                now: at,
                expected: [],
                racy: [],
                send: (t) => clawbackOrderPoints(ctx(t), { memberId: order.memberId, orderId: order.orderId, refundId, lineIds }),
              },
            );
          }
          case 'spend': {
            const m = members[op.m] as MemberDoc;
            const key = `spend:order:${p}x${next()}`;
            return postRequest('spend', `${key} ${op.points}`, key, {
              now: at,
              expected: POINTS_REFUSALS,
              racy: POINTS_REFUSALS,
              ref: key,
              send: (t) =>
                spendPoints(ctx(t), { memberId: m._id, key, points: op.points, reason: '积分抵现', ref: { type: 'order', id: key } }),
            });
          }
          case 'refundSpend': {
            const spend = spends[op.spend % Math.max(1, spends.length)];
            if (!spend) return null;
            // One refund key per spend: a second refund of the same spend is a retry of the first.
            const key = `refund:${spend.key}`;
            return postRequest('refundSpend', key, key, {
              now: at,
              expected: [],
              racy: [],
              send: (t) =>
                refundSpentPoints(ctx(t), {
                  memberId: spend.memberId,
                  key,
                  spendKey: spend.key,
                  reason: '订单取消退回积分',
                  ref: { type: 'order', id: spend.key },
                }),
            });
          }
          case 'checkIn': {
            const m = members[op.m] as MemberDoc;
            return postRequest('checkIn', `checkin ${m._id} ${dayOf(at)}`, `checkin:${m._id}:${dayOf(at)}`, {
              now: at,
              expected: [],
              racy: [],
              laterNow: () => at,
              send: (t) => checkIn(ctx(t), m._id),
            });
          }
          case 'adjust': {
            const m = members[op.m] as MemberDoc;
            const key = `${p}a${next()}`;
            return postRequest('adjust', `adjust ${m._id} ${op.points}`, `adjust:${m._id}:${key}`, {
              now: at,
              expected: op.points < 0 ? POINTS_REFUSALS : [],
              racy: op.points < 0 ? POINTS_REFUSALS : [],
              send: (t) => adjustPoints(ctx(t), { memberId: m._id, key, points: op.points, reason: '客服调整', adminId: 'admin' }),
            });
          }
          case 'redeem': {
            const m = members[op.m] as MemberDoc;
            const reward = rewards[op.reward] as RewardDoc;
            const clientKey = `k${next()}`;
            const id = `redeem:${m._id}:${clientKey}`;
            return {
              kind: 'redeem',
              label: `redeem ${reward._id} by ${m._id} (${id})`,
              now: at,
              idempotent: true,
              laterNow: (current) => current,
              ref: id,
              recordableAfterRefusal: true,
              expected: [...POINTS_REFUSALS, 'OUT_OF_STOCK', 'LIMIT_REACHED'],
              racy: POINTS_REFUSALS,
              // The route loads the caller's member record, then redeems.
              send: (t) =>
                redeemReward(ctx(t, m.openid), read<MemberDoc>('members', m._id) as MemberDoc, { rewardId: reward._id, clientKey }),
              summarize: (v) => redemptionSummary(v as RedemptionDoc),
              recorded: () => {
                const doc = read<RedemptionDoc>('redemptions', id);
                if (!doc || doc.status === 'processing') return null;
                return doc.status === 'failed' ? { code: doc.failure ?? 'INTERNAL' } : { value: redemptionSummary(doc) };
              },
            };
          }
          case 'cancel': {
            const target = redemptions[op.redemption % Math.max(1, redemptions.length)];
            if (!target) return null;
            const summary = (r: Pick<RedemptionDoc, '_id' | 'status'>) => JSON.stringify({ id: r._id, status: r.status });
            return {
              kind: 'cancel',
              label: `cancel ${target.id}`,
              now: at,
              idempotent: true,
              laterNow: (current) => current,
              expected: ['INVALID_STATE'],
              racy: [],
              send: (t) => cancelRedemption(ctx(t, `o-${target.memberId}`), target.memberId, target.id),
              summarize: (v) => summary(v as RedemptionDoc),
              recorded: () => {
                const doc = read<RedemptionDoc>('redemptions', target.id);
                return doc?.status === 'cancelled' ? { value: summary(doc) } : null;
              },
            };
          }
          case 'claim': {
            const m = members[op.m] as MemberDoc;
            const template = templates[op.template] as CouponTemplateDoc;
            const clientKey = `k${next()}`;
            const id = `centre:${template._id}:${m._id}:${clientKey}`;
            return {
              kind: 'claim',
              label: `claim ${template._id} by ${m._id} (${clientKey})`,
              now: at,
              idempotent: true,
              laterNow: (current) => current,
              expected: ['OUT_OF_STOCK', 'LIMIT_REACHED'],
              racy: [],
              send: (t) => claimCoupon(m.openid, { templateId: template._id, clientKey }, ctx(t, m.openid)),
              summarize: (v) => JSON.stringify({ id: (v as CouponsResponses['claim']).coupon.instanceId }),
              recorded: () => (read<CouponInstanceDoc>('coupon_instances', id) ? { value: JSON.stringify({ id }) } : null),
            };
          }
          case 'useCoupon': {
            const coupon = coupons[op.instance % Math.max(1, coupons.length)];
            if (!coupon) return null;
            const orderId = `${coupon.id}#order${op.order}`;
            const summary = (c: CouponInstanceDoc) => JSON.stringify({ id: c._id, status: c.status, usedBy: c.usedBy });
            return {
              kind: 'useCoupon',
              label: `use ${coupon.id} for ${orderId}`,
              now: at,
              idempotent: true,
              laterNow: (current) => current,
              expected: ['INVALID_STATE'],
              racy: [],
              // Checkout locks the coupon, payment uses it; a retry of the whole flow after payment only confirms the use.
              send: async (t) => {
                await lockCoupon(coupon.id, coupon.memberId, orderId, ctx(t)).catch((error: unknown) => {
                  if (!(error instanceof AppError && error.details?.state === 'used')) throw error;
                });
                const used = await useCoupon(coupon.id, coupon.memberId, orderId, ctx(t));
                const orders = usedBy.get(coupon.id) ?? new Set<string>();
                usedBy.set(coupon.id, orders.add(orderId));
                return used;
              },
              summarize: (v) => summary(v as CouponInstanceDoc),
              recorded: () => {
                const doc = read<CouponInstanceDoc>('coupon_instances', coupon.id);
                return doc?.status === 'used' && doc.usedBy === orderId ? { value: summary(doc) } : null;
              },
            };
          }
        }
      };

      /** Sends one request once (after `delay` ms) and records its outcome. */
      let inFlight = 0;
      const sendOnce = async (request: Request, at: number, delay: number): Promise<Outcome> => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        totals.calls += 1;
        inFlight += 1;
        totals.maxInFlight = Math.max(totals.maxInFlight, inFlight);
        const [settled] = await Promise.allSettled([request.send(at)]);
        inFlight -= 1;
        const outcome = outcomeOf(settled as PromiseSettledResult<unknown>, request);
        tally(request.kind, outcome.ok ? 'ok' : outcome.code);
        if (!outcome.ok && !request.expected.includes(outcome.code)) {
          fail(`${request.label}: unexpected refusal ${show(outcome)}${outcome.code === 'UNEXPECTED' ? `\n${outcome.message}` : ''}`);
        }
        if (outcome.ok && LEDGER_KINDS.includes(request.kind)) {
          const id = (JSON.parse(outcome.summary) as { id: string } | null)?.id;
          if (id) succeededEntries.add(id);
        }
        return outcome;
      };

      /** Copies answered at once must agree; a copy may differ only by a refusal a third party's write explains. */
      const checkCopies = (request: Request, outcomes: Outcome[]) => {
        if (!request.idempotent) return;
        const values = new Set(outcomes.filter((o) => o.ok).map((o) => (o.ok ? o.summary : '')));
        if (values.size > 1) fail(`${request.label}: concurrent copies answered different values: ${outcomes.map(show).join(' | ')}`);
        const refused = outcomes.filter((o) => !o.ok);
        if (values.size > 0 && refused.length > 0) {
          if (refused.every((o) => !o.ok && request.racy.includes(o.code))) totals.racyMixed += 1;
          else if (request.kind === 'claim')
            known('claim-twin', `${request.label}: a copy was refused while another succeeded: ${outcomes.map(show).join(' | ')}`);
          else fail(`${request.label}: a copy was refused while another succeeded: ${outcomes.map(show).join(' | ')}`);
        }
        // What the first copy answered is what was recorded: a success is stored, a refusal wrote nothing or its failure.
        const recorded = request.recorded();
        const first = outcomes[0] as Outcome;
        if (values.size > 0) {
          const value = [...values][0] as string;
          if (value !== 'null' && !matches({ ok: true, summary: value }, recorded))
            fail(`${request.label}: answered ${value} but the database records ${showRecorded(recorded)}`);
        } else if (
          !matches(first, recorded) &&
          recorded !== null &&
          !(request.recordableAfterRefusal && !first.ok && request.racy.includes(first.code))
        ) {
          fail(`${request.label}: refused with ${show(first)} but the database records ${showRecorded(recorded)}`);
        }
      };

      /** The books, stocks and limits, read straight from the store. */
      const checkBooks = async (at: number) => {
        totals.checks += 1;
        const { problems } = await reconcileAll(ctx(at));
        for (const problem of problems) fail(`reconcile ${problem.memberId}: ${problem.problem}`);

        const entries = all<LedgerEntryDoc>('ledger_entries', 'memberId', `${p}m%`);
        const entryIds = new Set(entries.map((e) => e._id));
        for (const id of succeededEntries) if (!entryIds.has(id)) fail(`entry ${id} was answered but is not in the ledger`);
        const lifetime = new Map<string, number>();
        for (const e of entries) {
          // Lifetime points: what earns and credits added, less what claw-backs took back.
          const earned =
            e.kind === 'earn'
              ? e.pending
              : e.kind === 'checkin' || (e.kind === 'adjust' && e.available > 0)
                ? e.available
                : e.kind === 'clawback'
                  ? e.available + e.pending
                  : 0;
          lifetime.set(e.memberId, (lifetime.get(e.memberId) ?? 0) + earned);
          const reward = /^(spend|refund):reward:(.*)$/.exec(e._id);
          if (reward) {
            const redemption = read<RedemptionDoc>('redemptions', reward[2] as string);
            const fine =
              redemption &&
              (reward[1] === 'spend'
                ? ['stock', 'paid', 'done'].includes(redemption.progress) && redemption.status !== 'failed'
                : redemption.status === 'cancelled');
            if (!fine) fail(`entry ${e._id} does not match its redemption (${redemption?.status}/${redemption?.progress})`);
          } else if (!succeededEntries.has(e._id)) fail(`entry ${e._id} is in the ledger though no request was answered with it`);
        }
        for (const m of members) {
          const doc = read<MemberDoc>('members', m._id) as MemberDoc;
          if (doc.points.lifetimeEarned !== (lifetime.get(m._id) ?? 0))
            fail(`${m._id}: lifetimeEarned ${doc.points.lifetimeEarned} ≠ ledger ${lifetime.get(m._id) ?? 0}`);
          const checkins = entries.filter((e) => e.memberId === m._id && e.kind === 'checkin').map((e) => e.details ?? {});
          const last = checkins.sort((a, b) => String(a.day).localeCompare(String(b.day)))[checkins.length - 1];
          if (last && (doc.checkIn.lastDay !== last.day || doc.checkIn.streak !== last.streak)) {
            known(
              'checkin-order',
              `${m._id}: check-in state ${JSON.stringify(doc.checkIn)} but the latest check-in is ${last.day} (streak ${last.streak})`,
            );
          }
        }

        for (const lot of all<PointLotDoc>('point_lots', 'memberId', `${p}m%`)) {
          const { state: status, remaining, earned, spent, clawedBack } = lot;
          const state = `${lot._id} ${JSON.stringify({ status, remaining, earned, spent, clawedBack })}`;
          if (lot.remaining < 0) fail(`lot over-consumed: ${state}`);
          // A counter below zero means the lot lost its history (e.g. it was written afresh over an emptied bucket).
          if (lot.spent < 0 || lot.clawedBack < 0 || lot.earned < 0) fail(`lot counter below zero: ${state}`);
          if (lot.kind === 'bucket' && lot.remaining !== lot.earned - lot.spent - lot.clawedBack) fail(`bucket does not add up: ${state}`);
          if (lot.kind === 'pending') {
            const ok =
              lot.state === 'pending'
                ? lot.remaining === lot.earned - lot.clawedBack && lot.remaining > 0
                : lot.remaining === 0 && (lot.state !== 'clawedback' || lot.clawedBack === lot.earned);
            if (!ok) fail(`pending lot does not add up: ${state}`);
            const order = lot._id.replace(/^pending:earn:order:/, '');
            const started = windowsStarted.get(order) ?? 0;
            if (started > 1 || (lot.pendingUntil !== null) !== (started === 1))
              fail(`${lot._id}: return window started ${started} times, pendingUntil ${lot.pendingUntil}`);
          }
        }

        const stored = all<RedemptionDoc>('redemptions', 'memberId', `${p}m%`);
        for (const reward of rewards) {
          const doc = read<RewardDoc>('rewards', reward._id) as RewardDoc;
          const live = stored.filter((r) => r.rewardId === reward._id && r.status !== 'failed' && r.status !== 'cancelled');
          const sold = live.filter((r) => ['stock', 'paid', 'done'].includes(r.progress)).length;
          if (doc.stockRemaining < 0) fail(`${reward._id}: stockRemaining ${doc.stockRemaining} < 0`);
          if (sold + doc.stockRemaining !== doc.totalStock)
            fail(`${reward._id}: ${sold} sold + ${doc.stockRemaining} remaining ≠ ${doc.totalStock}`);
          for (const m of members) {
            const mine = live.filter((r) => r.memberId === m._id).length;
            const quota = read<{ count: number }>('reward_quotas', `${reward._id}:${m._id}`)?.count ?? 0;
            if (mine > reward.perMemberLimit) fail(`${reward._id}: ${m._id} holds ${mine} redemptions, limit ${reward.perMemberLimit}`);
            if (quota !== mine) fail(`${reward._id}: quota of ${m._id} counts ${quota}, redemptions ${mine}`);
          }
        }
        for (const r of stored) {
          const spend = read<LedgerEntryDoc>('ledger_entries', spendKeyOf(r._id));
          const refund = read<LedgerEntryDoc>('ledger_entries', `refund:reward:${r._id}`);
          const failures = ['INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE', 'OUT_OF_STOCK', 'LIMIT_REACHED', 'NOT_AVAILABLE'];
          const refunded = refund?.available === r.pointsCost;
          if (r.status === 'processing' || r.status === 'failing' || r.status === 'cancelling')
            fail(`${r._id} is still ${r.status} (${r.progress}) after every request settled`);
          else if (r.status === 'failed' && !failures.includes(r.failure ?? '')) fail(`${r._id} failed with ${r.failure}`);
          // A failed redemption keeps no points: either none were spent, or they were given back.
          else if (r.status === 'failed' && spend && !refunded)
            fail(`${r._id} failed with ${r.failure}, but its points were spent and not given back`);
          else if (r.status !== 'failed' && spend?.available !== -r.pointsCost)
            fail(`${r._id} is ${r.status} but its spend entry is ${JSON.stringify(spend?.available)}`);
          if (r.status !== 'failed' && (r.status === 'cancelled') !== refunded)
            fail(`${r._id} is ${r.status} and its refund entry is ${JSON.stringify(refund?.available)}`);
          if (r.status === 'issued') {
            const coupon = r.couponInstanceId ? read<CouponInstanceDoc>('coupon_instances', r.couponInstanceId) : null;
            if (!coupon || coupon.memberId !== r.memberId || coupon.source !== 'reward')
              fail(`${r._id} is issued but its coupon ${r.couponInstanceId} is missing`);
          }
        }
        const rewardCoupons = all<CouponInstanceDoc>('coupon_instances', 'templateId', systemTemplate._id);
        const issued = stored.filter((r) => r.status === 'issued').length;
        if (rewardCoupons.length !== issued) fail(`${rewardCoupons.length} reward coupons for ${issued} issued redemptions`);

        for (const template of templates) {
          const doc = read<CouponTemplateDoc>('coupon_templates', template._id) as CouponTemplateDoc;
          const instances = all<CouponInstanceDoc>('coupon_instances', 'templateId', template._id);
          if ((doc.stockRemaining ?? 0) < 0) fail(`${template._id}: stockRemaining ${doc.stockRemaining} < 0`);
          if (instances.length + (doc.stockRemaining ?? 0) !== doc.totalStock) {
            fail(`${template._id}: ${instances.length} issued + ${doc.stockRemaining} remaining ≠ ${doc.totalStock}`);
          }
          for (const m of members) {
            const mine = instances
              .filter((c) => c.memberId === m._id)
              .map((c) => c._id)
              .sort();
            const quota = read<CouponQuotaDoc>('coupon_quotas', `${template._id}:${m._id}`);
            if (mine.length > template.perMemberLimit)
              fail(`${template._id}: ${m._id} holds ${mine.length} coupons, limit ${template.perMemberLimit}`);
            const keys = [...(quota?.claimKeys ?? [])].sort();
            if ((quota?.claimed ?? 0) !== keys.length || JSON.stringify(keys) !== JSON.stringify(mine)) {
              fail(`${template._id}: quota of ${m._id} ${JSON.stringify(quota)} ≠ coupons ${JSON.stringify(mine)}`);
            }
          }
        }
        for (const [id, orderIds] of usedBy) {
          const doc = read<CouponInstanceDoc>('coupon_instances', id);
          if (orderIds.size > 1) fail(`coupon ${id} used by ${[...orderIds].join(', ')}`);
          if (doc?.status !== 'used' || !orderIds.has(doc.usedBy ?? '')) {
            fail(`coupon ${id} answered used by ${[...orderIds].join(', ')} but stored ${doc?.status} by ${doc?.usedBy}`);
          }
        }
      };

      // Seed balances, then the batches.
      const seeded = await Promise.all(
        scenario.seedPoints.map((points, i) =>
          points > 0
            ? adjustPoints(ctx(now), { memberId: `${p}m${i}`, key: `${p}seed${i}`, points, reason: '开卡礼', adminId: 'admin' })
            : null,
        ),
      );
      for (const result of seeded) if (result) succeededEntries.add(result.entry._id);

      let later: { request: Request; first: Outcome; recordedBefore: Recorded }[] = [];
      const playLater = async (batchNow: number, pending: typeof later) => {
        const outcomes = await Promise.all(pending.map(({ request }) => sendOnce(request, request.laterNow(batchNow), 0)));
        return () =>
          pending.forEach(({ request, first, recordedBefore }, i) => {
            const outcome = outcomes[i] as Outcome;
            if (!request.idempotent) return;
            // Sent later, a copy answers what is recorded by then (before or after its own batch ran alongside).
            if (recordedBefore !== null && !matches(outcome, recordedBefore) && !matches(outcome, request.recorded())) {
              fail(
                `${request.label}: a copy sent later answered ${show(outcome)}, first answer ${show(first)}, recorded ${showRecorded(recordedBefore)}`,
              );
            }
          });
      };

      for (const [b, batch] of scenario.batches.entries()) {
        const advance = batch.advance;
        if (advance.type === 'minutes') now += advance.n * MINUTE;
        else if (advance.type === 'hours') now += advance.n * HOUR;
        else if (advance.type === 'toMidnight') now = Math.floor((now + SHANGHAI) / DAY) * DAY + DAY - SHANGHAI - advance.beforeMs;
        const batchNow = now;
        const pendingLater = later.map((l) => ({ ...l, recordedBefore: l.request.recorded() }));
        later = [];

        const requests = batch.ops.flatMap((planned, i) => {
          const request = toRequest(planned.op, batchNow + Math.round((batch.skewMs * i) / batch.ops.length));
          return request ? [{ request, planned }] : [];
        });
        totals.requests += requests.length;
        const laterCheck = playLater(batchNow, pendingLater);
        totals.laterCopies += pendingLater.length;
        const results = await Promise.all(
          requests.map(async ({ request, planned }) => {
            totals.concurrentCopies += planned.delays.length - 1;
            return { request, planned, outcomes: await Promise.all(planned.delays.map((delay) => sendOnce(request, request.now, delay))) };
          }),
        );
        (await laterCheck)();
        for (const { request, planned, outcomes } of results) {
          checkCopies(request, outcomes);
          if (planned.later) later.push({ request, first: outcomes[0] as Outcome, recordedBefore: null });
          const first = outcomes.find((o) => o.ok);
          if (request.kind === 'earn' && first?.ok && first.summary !== 'null') {
            const op = planned.op as Extract<Op, { kind: 'earn' }>;
            const orderId = (JSON.parse(first.summary) as { id: string }).id.replace('earn:order:', '');
            orders.push({ orderId, memberId: `${p}m${op.m}`, unrefunded: op.lines.map((_, i) => `l${i}`) });
          }
          if (request.kind === 'spend')
            spends.push({ key: request.ref as string, memberId: `${p}m${(planned.op as Extract<Op, { kind: 'spend' }>).m}` });
          if (request.kind === 'redeem') {
            const id = request.ref as string;
            const doc = read<RedemptionDoc>('redemptions', id);
            if (doc) redemptions.push({ id, memberId: doc.memberId });
            if (doc?.couponInstanceId) coupons.push({ id: doc.couponInstanceId, memberId: doc.memberId });
          }
          if (request.kind === 'claim' && first?.ok) {
            coupons.push({
              id: (JSON.parse(first.summary) as { id: string }).id,
              memberId: `${p}m${(planned.op as Extract<Op, { kind: 'claim' }>).m}`,
            });
          }
        }
        if (b % CHECK_EVERY === CHECK_EVERY - 1) await checkBooks(now);
        if (violations.length > 0) break;
      }
      if (violations.length === 0) {
        (
          await playLater(
            now,
            later.map((l) => ({ ...l, recordedBefore: l.request.recorded() })),
          )
        )();
        totals.laterCopies += later.length;
        await checkBooks(now);
      }
      if (violations.length > 0) {
        throw new Error(`${violations.length} violation(s) in run ${run}:\n${violations.slice(0, 25).join('\n')}`);
      }
    });

    await fc.assert(property, {
      numRuns: RUNS,
      seed,
      // Runs share one cloud and interleavings are not replayable, so shrinking would not reproduce: report the first failure.
      endOnFailure: true,
      reporter: (details) => {
        if (!details.failed) return;
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        const where = `run ${details.numRuns} (seed ${details.seed}, path "${details.counterexamplePath}"; replay with LM_PROPERTY_SEED=${details.seed})`;
        throw new Error(`property failed on ${where}\n${error}`);
      },
    });

    const byKind = [...perKind]
      .map(([kind, counts]) => `  ${kind.padEnd(12)} ${[...counts].map(([what, n]) => `${what} ${n}`).join(', ')}`)
      .join('\n');
    console.log(
      `loyalty property: seed ${seed}, ${RUNS} runs × ${MEMBERS} members, ${totals.requests} requests, ${totals.calls} calls ` +
        `(${totals.concurrentCopies} concurrent duplicates, ${totals.laterCopies} later duplicates, ${totals.racyMixed} copies refused by a race with another write), ` +
        `${totals.checks} invariant checks, up to ${totals.maxInFlight} calls in flight, ${((Date.now() - started) / 1000).toFixed(1)} s\n${byKind}`,
    );
    // The scenarios reached what they are meant to: every kind of request succeeded somewhere, sell-outs and limits were hit.
    const count = (kind: OpKind, what: string) => perKind.get(kind)?.get(what) ?? 0;
    for (const kind of [
      'earn',
      'window',
      'release',
      'clawback',
      'spend',
      'refundSpend',
      'checkIn',
      'redeem',
      'cancel',
      'claim',
      'useCoupon',
      'adjust',
    ] as const) {
      expect([kind, count(kind, 'ok')]).not.toEqual([kind, 0]);
    }
    expect([count('redeem', 'OUT_OF_STOCK'), count('claim', 'OUT_OF_STOCK'), count('claim', 'LIMIT_REACHED')].every((n) => n > 0)).toBe(
      true,
    );
    expect(totals.calls).toBeGreaterThan(2_000);
  }, 300_000);
});
