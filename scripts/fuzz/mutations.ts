import { seededRandom } from '../../tests/support/seeded-random';

/** The fuzzer's seeded generator: the same seed makes the same cases on every machine. */
export const random = seededRandom;

/** A JSON value as a request carries it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The ways a valid request is broken, one per case. */
export const MUTATIONS = [
  'valid',
  'wrongType',
  'empty',
  'huge',
  'negative',
  'unicode',
  'prototypeKeys',
  'mongoOperator',
  'otherId',
  'dropField',
  'extraField',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

/** Every path to a value inside a request but `action` (and `token`, which the caller sets). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...paths(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      prefix.length === 0 && (key === 'action' || key === 'token') ? [] : [[...prefix, key], ...paths(item, [...prefix, key])],
    );
  }
  return [];
}

function setAt(root: JsonObject, path: (string | number)[], value: Json | undefined): void {
  let target: Json = root;
  for (const step of path.slice(0, -1)) target = (target as Record<string | number, Json>)[step] as Json;
  const last = path.at(-1) as string | number;
  if (Array.isArray(target) && typeof last === 'number') {
    if (value === undefined) target.splice(last, 1);
    else target[last] = value;
  } else if (target !== null && typeof target === 'object') {
    if (value === undefined) delete (target as JsonObject)[last];
    else (target as JsonObject)[last] = value;
  }
}

function valueAt(root: JsonObject, path: (string | number)[]): Json {
  let target: Json = root;
  for (const step of path) target = (target as Record<string | number, Json>)[step] as Json;
  return target;
}

const WRONG_TYPES: Json[] = [0, 1.5, -7, '', 'x', true, false, null, [], {}, [1, 'a'], { a: 1 }];
const HUGE = (next: () => number): Json =>
  pick(next, [
    'x'.repeat(100_000),
    '长'.repeat(20_000),
    1e308,
    Number.MAX_SAFE_INTEGER * 4,
    Array.from({ length: 5_000 }, (_, i) => `id-${i}`),
    Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
  ]);
const NEGATIVE: Json[] = [-1, -0.5, -100_000, -Number.MAX_SAFE_INTEGER, -1e308];
const UNICODE: Json[] = [
  '\u0000',
  '\u202etxt.exe',
  '𠀀𠀁',
  '👨‍👩‍👧‍👦',
  '\ud800',
  'é'.normalize('NFD'),
  '\uFEFF',
  'a\nb\r\nc',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
];
const OPERATORS: Json[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { $regex: '.*' },
  { $in: ['a', 'b'] },
  { $exists: true },
  { 'a.b': 1 },
  { $inc: { points: 1_000_000 } },
];

/** Keys that would pollute a prototype if merged into an object by a careless copy. */
function pollute(next: () => number): JsonObject {
  const key = pick(next, ['__proto__', 'constructor', 'prototype']);
  return JSON.parse(`{"${key}": {"isAdmin": true, "polluted": "yes", "role": "owner"}}`) as JsonObject;
}

/**
 * Applies one mutation to a copy of `base` (a valid request, or just its action). `otherIds` are
 * ids of documents that belong to someone else, for the fields that name a document.
 */
export function mutate(base: JsonObject, mutation: Mutation, next: () => number, otherIds: readonly string[]): JsonObject {
  const request = JSON.parse(JSON.stringify(base)) as JsonObject;
  if (mutation === 'valid') return request;
  const fieldPaths = paths(request);
  const path = fieldPaths.length > 0 ? pick(next, fieldPaths) : null;
  switch (mutation) {
    case 'wrongType':
      if (path) setAt(request, path, pick(next, WRONG_TYPES));
      else request.unexpected = pick(next, WRONG_TYPES);
      return request;
    case 'empty':
      if (path) setAt(request, path, pick(next, ['', [], {}, null] as Json[]));
      return request;
    case 'huge':
      if (path) setAt(request, path, HUGE(next));
      else request.padding = HUGE(next);
      return request;
    case 'negative':
      if (path) setAt(request, path, pick(next, NEGATIVE));
      return request;
    case 'unicode':
      if (path) setAt(request, path, pick(next, UNICODE));
      return request;
    case 'prototypeKeys': {
      const polluted = pollute(next);
      if (path && typeof valueAt(request, path) === 'object' && valueAt(request, path) !== null && !Array.isArray(valueAt(request, path))) {
        Object.assign(valueAt(request, path) as JsonObject, polluted);
        return request;
      }
      const rest = JSON.stringify(request).slice(1);
      return JSON.parse(`${JSON.stringify(polluted).slice(0, -1)}${rest === '}' ? '' : ','}${rest}`) as JsonObject;
    }
    case 'mongoOperator':
      if (path) setAt(request, path, pick(next, OPERATORS));
      else request.$where = 'true';
      return request;
    case 'otherId': {
      const idPaths = fieldPaths.filter((p) =>
        /id$|ids$|code$|no$/i.test(String(p.filter((step) => typeof step === 'string').at(-1) ?? '')),
      );
      const target = idPaths.length > 0 ? pick(next, idPaths) : path;
      if (target && otherIds.length > 0) {
        const current = valueAt(request, target);
        setAt(request, target, Array.isArray(current) ? [pick(next, otherIds)] : pick(next, otherIds));
      }
      return request;
    }
    case 'dropField':
      if (path) setAt(request, path, undefined);
      return request;
    case 'extraField':
      request[pick(next, ['memberId', 'openid', 'role', 'isAdmin', 'points', 'priceFen', '_id', 'status'])] = pick(next, [
        'someone-else',
        'owner',
        true,
        999_999,
      ] as Json[]);
      return request;
  }
}
