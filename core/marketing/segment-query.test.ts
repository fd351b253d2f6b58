import fc from 'fast-check';
import { DAY_MS } from '~/core/calendar/durations';
import type { MemberProfileDoc, SegmentCondition, SegmentRule } from '~/types/marketing';
import { AGE_BANDS, LIFECYCLE_STAGES, segmentRuleSchema } from '~/types/marketing';
import { matchesSegment } from './segment-match';
import type { SegmentQuery } from './segment-query';
import { segmentQuery } from './segment-query';

const NOW = Date.UTC(2026, 11, 7, 4, 30);
const TIERS = ['normal', 'silver', 'gold'];
const PLACES = ['广东', '浙江'];
const CITIES = ['广州', '杭州'];
const STORES = ['s1', 's2'];
const CATEGORIES = ['c1', 'c2', 'c3', 'c4'];
const TAGS = ['skin', 'shoe'];
const TAG_VALUES = ['a', 'b', 'c'];

// Small domains, so that bounds and values meet the profiles' numbers often (ties at the bounds).
const small = fc.integer({ min: 0, max: 6 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
/** Purchases around whole-day boundaries from now (± 1 ms), in the future too, or never. */
const lastPurchaseAt = maybe(
  fc.tuple(fc.integer({ min: -1, max: 6 }), fc.constantFrom(-1, 0, 1, DAY_MS / 2)).map(([days, ms]) => NOW - days * DAY_MS + ms),
);

const profileArb: fc.Arbitrary<MemberProfileDoc> = fc
  .record({
    tierId: fc.constantFrom(...TIERS),
    stage: fc.constantFrom(...LIFECYCLE_STAGES),
    gender: fc.constantFrom('unknown' as const, 'male' as const, 'female' as const),
    ageBand: maybe(fc.constantFrom(...AGE_BANDS)),
    province: maybe(fc.constantFrom(...PLACES)),
    city: maybe(fc.constantFrom(...CITIES)),
    homeStoreId: maybe(fc.constantFrom(...STORES)),
    preferredCategoryIds: fc.subarray(CATEGORIES, { maxLength: 3 }),
    special: fc.dictionary(fc.constantFrom(...TAGS), fc.constantFrom(...TAG_VALUES), { maxKeys: 2 }),
    birthdayMonth: maybe(fc.integer({ min: 1, max: 12 })),
    rfm: fc.record({ r: small, f: small, m: small }),
    lastPurchaseAt,
    purchases: small,
    spend30Fen: small,
    spend90Fen: small,
    spend365Fen: small,
    checkIns30: small,
    couponUseRate: small,
    marketing: fc.boolean(),
    personalised: fc.boolean(),
  })
  .map((fields) => profileOf(fields));

function profileOf(fields: Partial<MemberProfileDoc>): MemberProfileDoc {
  return {
    _id: 'm1',
    memberNo: '1000000001',
    refreshedDay: '2026-12-07',
    refreshedAt: NOW,
    gender: 'unknown',
    ageBand: null,
    province: null,
    city: null,
    joinedAt: NOW - 400 * DAY_MS,
    birthdayMonth: null,
    tierId: 'normal',
    marketing: true,
    personalised: true,
    rfm: { r: 0, f: 0, m: 0 },
    rfmCode: 0,
    lastPurchaseAt: null,
    purchases: 0,
    spendFen: 0,
    averageOrderFen: 0,
    spend30Fen: 0,
    spend90Fen: 0,
    spend365Fen: 0,
    onlineFen: 0,
    storeFen: 0,
    homeStoreId: null,
    preferredCategoryIds: [],
    checkInStreak: 0,
    checkIns30: 0,
    couponUseRate: 0,
    redemptions: 0,
    shares: 0,
    stage: 'new',
    stageSince: NOW,
    stageHistory: [],
    special: {},
    ...fields,
  };
}

const values = <T>(pool: readonly T[]) => fc.subarray([...pool], { minLength: 1 });
const bounds = fc
  .record({ min: fc.option(small, { nil: undefined }), max: fc.option(small, { nil: undefined }) })
  .filter(({ min, max }) => (min !== undefined || max !== undefined) && (min === undefined || max === undefined || min <= max))
  .map(({ min, max }) => ({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }));
const conditionArb: fc.Arbitrary<SegmentCondition> = fc.oneof(
  fc
    .constantFrom(
      ['tierId', TIERS],
      ['stage', LIFECYCLE_STAGES],
      ['gender', ['unknown', 'male', 'female']],
      ['ageBand', [...AGE_BANDS, 'null']],
      ['province', PLACES],
      ['city', CITIES],
      ['homeStoreId', STORES],
      ['preferredCategory', CATEGORIES],
    )
    .chain(([field, pool]) => values(pool as string[]).map((vs) => ({ kind: 'list', field, values: vs }) as SegmentCondition)),
  fc.record({ kind: fc.constant('special' as const), tagId: fc.constantFrom(...TAGS, 'none'), values: values(TAG_VALUES) }),
  fc.record({ kind: fc.constant('birthdayMonth' as const), months: values([1, 2, 3, 12]) }),
  fc
    .tuple(
      fc.constantFrom(
        'rfmR' as const,
        'rfmF' as const,
        'rfmM' as const,
        'spend30Fen' as const,
        'spend90Fen' as const,
        'spend365Fen' as const,
        'purchases' as const,
        'lastPurchaseDays' as const,
        'checkIns30' as const,
        'couponUseRate' as const,
      ),
      bounds,
    )
    .map(([field, b]) => ({ kind: 'range' as const, field, ...b })),
  fc.record({
    kind: fc.constant('flag' as const),
    field: fc.constantFrom('marketing' as const, 'personalised' as const),
    value: fc.boolean(),
  }),
);
const join = fc.constantFrom('and' as const, 'or' as const);
const ruleArb: fc.Arbitrary<SegmentRule> = fc.record({
  join,
  groups: fc.array(fc.record({ join, conditions: fc.array(conditionArb, { minLength: 1, maxLength: 4 }) }), { maxLength: 4 }),
});

/** The reference: each condition spelled out field by field, the joins by counting. */
function reference(rule: SegmentRule, p: MemberProfileDoc, now: number): boolean {
  const inRange = (value: number, c: { min?: number; max?: number }) =>
    !(c.min !== undefined && value < c.min) && !(c.max !== undefined && value > c.max);
  const holds = (c: SegmentCondition): boolean => {
    if (c.kind === 'flag') return c.field === 'marketing' ? p.marketing === c.value : p.personalised === c.value;
    if (c.kind === 'birthdayMonth') return c.months.some((month) => month === p.birthdayMonth);
    if (c.kind === 'special') return TAGS.includes(c.tagId) && c.values.some((v) => v === p.special[c.tagId]);
    if (c.kind === 'list') {
      const have: (string | null)[] = {
        tierId: [p.tierId],
        stage: [p.stage],
        gender: [p.gender],
        ageBand: [p.ageBand],
        province: [p.province],
        city: [p.city],
        homeStoreId: [p.homeStoreId],
        preferredCategory: p.preferredCategoryIds,
      }[c.field];
      return have.some((v) => v !== null && c.values.some((w) => w === v));
    }
    if (c.field === 'lastPurchaseDays') {
      if (p.lastPurchaseAt === null) return c.max === undefined; // never bought: more days than any minimum
      let days = 0;
      const elapsed = now - p.lastPurchaseAt;
      if (elapsed >= 0) while ((days + 1) * DAY_MS <= elapsed) days += 1;
      else while (days * DAY_MS > elapsed) days -= 1;
      return inRange(days, c);
    }
    const numbers: Record<Exclude<typeof c.field, 'lastPurchaseDays'>, number> = {
      rfmR: p.rfm.r,
      rfmF: p.rfm.f,
      rfmM: p.rfm.m,
      spend30Fen: p.spend30Fen,
      spend90Fen: p.spend90Fen,
      spend365Fen: p.spend365Fen,
      purchases: p.purchases,
      checkIns30: p.checkIns30,
      couponUseRate: p.couponUseRate,
    };
    return inRange(numbers[c.field], c);
  };
  const groups = rule.groups.map((group) => {
    const count = group.conditions.filter(holds).length;
    return group.join === 'and' ? count === group.conditions.length : count > 0;
  });
  if (groups.length === 0) return true;
  const count = groups.filter(Boolean).length;
  return rule.join === 'and' ? count === groups.length : count > 0;
}

/** A tiny interpreter of the query tree with MongoDB's meaning (array fields match by element, null matches missing). */
function runQuery(query: SegmentQuery, doc: unknown): boolean {
  if (query.op === 'and') return query.of.every((part) => runQuery(part, doc));
  if (query.op === 'or') return query.of.some((part) => runQuery(part, doc));
  const value = query.path
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), doc);
  const candidates = Array.isArray(value) ? value : [value];
  switch (query.op) {
    case 'in':
      return candidates.some((v) => (query.values as unknown[]).includes(v));
    case 'eq':
      return query.value === null ? value === null || value === undefined : candidates.includes(query.value);
    case 'gt':
      return candidates.some((v) => typeof v === 'number' && v > query.value);
    case 'gte':
      return candidates.some((v) => typeof v === 'number' && v >= query.value);
    case 'lte':
      return candidates.some((v) => typeof v === 'number' && v <= query.value);
  }
}

