import { DAY_MS } from '~/core/calendar/durations';
import type { MemberProfileDoc, SegmentCondition, SegmentRule } from '~/types/marketing';
import { AGE_BANDS, LIFECYCLE_STAGES, RANGE_FIELDS } from '~/types/marketing';
import { seededRandom } from './seeded-random';

export { seededRandom };

export const PROFILE_TIERS = ['normal', 'silver', 'gold', 'diamond'];
const PROVINCES = ['广东', '浙江', '上海', '四川'];
const CITIES = ['广州', '深圳', '杭州', '上海', '成都'];
const STORES = ['store-a', 'store-b', 'store-c'];
const CATEGORIES = ['cat-a', 'cat-b', 'cat-c', 'cat-d', 'cat-e'];
const TAGS: Record<string, string[]> = { skin: ['dry', 'oily', 'mixed'], shoe: ['36', '37', '38', '39', '40'] };

const pick = <T>(random: () => number, pool: readonly T[]): T => pool[Math.floor(random() * pool.length)] as T;
const int = (random: () => number, max: number) => Math.floor(random() * (max + 1));
const maybe = <T>(random: () => number, value: T, nullShare = 0.2): T | null => (random() < nullShare ? null : value);
const someOf = <T>(random: () => number, pool: readonly T[], most = pool.length) => {
  const chosen = pool.filter(() => random() < 0.4).slice(0, most);
  return chosen.length ? chosen : [pick(random, pool)];
};

/** The profile `_id` of member `i`: zero-padded, so `_id` order is `i` order. */
export const profileId = (i: number) => `m${String(i).padStart(7, '0')}`;

/** A refreshed profile of member `i` with values from small pools (so rules meet them often), as the profile job would write it. */
export function randomProfile(random: () => number, i: number, now: number): MemberProfileDoc {
  const r = int(random, 5);
  const f = int(random, 5);
  const m = int(random, 5);
  const bought = random() < 0.8;
  const special: Record<string, string> = {};
  for (const [tag, values] of Object.entries(TAGS)) if (random() < 0.3) special[tag] = pick(random, values);
  return {
    _id: profileId(i),
    memberNo: String(1_000_000_000 + i),
    refreshedDay: '2026-12-07',
    refreshedAt: now - DAY_MS / 4,
    gender: pick(random, ['unknown', 'male', 'female'] as const),
    ageBand: maybe(random, pick(random, AGE_BANDS)),
    province: maybe(random, pick(random, PROVINCES)),
    city: maybe(random, pick(random, CITIES)),
    joinedAt: now - int(random, 900) * DAY_MS,
    birthdayMonth: maybe(random, 1 + int(random, 11)),
    tierId: pick(random, PROFILE_TIERS),
    marketing: random() < 0.8,
    personalised: random() < 0.9,
    rfm: { r, f, m },
    rfmCode: r * 100 + f * 10 + m,
    // Whole days back, a little either side of the day's edge.
    lastPurchaseAt: bought ? now - int(random, 400) * DAY_MS + pick(random, [-1, 0, 1, 3_600_000]) : null,
    purchases: bought ? int(random, 30) : 0,
    spendFen: int(random, 500_000),
    averageOrderFen: int(random, 50_000),
    spend30Fen: int(random, 10) * 10_000,
    spend90Fen: int(random, 20) * 10_000,
    spend365Fen: int(random, 50) * 10_000,
    onlineFen: int(random, 100_000),
    storeFen: int(random, 100_000),
    homeStoreId: maybe(random, pick(random, STORES), 0.5),
    preferredCategoryIds: random() < 0.2 ? [] : someOf(random, CATEGORIES, 3),
    checkInStreak: int(random, 10),
    checkIns30: int(random, 30),
    couponUseRate: int(random, 10) * 10,
    redemptions: int(random, 5),
    shares: int(random, 5),
    stage: pick(random, LIFECYCLE_STAGES),
    stageSince: now - int(random, 100) * DAY_MS,
    stageHistory: [],
    special,
  };
}

const RANGE_MAX: Record<(typeof RANGE_FIELDS)[number], number> = {
  rfmR: 5,
  rfmF: 5,
  rfmM: 5,
  spend30Fen: 100_000,
  spend90Fen: 200_000,
  spend365Fen: 500_000,
  purchases: 30,
  lastPurchaseDays: 400,
  checkIns30: 30,
  couponUseRate: 100,
};

/** A condition of any kind, with values and bounds from the pools `randomProfile` draws from. */
export function randomCondition(random: () => number): SegmentCondition {
  switch (int(random, 6)) {
    case 0:
      return { kind: 'list', field: 'tierId', values: someOf(random, PROFILE_TIERS) };
    case 1: {
      const [field, pool] = pick(random, [
        ['stage', LIFECYCLE_STAGES],
        ['gender', ['unknown', 'male', 'female']],
        ['ageBand', AGE_BANDS],
        ['province', PROVINCES],
        ['city', CITIES],
        ['homeStoreId', STORES],
        ['preferredCategory', CATEGORIES],
      ] as const);
      return { kind: 'list', field, values: someOf(random, pool as readonly string[]) };
    }
    case 2: {
      const tagId = pick(random, Object.keys(TAGS));
      return { kind: 'special', tagId, values: someOf(random, TAGS[tagId] as string[]) };
    }
    case 3:
      return { kind: 'birthdayMonth', months: someOf(random, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4) };
    case 4:
      return { kind: 'flag', field: pick(random, ['marketing', 'personalised'] as const), value: random() < 0.5 };
    default: {
      const field = pick(random, RANGE_FIELDS);
      const top = RANGE_MAX[field];
      const at = (share: number) => Math.round(top * share);
      const [a, b] = [random(), random()].sort((x, y) => x - y) as [number, number];
      const which = int(random, 2);
      return which === 0
        ? { kind: 'range', field, min: at(a) }
        : which === 1
          ? { kind: 'range', field, max: at(b) }
          : { kind: 'range', field, min: at(a), max: at(b) };
    }
  }
}

/** A rule of up to three groups of up to three conditions, either join at each level (sometimes no groups at all). */
export function randomRule(random: () => number): SegmentRule {
  const join = () => (random() < 0.5 ? ('and' as const) : ('or' as const));
  return {
    join: join(),
    groups: Array.from({ length: int(random, 3) }, () => ({
      join: join(),
      conditions: Array.from({ length: 1 + int(random, 2) }, () => randomCondition(random)),
    })),
  };
}
