import type { SegmentQuery } from '~/core/marketing/segment-query';
import { segmentQuery } from '~/core/marketing/segment-query';
import type { SegmentRule } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import type { Raw } from '../db/cloud';

type Leaf = Exclude<SegmentQuery, { of: SegmentQuery[] }>;

function leafCommand(_: Raw, leaf: Leaf): Raw {
  switch (leaf.op) {
    case 'in':
      return _.in(leaf.values);
    case 'eq':
      return _.eq(leaf.value);
    case 'gt':
      return _.gt(leaf.value);
    case 'gte':
      return _.gte(leaf.value);
    case 'lte':
      return _.lte(leaf.value);
  }
}

/**
 * A query tree as a `db.command` where, with `also` merged into its top. An `and` puts its field tests in plain objects (a new
 * one where a path comes again, as a range's two bounds), so the database sees each indexed
 * field at the top of the query and narrows by its index; `or`s join them as they are.
 */
export function queryWhere(_: Raw, query: SegmentQuery, also: Record<string, unknown> = {}): Record<string, unknown> {
  if (query.op === 'or')
    return Object.keys(also).length
      ? _.and([_.or(query.of.map((part) => queryWhere(_, part))), also])
      : _.or(query.of.map((part) => queryWhere(_, part)));
  const objects: Record<string, unknown>[] = [{ ...also }];
  const others: Record<string, unknown>[] = [];
  for (const part of query.op === 'and' ? query.of : [query]) {
    if (part.op === 'and' || part.op === 'or') {
      others.push(queryWhere(_, part));
      continue;
    }
    let target = objects.find((object) => !(part.path in object));
    if (!target) objects.push((target = {}));
    target[part.path] = leafCommand(_, part);
  }
  const parts = [...objects.filter((object) => Object.keys(object).length > 0), ...others];
  if (parts.length === 0) return {};
  return parts.length === 1 ? (parts[0] as Record<string, unknown>) : _.and(parts);
}

/**
 * The where of `member_profiles` that takes a segment rule's members as of `asOf` (the same ones
 * `matchesSegment` takes); `also`: top-level field tests to add (e.g. `{ _id: _.in(ids) }`),
 * kept at the top of the query where the rule allows, so the database reads by them.
 */
export function segmentWhere(_: Raw, rule: SegmentRule, asOf: EpochMs, also: Record<string, unknown> = {}): Record<string, unknown> {
  return queryWhere(_, segmentQuery(rule, asOf), also);
}