describe('segment rules', () => {
  it('generated rules are valid rules', () => {
    fc.assert(fc.property(ruleArb, (rule) => segmentRuleSchema.safeParse(rule).success));
  });

  it('matchesSegment agrees with the reference evaluator', () => {
    fc.assert(
      fc.property(ruleArb, profileArb, (rule, profile) => {
        expect(matchesSegment(rule, profile, NOW)).toBe(reference(rule, profile, NOW));
      }),
      { numRuns: 5_000 },
    );
  });

  it('the query takes the same profiles as matchesSegment', () => {
    fc.assert(
      fc.property(ruleArb, profileArb, (rule, profile) => {
        expect(runQuery(segmentQuery(rule, NOW), profile)).toBe(matchesSegment(rule, profile, NOW));
      }),
      { numRuns: 5_000 },
    );
  });

  it('an empty rule takes everyone, whatever its join', () => {
    fc.assert(
      fc.property(join, profileArb, (ruleJoin, profile) => {
        const rule = { join: ruleJoin, groups: [] };
        expect([matchesSegment(rule, profile, NOW), runQuery(segmentQuery(rule, NOW), profile)]).toEqual([true, true]);
      }),
    );
  });

  it('a never-bought member is in a minimum of days and out of a maximum', () => {
    const never = profileOf({ lastPurchaseAt: null });
    const days = (min?: number, max?: number): SegmentRule => ({
      join: 'and',
      groups: [
        {
          join: 'and',
          conditions: [
            { kind: 'range', field: 'lastPurchaseDays', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
          ],
        },
      ],
    });
    expect([days(90), days(undefined, 90), days(0, 10_000)].map((rule) => matchesSegment(rule, never, NOW))).toEqual([true, false, false]);
    expect(segmentQuery(days(90), NOW)).toEqual({
      op: 'or',
      of: [
        { op: 'eq', path: 'lastPurchaseAt', value: null },
        { op: 'lte', path: 'lastPurchaseAt', value: NOW - 90 * DAY_MS },
      ],
    });
  });

  it('a list never takes a field without a value, even for the value "null"', () => {
    const rule: SegmentRule = {
      join: 'and',
      groups: [{ join: 'and', conditions: [{ kind: 'list', field: 'ageBand', values: ['null'] }] }],
    };
    expect(matchesSegment(rule, profileOf({ ageBand: null }), NOW)).toBe(false);
  });

  it('an and of single conditions is one flat list of field tests', () => {
    const rule: SegmentRule = {
      join: 'and',
      groups: [
        { join: 'or', conditions: [{ kind: 'list', field: 'tierId', values: ['gold'] }] },
        {
          join: 'and',
          conditions: [
            { kind: 'range', field: 'rfmR', min: 4, max: 5 },
            { kind: 'flag', field: 'marketing', value: true },
          ],
        },
      ],
    };
    expect(segmentQuery(rule, NOW)).toEqual({
      op: 'and',
      of: [
        { op: 'in', path: 'tierId', values: ['gold'] },
        { op: 'gte', path: 'rfm.r', value: 4 },
        { op: 'lte', path: 'rfm.r', value: 5 },
        { op: 'eq', path: 'marketing', value: true },
      ],
    });
  });
});
