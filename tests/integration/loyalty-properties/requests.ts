import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import { pendingLotId } from '~/core/points/lots';
import { claimCoupon } from '~/server/coupons/claim-coupon';
import { lockCoupon } from '~/server/coupons/lock-coupon';
import { useCoupon } from '~/server/coupons/use-coupon';
import type { PostResult } from '~/server/points/post-entry';
import { adjustPoints } from '~/server/points/adjust-points';
import { checkIn } from '~/server/points/check-in';
import { clawbackOrderPoints } from '~/server/points/clawback-order-points';
import { earnForOrder } from '~/server/points/earn-for-order';
import { refundSpentPoints } from '~/server/points/refund-spent-points';
import { releasePendingLot } from '~/server/points/release-pending-lot';
import { spendPoints } from '~/server/points/spend-points';
import { startReturnWindow } from '~/server/points/start-return-window';
import { cancelRedemption } from '~/server/rewards/cancel-redemption';
import { redeemReward } from '~/server/rewards/redeem-reward';
import type { CouponInstanceDoc, CouponTemplateDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { CouponsResponses } from '~/types/functions/coupons';
import type { RedemptionDoc, RewardDoc } from '~/types/rewards';
import type { Outcome, Recorded } from './outcomes';
import type { Op, OpKind } from './scenario';
import type { World } from './world';
import { hasCode } from '~/core/coded-error';

/** One generated operation as a call to a use-case, with what its answers and the database may say. */
export interface Request {
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
  /** Whether a successful answer is a ledger posting (or null). */
  posts: boolean;
  now: number;
  /** The clock a copy sent later uses: a check-in retried later the same day, anything else now. */
  laterNow: (current: number) => number;
  send: (now: number) => Promise<unknown>;
  summarize: (value: unknown) => string;
  recorded: () => Recorded;
  /** Notes what the request created, for later operations to refer to; given the first successful copy's answer. */
  remember?: (answered: Outcome | undefined) => void;
}

type Build<K extends OpKind> = (op: Extract<Op, { kind: K }>, at: number, world: World) => Request | null;

const POINTS_REFUSALS = ['INSUFFICIENT_POINTS', 'NEGATIVE_BALANCE'] as const;

const postSummary = (result: PostResult | null) =>
  result === null
    ? 'null'
    : JSON.stringify({ id: result.entry._id, available: result.entry.available, pending: result.entry.pending, lots: result.entry.lots });
const redemptionSummary = (r: RedemptionDoc) =>
  JSON.stringify({ id: r._id, status: r.status, pickupCode: r.pickupCode, couponInstanceId: r.couponInstanceId, pointsCost: r.pointsCost });
const idOf = (outcome: Outcome & { ok: true }) => (JSON.parse(outcome.summary) as { id: string }).id;

/** A request answered with a ledger posting under `key`. */
function postRequest(
  world: World,
  kind: OpKind,
  label: string,
  key: string,
  rest: Pick<Request, 'send' | 'expected' | 'racy' | 'now'> & Partial<Request>,
): Request {
  return {
    kind,
    label,
    idempotent: true,
    posts: true,
    laterNow: (current) => current,
    summarize: (v) => postSummary(v as PostResult | null),
    recorded: () => {
      const entry = world.store.read('ledger_entries', key);
      return entry ? { value: postSummary({ entry, created: true }) } : null;
    },
    ...rest,
  };
}

/**
 * From operation to request, against what earlier batches created; null when there is nothing
 * to refer to yet. Building a request may take ids and mark order lines as refunded.
 */
export const REQUESTS: { [K in OpKind]: Build<K> } = {
  earn: (op, at, world) => {
    const m = world.members[op.m] as MemberDoc;
    const orderId = `${world.p}o${world.next()}`;
    const lines = op.lines.map((paidFen, i) => ({ lineId: `l${i}`, paidFen }));
    return postRequest(world, 'earn', `earn ${orderId} ${JSON.stringify(op.lines)}`, `earn:order:${orderId}`, {
      now: at,
      expected: [],
      racy: [],
      send: (t) => earnForOrder(world.ctx(t), { memberId: m._id, orderId, lines }),
      remember: (answered) => {
        if (answered?.ok && answered.summary !== 'null') {
          const id = idOf(answered).replace('earn:order:', '');
          world.orders.push({ orderId: id, memberId: m._id, unrefunded: op.lines.map((_, i) => `l${i}`) });
        }
      },
    });
  },

  window: (op, at, world) => {
    const order = world.orders[op.order % Math.max(1, world.orders.length)];
    if (!order) return null;
    const completedAt = at - op.daysAgo * DAY_MS;
    return {
      kind: 'window',
      label: `window ${order.orderId}`,
      now: at,
      expected: [],
      racy: [],
      idempotent: false,
      posts: false,
      laterNow: (current) => current,
      send: async (t) => {
        const started = await startReturnWindow(world.ctx(t), { orderId: order.orderId, completedAt });
        if (started) world.windowsStarted.set(order.orderId, (world.windowsStarted.get(order.orderId) ?? 0) + 1);
        return started;
      },
      summarize: (v) => String(v),
      recorded: () => null,
    };
  },

  release: (op, at, world) => {
    const windowed = world.orders.filter((o) => world.windowsStarted.has(o.orderId));
    const candidates = windowed.length > 0 ? windowed : world.orders;
    const order = candidates[op.order % Math.max(1, candidates.length)];
    if (!order) return null;
    const entryId = `earn:order:${order.orderId}`;
    return postRequest(world, 'release', `release ${order.orderId}`, `release:${entryId}`, {
      now: at,
      expected: ['INVALID_STATE'],
      racy: ['INVALID_STATE'],
      recordableAfterRefusal: true,
      send: (t) => releasePendingLot(world.ctx(t), { _id: pendingLotId(entryId), memberId: order.memberId, entryId }),
    });
  },

  clawback: (op, at, world) => {
    const order = world.orders[op.order % Math.max(1, world.orders.length)];
    if (!order || order.unrefunded.length === 0) return null;
    // Refunds never overlap: each line is refunded at most once, as the orders module ensures.
    let lineIds = order.unrefunded.filter((_, i) => (op.pick >> i) & 1);
    if (lineIds.length === 0) lineIds = [order.unrefunded[0] as string];
    order.unrefunded = order.unrefunded.filter((id) => !lineIds.includes(id));
    const refundId = `rf${world.next()}`;
    return postRequest(world, 'clawback', `clawback ${order.orderId} ${lineIds.join(',')}`, `clawback:order:${order.orderId}:${refundId}`, {
      now: at,
      expected: [],
      racy: [],
      send: (t) => clawbackOrderPoints(world.ctx(t), { memberId: order.memberId, orderId: order.orderId, refundId, lineIds }),
    });
  },

  spend: (op, at, world) => {
    const m = world.members[op.m] as MemberDoc;
    const key = `spend:order:${world.p}x${world.next()}`;
    return postRequest(world, 'spend', `${key} ${op.points}`, key, {
      now: at,
      expected: POINTS_REFUSALS,
      racy: POINTS_REFUSALS,
      send: (t) =>
        spendPoints(world.ctx(t), { memberId: m._id, key, points: op.points, reason: '积分抵现', ref: { type: 'order', id: key } }),
      remember: () => world.spends.push({ key, memberId: m._id }),
    });
  },

  refundSpend: (op, at, world) => {
    const spend = world.spends[op.spend % Math.max(1, world.spends.length)];
    if (!spend) return null;
    // One refund key per spend: a second refund of the same spend is a retry of the first.
    const key = `refund:${spend.key}`;
    return postRequest(world, 'refundSpend', key, key, {
      now: at,
      expected: [],
      racy: [],
      send: (t) =>
        refundSpentPoints(world.ctx(t), {
          memberId: spend.memberId,
          key,
          spendKey: spend.key,
          reason: '订单取消退回积分',
          ref: { type: 'order', id: spend.key },
        }),
    });
  },

  checkIn: (op, at, world) => {
    const m = world.members[op.m] as MemberDoc;
    return postRequest(world, 'checkIn', `checkin ${m._id} ${dayOf(at)}`, `checkin:${m._id}:${dayOf(at)}`, {
      now: at,
      expected: [],
      racy: [],
      laterNow: () => at,
      send: (t) => checkIn(world.ctx(t), m._id),
    });
  },

  adjust: (op, at, world) => {
    const m = world.members[op.m] as MemberDoc;
    const key = `${world.p}a${world.next()}`;
    return postRequest(world, 'adjust', `adjust ${m._id} ${op.points}`, `adjust:${m._id}:${key}`, {
      now: at,
      expected: op.points < 0 ? POINTS_REFUSALS : [],
      racy: op.points < 0 ? POINTS_REFUSALS : [],
      send: (t) => adjustPoints(world.ctx(t), { memberId: m._id, key, points: op.points, reason: '客服调整', adminId: 'admin' }),
    });
  },

  redeem: (op, at, world) => {
    const m = world.members[op.m] as MemberDoc;
    const reward = world.rewards[op.reward] as RewardDoc;
    const clientKey = `k${world.next()}`;
    const id = `redeem:${m._id}:${clientKey}`;
    return {
      kind: 'redeem',
      label: `redeem ${reward._id} by ${m._id} (${id})`,
      now: at,
      idempotent: true,
      posts: false,
      laterNow: (current) => current,
      recordableAfterRefusal: true,
      expected: [...POINTS_REFUSALS, 'OUT_OF_STOCK', 'LIMIT_REACHED'],
      racy: POINTS_REFUSALS,
      // The route loads the caller's member record, then redeems.
      send: (t) =>
        redeemReward(world.ctx(t, m.openid), world.store.read('members', m._id) as MemberDoc, {
          rewardId: reward._id,
          clientKey,
        }),
      summarize: (v) => redemptionSummary(v as RedemptionDoc),
      recorded: () => {
        const doc = world.store.read('redemptions', id);
        if (!doc || doc.status === 'processing') return null;
        return doc.status === 'failed' ? { code: doc.failure ?? 'INTERNAL' } : { value: redemptionSummary(doc) };
      },
      remember: () => {
        const doc = world.store.read('redemptions', id);
        if (doc) world.redemptions.push({ id, memberId: doc.memberId });
        if (doc?.couponInstanceId) world.coupons.push({ id: doc.couponInstanceId, memberId: doc.memberId });
      },
    };
  },

  cancel: (op, at, world) => {
    const target = world.redemptions[op.redemption % Math.max(1, world.redemptions.length)];
    if (!target) return null;
    const summary = (r: Pick<RedemptionDoc, '_id' | 'status'>) => JSON.stringify({ id: r._id, status: r.status });
    return {
      kind: 'cancel',
      label: `cancel ${target.id}`,
      now: at,
      idempotent: true,
      posts: false,
      laterNow: (current) => current,
      expected: ['INVALID_STATE'],
      racy: [],
      send: (t) => cancelRedemption(world.ctx(t, `o-${target.memberId}`), target.memberId, target.id),
      summarize: (v) => summary(v as RedemptionDoc),
      recorded: () => {
        const doc = world.store.read('redemptions', target.id);
        return doc?.status === 'cancelled' ? { value: summary(doc) } : null;
      },
    };
  },

  claim: (op, at, world) => {
    const m = world.members[op.m] as MemberDoc;
    const template = world.templates[op.template] as CouponTemplateDoc;
    const clientKey = `k${world.next()}`;
    const id = `centre:${template._id}:${m._id}:${clientKey}`;
    return {
      kind: 'claim',
      label: `claim ${template._id} by ${m._id} (${clientKey})`,
      now: at,
      idempotent: true,
      posts: false,
      laterNow: (current) => current,
      expected: ['OUT_OF_STOCK', 'LIMIT_REACHED'],
      racy: [],
      send: (t) => claimCoupon(world.ctx(t, m.openid), m.openid, { templateId: template._id, clientKey }),
      summarize: (v) => JSON.stringify({ id: (v as CouponsResponses['claim']).coupon.instanceId }),
      recorded: () => (world.store.read('coupon_instances', id) ? { value: JSON.stringify({ id }) } : null),
      remember: (answered) => {
        if (answered?.ok) world.coupons.push({ id: idOf(answered), memberId: m._id });
      },
    };
  },

  useCoupon: (op, at, world) => {
    const coupon = world.coupons[op.instance % Math.max(1, world.coupons.length)];
    if (!coupon) return null;
    const orderId = `${coupon.id}#order${op.order}`;
    const summary = (c: CouponInstanceDoc) => JSON.stringify({ id: c._id, status: c.status, usedBy: c.usedBy });
    return {
      kind: 'useCoupon',
      label: `use ${coupon.id} for ${orderId}`,
      now: at,
      idempotent: true,
      posts: false,
      laterNow: (current) => current,
      expected: ['INVALID_STATE'],
      racy: [],
      // Checkout locks the coupon, payment uses it; a retry of the whole flow after payment only confirms the use.
      send: async (t) => {
        await lockCoupon(world.ctx(t), { instanceId: coupon.id, memberId: coupon.memberId, orderId }).catch((error: unknown) => {
          if (!(hasCode(error) && error.details?.state === 'used')) throw error;
        });
        const used = await useCoupon(world.ctx(t), { instanceId: coupon.id, memberId: coupon.memberId, orderId });
        const orders = world.usedBy.get(coupon.id) ?? new Set<string>();
        world.usedBy.set(coupon.id, orders.add(orderId));
        return used;
      },
      summarize: (v) => summary(v as CouponInstanceDoc),
      recorded: () => {
        const doc = world.store.read('coupon_instances', coupon.id);
        return doc?.status === 'used' && doc.usedBy === orderId ? { value: summary(doc) } : null;
      },
    };
  },
};

/** The request for one generated operation sent at `at`; null when it has nothing to refer to yet. */
export function toRequest(op: Op, at: number, world: World): Request | null {
  const build = REQUESTS[op.kind] as Build<OpKind>;
  return build(op, at, world);
}
