import fc from 'fast-check';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';

/**
 * The generated scenario: a few members, rewards and coupon templates, then batches of
 * operations sent at once, some of them in several copies (at once or with the next batch),
 * with the clock moved between batches, sometimes to just before a Shanghai midnight.
 */

export const MEMBERS = 8;
export const BATCHES = 22;
/** 10:00 on 22 November in Shanghai. */
export const START = Date.UTC(2026, 10, 22, 2);
const SHANGHAI = 8 * HOUR_MS;

/**
 * One operation. Members, rewards and templates are indexes into the run's fixtures; `order`,
 * `spend`, `redemption` and `instance` pick (modulo) among what earlier batches created.
 */
export type Op =
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
export type OpKind = Op['kind'];

export interface Planned {
  op: Op;
  /** Copies sent at once, each after its own small delay (ms). */
  delays: readonly number[];
  /** Whether one more copy is sent with the next batch. */
  later: boolean;
}

export type Advance =
  { type: 'none' } | { type: 'minutes'; n: number } | { type: 'hours'; n: number } | { type: 'toMidnight'; beforeMs: number };

export interface Batch {
  advance: Advance;
  /** Per-request clock skew within the batch, so a batch may straddle a Shanghai midnight. */
  skewMs: number;
  ops: Planned[];
}

export interface Scenario {
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
  w(2, fc.record({ type: fc.constant('toMidnight' as const), beforeMs: fc.integer({ min: 1_000, max: 2 * MINUTE_MS }) })),
);

/** Scenarios for the property: fixtures for MEMBERS members, then BATCHES batches of 25–50 operations. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
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
      skewMs: fc.oneof(w(4, fc.constant(0)), w(1, fc.integer({ min: 1_000, max: 3 * MINUTE_MS }))),
      ops: fc.array(plannedArb, { minLength: 25, maxLength: 50 }),
    }),
    { minLength: BATCHES, maxLength: BATCHES },
  ),
});

/** The clock after a batch's advance. */
export function advanceClock(now: number, advance: Advance): number {
  if (advance.type === 'minutes') return now + advance.n * MINUTE_MS;
  if (advance.type === 'hours') return now + advance.n * HOUR_MS;
  if (advance.type === 'toMidnight') return Math.floor((now + SHANGHAI) / DAY_MS) * DAY_MS + DAY_MS - SHANGHAI - advance.beforeMs;
  return now;
}

/** When the i-th of a batch's n requests is sent: spread over the batch's skew. */
export function requestTime(batchNow: number, batch: Batch, i: number): number {
  return batchNow + Math.round((batch.skewMs * i) / batch.ops.length);
}
