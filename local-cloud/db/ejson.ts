import { EJSON } from 'bson';

/** A plain document as the engine holds it: JSON values plus Date and RegExp. */
export type Doc = Record<string, unknown>;

/**
 * Decodes one EJSON string from the SDK (relaxed: numbers stay numbers), turning
 * `$tcb_server_date` markers into the server's time and BSON regexes into RegExp.
 */
export function decodeEjson(text: string, now: number): unknown {
  const json: unknown = JSON.parse(text);
  // The SDK writes canonical EJSON ({"$numberInt": "5"} for 5): read the wrappers it writes in one walk, several
  // times faster than bson's parser; anything rarer (a regex, an ObjectId…) takes bson's way.
  try {
    return decodeCommon(json, now);
  } catch (error) {
    if (error !== RARE) throw error;
    return normalise(EJSON.parse(text, { relaxed: true }), now);
  }
}

/** Thrown by decodeCommon on an EJSON wrapper it leaves to bson. */
const RARE = Symbol('rare EJSON');

/** BSON type wrappers of EJSON other than the ones decodeCommon reads. */
const RARE_KEYS = new Set([
  '$oid',
  '$binary',
  '$symbol',
  '$numberDecimal',
  '$code',
  '$scope',
  '$timestamp',
  '$minKey',
  '$maxKey',
  '$dbPointer',
  '$ref',
  '$uuid',
  '$undefined',
  '$regex',
  '$regularExpression',
]);

function decodeNumber(text: unknown, long: boolean): number {
  if (typeof text !== 'string') throw RARE;
  const value = Number(text);
  if (long && !Number.isSafeInteger(value)) throw RARE;
  return value;
}

function decodeCommon(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => decodeCommon(item, now));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const key = keys[0] as string;
    const inner = record[key];
    if (key === '$numberInt' || key === '$numberDouble') return decodeNumber(inner, false);
    if (key === '$numberLong') return decodeNumber(inner, true);
    if (key === '$date') {
      if (typeof inner === 'string') return new Date(inner);
      return new Date(typeof inner === 'number' ? inner : decodeNumber((inner as { $numberLong?: unknown } | null)?.$numberLong, true));
    }
    if (key === '$tcb_server_date') return new Date(now + ((decodeCommon(inner, now) as { offset?: number } | null)?.offset ?? 0));
  }
  const out: Doc = {};
  for (const key of keys) {
    if (RARE_KEYS.has(key)) throw RARE;
    out[key] = decodeCommon(record[key], now);
  }
  return out;
}

function normalise(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((item) => normalise(item, now));
  const tagged = value as { _bsontype?: string; pattern?: string; options?: string };
  if (tagged._bsontype === 'BSONRegExp') {
    return new RegExp(tagged.pattern ?? '', (tagged.options ?? '').replace(/[^imsu]/g, ''));
  }
  if (tagged._bsontype) throw new Error(`[local-cloud] BSON type ${tagged._bsontype} is not supported`);
  const record = value as Record<string, unknown>;
  const serverDate = record.$tcb_server_date as { offset?: number } | undefined;
  if (serverDate && Object.keys(record).length === 1) {
    return new Date(now + (serverDate.offset ?? 0));
  }
  const out: Doc = {};
  for (const [key, item] of Object.entries(record)) out[key] = normalise(item, now);
  return out;
}

/**
 * Stored form: JSON with dates as `{"$date": ms}`. That text is also valid relaxed EJSON,
 * so a stored document goes back to the SDK without being re-encoded.
 */
export function toStored(doc: Doc): string {
  // A replacer costs several times the plain stringify: only a document holding a Date or RegExp needs it.
  if (!holdsSpecial(doc)) return JSON.stringify(doc);
  return JSON.stringify(doc, function replacer(this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    if (raw instanceof RegExp) throw new Error('[local-cloud] a RegExp cannot be stored in a document');
    return value;
  });
}

function holdsSpecial(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof Date || value instanceof RegExp) return true;
  if (Array.isArray(value)) return value.some(holdsSpecial);
  for (const key in value) if (holdsSpecial((value as Record<string, unknown>)[key])) return true;
  return false;
}

function reviveDates(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const date = (value as { $date?: unknown }).$date;
    if (typeof date === 'number' && Object.keys(value).length === 1) return new Date(date);
  }
  return value;
}

/** Parses stored text back into a document with Date values (a reviver only when a date is present: it costs 4x). */
export function fromStored(text: string): Doc {
  return (text.includes('"$date"') ? JSON.parse(text, reviveDates) : JSON.parse(text)) as Doc;
}
