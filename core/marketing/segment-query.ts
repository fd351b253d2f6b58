import { DAY_MS } from '~/core/calendar/durations';
import type { SegmentCondition, SegmentRule } from '~/types/marketing';

/** A value a query compares a profile field with. */
export type QueryValue = string | number | boolean | null;

/**
 * A segment rule as a database query, in plain data: the server turns it into a `db.command`
 * where (server/marketing/segment-where.ts). Paths are `member_profiles` field paths (`tierId`,
 * `rfm.r`, `special.<tagId>`); `in` on an array field holds when any element is in `values`, and
 * `eq` null holds for a null or missing field, as in MongoDB. `and` of nothing holds for every
 * profile; `or` of nothing for none.
 */
export type SegmentQuery =
  | { op: 'and'; of: SegmentQuery[] }
  | { op: 'or'; of: SegmentQuery[] }
  | { op: 'in'; path: string; values: (string | number)[] }
  | { op: 'eq'; path: string; value: QueryValue }
  | { op: 'gt' | 'gte' | 'lte'; path: string; value: number };

type RangeCondition = Extract<SegmentCondition, { kind: 'range' }>;

/** The profile path a range condition tests (all but `lastPurchaseDays`, which becomes `lastPurchaseAt` bounds). */
export const RANGE_PATHS: Record<Exclude<RangeCondition['field'], 'lastPurchaseDays'>, string> = {
  rfmR: 'rfm.r',
  rfmF: 'rfm.f',
  rfmM: 'rfm.m',
  spend30Fen: 'spend30Fen',
  spend90Fen: 'spend90Fen',
  spend365Fen: 'spend365Fen',
  purchases: 'purchases',
  checkIns30: 'checkIns30',
  couponUseRate: 'couponUseRate',
};

/** Joins parts under `op`, lifting nested parts of the same join and a lone part, so an `and` of conditions stays one flat list. */
function joined(op: 'and' | 'or', parts: SegmentQuery[]): SegmentQuery {
  const flat = parts.flatMap((part) => (part.op === op ? (part as { of: SegmentQuery[] }).of : [part]));
  return flat.length === 1 ? (flat[0] as SegmentQuery) : { op, of: flat };
}

/**
 * `lastPurchaseDays` counts whole days, `floor((now − lastPurchaseAt) / day)`, and a member who
 * never bought (null) as more days than any number: `days ≥ min` is `lastPurchaseAt ≤ now − min
 * days` or null; `days ≤ max` is `lastPurchaseAt > now − (max + 1) days`, which excludes null.
 */
function lastPurchaseQuery(condition: RangeCondition, now: number): SegmentQuery {
  const parts: SegmentQuery[] = [];
  if (condition.max !== undefined) parts.push({ op: 'gt', path: 'lastPurchaseAt', value: now - (condition.max + 1) * DAY_MS });
  if (condition.min !== undefined) {
    const upTo: SegmentQuery = { op: 'lte', path: 'lastPurchaseAt', value: now - condition.min * DAY_MS };
    // With an upper bound nulls are out already.
    parts.push(condition.max !== undefined ? upTo : { op: 'or', of: [{ op: 'eq', path: 'lastPurchaseAt', value: null }, upTo] });
  }
  return joined('and', parts);
}

/** One condition as a query, as of `now`. */
export function conditionQuery(condition: SegmentCondition, now: number): SegmentQuery {
  switch (condition.kind) {
    case 'list':
      return {
        op: 'in',
        path: condition.field === 'preferredCategory' ? 'preferredCategoryIds' : condition.field,
        values: [...condition.values],
      };
    case 'special':
      return { op: 'in', path: `special.${condition.tagId}`, values: [...condition.values] };
    case 'birthdayMonth':
      return { op: 'in', path: 'birthdayMonth', values: [...condition.months] };
    case 'range': {
      if (condition.field === 'lastPurchaseDays') return lastPurchaseQuery(condition, now);
      const path = RANGE_PATHS[condition.field];
      const parts: SegmentQuery[] = [];
      if (condition.min !== undefined) parts.push({ op: 'gte', path, value: condition.min });
      if (condition.max !== undefined) parts.push({ op: 'lte', path, value: condition.max });
      return joined('and', parts);
    }
    case 'flag':
      return { op: 'eq', path: condition.field, value: condition.value };
  }
}

/**
 * A segment rule as a query over `member_profiles`, as of `now`: the same members
 * `matchesSegment` takes. An empty rule is `and` of nothing (every profile).
 */
export function segmentQuery(rule: SegmentRule, now: number): SegmentQuery {
  if (rule.groups.length === 0) return { op: 'and', of: [] };
  return joined(
    rule.join,
    rule.groups.map((group) =>
      joined(
        group.join,
        group.conditions.map((condition) => conditionQuery(condition, now)),
      ),
    ),
  );
}
