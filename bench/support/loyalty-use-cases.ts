import { claimCoupon } from '~/server/coupons/claim-coupon';
import { checkIn } from '~/server/points/check-in';
import { earnForOrder } from '~/server/points/earn-for-order';
import { redeemReward } from '~/server/rewards/redeem-reward';
import type { RequestContext } from '~/server/runtime/wx';
import type { MemberDoc } from '~/types/documents';
import type { IndexedOperation } from './bounded-run';
import { ORDER_LINES } from './loyalty-fixtures';

/** What the use-case cases seed and call with. */
export interface LoyaltyFixtures {
  /** Seeds `count` fresh members (START_POINTS each, in one open bucket unless the fixtures say otherwise) and answers their documents. */
  members(count: number): Promise<MemberDoc[]>;
  /** Seeds `count` pickup rewards with `stock` units each and answers their ids. */
  rewards(count: number, stock: number): Promise<string[]>;
  /** Creates `count` coupon-centre templates with `stock` coupons each and answers their ids. */
  templates(count: number, stock: number): Promise<string[]>;
  /** The context of one call at NOW, by the member with `openid` (without one: a trigger). */
  ctx(openid?: string): RequestContext;
}

/** A way of calling a use-case: which documents its calls share. */
export interface Fixture {
  label: string;
  /** Many members on one document: measured at the highest concurrency only. */
  contended: boolean;
  /** Seeds what `calls` calls by `concurrency` workers need and answers the call. */
  prepare(fx: LoyaltyFixtures, concurrency: number, calls: number): Promise<IndexedOperation>;
}

export interface UseCaseBench {
  name: string;
  minimum: Minimum;
  /** Its calls post to the points ledger, which reads the member's open buckets. */
  postsToLedger: boolean;
  fixtures: Fixture[];
}

/** A client key the request schemas accept (8–64 of [A-Za-z0-9_-]), unique per call. */
const clientKey = (index: number) => `tap-${String(index).padStart(8, '0')}`;

/** Fails the call when it did not take the path being measured (a retry answer, say): the run counts it as an error. */
function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`unexpected outcome: ${what}`);
}

/** The fewest database round trips one uncontended call needs, with the one-line reason. */
export interface Minimum {
  trips: number;
  why: string;
}

const EARN_FOR_ORDER_MINIMUM: Minimum = {
  trips: 7,
  why: '1 start + 1 entry read + 1 member read + 1 pending-lot write + 1 member write + 1 entry insert + 1 commit; an earn touches no bucket; programme cached',
};
const REDEEM_REWARD_MINIMUM: Minimum = {
  trips: 16,
  why:
    '1 redemption insert (its duplicate _id is the retry) + 1 reward read + 1 quota take (the insert of the quota, counted, on a first redemption) ' +
    '+ 1 stock take + 8 for the points spend ' +
    '(start, entry read, member read, read of the oldest bucket, which covers the cost, bucket write, member write, entry insert, commit) ' +
    '+ 1 pickup-code insert + 3 progress records (after the quota and the stock, bare counters a take-over must not take twice, ' +
    'and the last one with the pickup code; the spend is keyed by the redemption, so it needs none); member given by the route; programme cached',
};
const CHECK_IN_MINIMUM: Minimum = {
  trips: 8,
  why: '1 start + 1 entry read + 1 member read + 1 read of the bucket it credits (that one only, however many are open) + 1 bucket write + 1 member write + 1 entry insert + 1 commit; programme cached',
};
const CLAIM_COUPON_MINIMUM: Minimum = {
  trips: 5,
  why: '1 member read by openid + 1 template read + 1 guarded stock take + 1 quota insert (first claim) + 1 instance insert (its duplicate _id is the retry); tier ladder cached',
};

export const LOYALTY_USE_CASES: UseCaseBench[] = [
  {
    name: 'earnForOrder',
    minimum: EARN_FOR_ORDER_MINIMUM,
    postsToLedger: true,
    fixtures: [
      {
        label: 'own member, own order',
        contended: false,
        prepare: async (fx, _concurrency, calls) => {
          const members = await fx.members(calls);
          const ctx = fx.ctx();
          return async (_worker, index) => {
            const member = members[index] as MemberDoc;
            const result = await earnForOrder(ctx, { memberId: member._id, orderId: `order-${member._id}`, lines: ORDER_LINES });
            expect(result?.created === true, 'earnForOrder did not post a new entry');
          };
        },
      },
    ],
  },
  {
    name: 'redeemReward',
    minimum: REDEEM_REWARD_MINIMUM,
    postsToLedger: true,
    fixtures: [
      {
        label: 'own member, a reward per worker',
        contended: false,
        prepare: async (fx, concurrency, calls) => {
          const [members, rewards] = await Promise.all([fx.members(calls), fx.rewards(concurrency, calls + 1)]);
          return async (worker, index) => {
            const member = members[index] as MemberDoc;
            const redemption = await redeemReward(fx.ctx(member.openid), member, {
              rewardId: rewards[worker] as string,
              clientKey: clientKey(index),
            });
            expect(redemption.status === 'awaitingPickup', `redemption ${redemption.status}`);
          };
        },
      },
      {
        label: 'own member, one reward for all',
        contended: true,
        prepare: async (fx, _concurrency, calls) => {
          const [members, [reward]] = await Promise.all([fx.members(calls), fx.rewards(1, calls + 1)]);
          return async (_worker, index) => {
            const member = members[index] as MemberDoc;
            const redemption = await redeemReward(fx.ctx(member.openid), member, {
              rewardId: reward as string,
              clientKey: clientKey(index),
            });
            expect(redemption.status === 'awaitingPickup', `redemption ${redemption.status}`);
          };
        },
      },
    ],
  },
  {
    name: 'checkIn',
    minimum: CHECK_IN_MINIMUM,
    postsToLedger: true,
    fixtures: [
      {
        label: 'own member (first check-in of the day)',
        contended: false,
        prepare: async (fx, _concurrency, calls) => {
          const members = await fx.members(calls);
          return async (_worker, index) => {
            const member = members[index] as MemberDoc;
            const result = await checkIn(fx.ctx(member.openid), member._id);
            expect(result.created, 'checkIn answered an earlier check-in');
          };
        },
      },
    ],
  },
  {
    name: 'claimCoupon',
    minimum: CLAIM_COUPON_MINIMUM,
    postsToLedger: false,
    fixtures: [
      {
        label: 'own member, a template per worker',
        contended: false,
        prepare: async (fx, concurrency, calls) => {
          const [members, templates] = await Promise.all([fx.members(calls), fx.templates(concurrency, calls + 1)]);
          return async (worker, index) => {
            const member = members[index] as MemberDoc;
            const result = await claimCoupon(fx.ctx(member.openid), member.openid, {
              templateId: templates[worker] as string,
              clientKey: clientKey(index),
            });
            expect(result.created, 'claimCoupon answered an earlier claim');
          };
        },
      },
      {
        label: 'own member, one template for all',
        contended: true,
        prepare: async (fx, _concurrency, calls) => {
          const [members, [template]] = await Promise.all([fx.members(calls), fx.templates(1, calls + 1)]);
          return async (_worker, index) => {
            const member = members[index] as MemberDoc;
            const result = await claimCoupon(fx.ctx(member.openid), member.openid, {
              templateId: template as string,
              clientKey: clientKey(index),
            });
            expect(result.created, 'claimCoupon answered an earlier claim');
          };
        },
      },
    ],
  },
];
