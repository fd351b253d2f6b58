import { EJSON } from 'bson';

/** A plain document as the engine holds it: JSON values plus Date and RegExp. */
export type Doc = Record<string, unknown>;

/**
 * Decodes one EJSON string from the SDK (relaxed: numbers stay numbers), turning
 * `$tcb_server_date` markers into the server's time and BSON regexes into RegExp.
 */
export function decodeEjson(text: string, now: number): unknown {
  return normalise(EJSON.parse(text, { relaxed: true }), now);
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
  return JSON.stringify(doc, function replacer(this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof Date) return { $date: raw.getTime() };
    if (raw instanceof RegExp) throw new Error('[local-cloud] a RegExp cannot be stored in a document');
    return value;
  });
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
