import { EJSON } from 'bson';
import fc from 'fast-check';
import { decodeEjson } from './ejson';

const NOW = 1_800_000_000_000;

/** What bson's relaxed parser makes of the text, as the engine held it before its own walk. */
function viaBson(text: string): unknown {
  const walk = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
    if (Array.isArray(value)) return value.map(walk);
    const record = value as Record<string, unknown>;
    if (Object.keys(record).length === 1 && record.$tcb_server_date)
      return new Date(NOW + ((record.$tcb_server_date as { offset?: number }).offset ?? 0));
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, walk(item)]));
  };
  return walk(EJSON.parse(text, { relaxed: true }));
}

const leaf = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.maxSafeInteger(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.constant({ $tcb_server_date: { offset: 5 } }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', '$inc', '$in', 'points.available'), tie('tree'), { maxKeys: 3 }),
  ),
}));

describe('decodeEjson', () => {
  it('reads what the SDK writes (canonical EJSON) as bson does', () => {
    fc.assert(
      fc.property(tree, (value) => {
        const text = EJSON.stringify(value, { relaxed: false });
        expect(decodeEjson(text, NOW)).toEqual(viaBson(text));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves rarer types to bson', () => {
    expect(decodeEjson('{"re":{"$regularExpression":{"pattern":"^a","options":"i"}}}', NOW)).toEqual({ re: /^a/i });
    expect(decodeEjson('{"n":{"$numberLong":"9007199254740993"}}', NOW)).toBeDefined();
  });
});
