import fc from 'fast-check';
import { Query } from 'mingo';
import { update as mingoUpdate } from 'mingo/updater';
import type { Doc } from './ejson';
import { fastMatch, fastUpdate } from './fast-paths';

const scalar = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, -2.25), fc.constantFrom('a', 'b', '5', ''), fc.boolean());
const value = fc.oneof(scalar, fc.constant(null), fc.constant([1, 2]), fc.record({ x: scalar }, { requiredKeys: [] }));
const doc = fc.record(
  { a: value, b: value, n: fc.oneof(fc.record({ x: value, y: value }, { requiredKeys: [] }), scalar) },
  { requiredKeys: [] },
);
const path = fc.constantFrom('a', 'b', 'n.x', 'n.y', 'n.x.z');

const condition = fc.oneof(
  scalar,
  fc.dictionary(fc.constantFrom('$eq', '$gt', '$gte', '$lt', '$lte'), scalar, { minKeys: 1, maxKeys: 2 }),
  fc.record({ $in: fc.array(scalar, { maxLength: 3 }) }),
);
const query = fc.dictionary(path, condition, { maxKeys: 3 });

const update = fc.dictionary(
  fc.constantFrom('$set', '$inc', '$unset'),
  fc.dictionary(
    path,
    fc.oneof(
      scalar,
      fc.constant(null),
      fc.constant(''),
      fc.array(scalar, { maxLength: 3 }),
      fc.constant([1, 2]),
      fc.array(fc.record({ id: scalar, n: fc.oneof(scalar, fc.constant(null)) }), { maxLength: 2 }),
    ),
    { minKeys: 1, maxKeys: 2 },
  ),
  { minKeys: 1, maxKeys: 3 },
);

describe('fast paths agree with mingo wherever they answer', () => {
  it('fastMatch', () => {
    let answered = 0;
    fc.assert(
      fc.property(doc, query, (d, q) => {
        const fast = fastMatch(q as Doc, d as Doc);
        if (fast === null) return;
        answered += 1;
        expect(fast).toBe(new Query(q).test(d));
      }),
      { numRuns: 5000 },
    );
    // The comparison means something only if the fast path answers often.
    expect(answered).toBeGreaterThan(1500);
  });

  it('fastUpdate', () => {
    let answered = 0;
    fc.assert(
      fc.property(doc, update, (d, u) => {
        const fastDoc = structuredClone(d) as Doc;
        const fast = fastUpdate(fastDoc, u as Doc);
        if (fast === null) {
          expect(fastDoc).toEqual(d);
          return;
        }
        answered += 1;
        const slowDoc = structuredClone(d) as Doc;
        const changed = mingoUpdate(slowDoc, u as Doc);
        expect(fastDoc).toEqual(slowDoc);
        expect(fast).toBe(changed.length > 0);
      }),
      { numRuns: 8000 },
    );
    expect(answered).toBeGreaterThan(700);
  });

  it('covers the guarded-update shape', () => {
    const member = { _id: 'm1', points: 10 };
    expect(fastMatch({ _id: 'm1', points: { $gte: 7 } }, member)).toBe(true);
    expect(fastUpdate(member, { $inc: { points: -7 } })).toBe(true);
    expect(member).toEqual({ _id: 'm1', points: 3 });
    expect(fastMatch({ _id: 'm1', points: { $gte: 7 } }, member)).toBe(false);
  });

  it('covers the posting of a member’s points', () => {
    const member = { _id: 'm1', points: { available: 40, buckets: [{ id: 'b:2027-11', expiresAt: 1, points: 10 }] } };
    const buckets = [{ id: 'b:2028-01', expiresAt: 2, points: 30 }];
    expect(fastUpdate(member, { $set: { 'points.available': 30, 'points.buckets': buckets, updatedAt: 5 } })).toBe(true);
    expect(member).toEqual({ _id: 'm1', points: { available: 30, buckets }, updatedAt: 5 });
    expect(member.points.buckets[0]).not.toBe(buckets[0]);
    expect(fastUpdate(member, { $set: { 'points.buckets': [{ id: 'b', at: { nested: 1 } }] } })).toBeNull();
  });
});
