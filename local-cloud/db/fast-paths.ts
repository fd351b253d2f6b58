import type { Doc } from './ejson';

/**
 * Fast paths for the commonest shapes of query and update, which mingo handles too but at a
 * fixed cost per call (it builds an operator context each time): guarded updates such as
 * `where({ _id, points: _.gte(n) }).update({ points: _.inc(-n) })` run on every checkout.
 * Each answers null for anything outside its shape, and the caller then uses mingo; a property
 * test (fast-paths.test.ts) holds them equal to mingo where they answer.
 */

type Scalar = string | number | boolean;

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** An array of scalars, or of flat records of scalars (e.g. a member's `points.buckets`). */
const isScalarArray = (value: unknown): value is (Scalar | Record<string, Scalar | null>)[] =>
  Array.isArray(value) &&
  value.every((item) => isScalar(item) || (isPlainObject(item) && Object.values(item).every((field) => field === null || isScalar(field))));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Reads a path through plain objects only; `blocked` when an array, date or scalar stands in the way. */
function read(doc: Doc, path: string): { value: unknown } | 'blocked' {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === undefined) return { value: undefined };
    if (!isPlainObject(value)) return 'blocked';
    value = value[part];
  }
  return { value };
}

const COMPARE: Record<string, (a: number | string, b: number | string) => boolean> = {
  $gt: (a, b) => a > b,
  $gte: (a, b) => a >= b,
  $lt: (a, b) => a < b,
  $lte: (a, b) => a <= b,
};

/** Scalar equality, ranges and lists (`$in`) on non-array fields; null when the query or the document is outside that shape. */
export function fastMatch(query: Doc, doc: Doc): boolean | null {
  for (const [path, condition] of Object.entries(query)) {
    if (!SIMPLE_PATH.test(path)) return null;
    const found = read(doc, path);
    if (found === 'blocked') return null;
    const { value } = found;
    if (value !== undefined && value !== null && !isScalar(value)) return null;
    if (isScalar(condition)) {
      if (value !== condition) return false;
      continue;
    }
    if (!isPlainObject(condition) || Object.keys(condition).length === 0) return null;
    for (const [op, operand] of Object.entries(condition)) {
      if (op === '$eq' && isScalar(operand)) {
        if (value !== operand) return false;
      } else if (op in COMPARE && (typeof operand === 'number' || typeof operand === 'string') && isScalar(operand)) {
        // MongoDB compares within one type bracket: a string never passes a numeric range.
        if (
          typeof value !== typeof operand ||
          !(COMPARE[op] as (a: number | string, b: number | string) => boolean)(value as number | string, operand)
        ) {
          return false;
        }
      } else if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)) {
        // A list of scalars (no null) never matches a missing field.
        if (!operand.includes(value as Scalar)) return false;
      } else {
        return null;
      }
    }
  }
  return true;
}

/**
 * Applies `$set` (scalars, null and arrays of scalars), `$inc` and `$unset` on paths through
 * plain objects, in place; answers whether the document changed, or null (leaving it untouched)
 * for any other shape. Arrays of scalars or of flat records cover the ledger's posting of a
 * member's points (`points.buckets`), on every points change.
 */
export function fastUpdate(doc: Doc, update: Doc): boolean | null {
  const steps: { op: string; path: string; operand: unknown; current: unknown }[] = [];
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if ((op !== '$set' && op !== '$inc' && op !== '$unset') || !isPlainObject(fields)) return null;
    for (const [path, operand] of Object.entries(fields)) {
      if (!SIMPLE_PATH.test(path) || path === '_id' || path.startsWith('_id.')) return null;
      // Overlapping paths are a MongoDB error; leave them to mingo.
      if (paths.some((other) => other === path || other.startsWith(`${path}.`) || path.startsWith(`${other}.`))) return null;
      paths.push(path);
      const found = read(doc, path);
      if (found === 'blocked') return null;
      if (op === '$set' && !(operand === null || isScalar(operand) || isScalarArray(operand))) return null;
      if (
        op === '$inc' &&
        !(isScalar(operand) && typeof operand === 'number' && (found.value === undefined || typeof found.value === 'number'))
      ) {
        return null;
      }
      if (
        found.value !== undefined &&
        found.value !== null &&
        !isScalar(found.value) &&
        !(op === '$set' && isScalarArray(found.value)) &&
        op !== '$unset'
      ) {
        return null;
      }
      steps.push({ op, path, operand, current: found.value });
    }
  }
  let changed = false;
  for (const { op, path, operand, current } of steps) {
    const parts = path.split('.');
    const leaf = parts.pop() as string;
    let parent: Record<string, unknown> = doc;
    for (const part of parts) {
      if (parent[part] === undefined) {
        if (op === '$unset') break;
        parent[part] = {};
      }
      parent = parent[part] as Record<string, unknown>;
    }
    if (op === '$unset') {
      if (current !== undefined && leaf in parent) {
        delete parent[leaf];
        changed = true;
      }
    } else if (op === '$inc') {
      const next = (current === undefined ? 0 : (current as number)) + (operand as number);
      if (current === undefined || next !== current) changed = true;
      parent[leaf] = next;
    } else if (Array.isArray(operand)) {
      // As mingo (the engine's reference) counts it: setting an array is a change even to an equal one.
      parent[leaf] = operand.map((item: unknown) => (isPlainObject(item) ? { ...item } : item));
      changed = true;
    } else if (current !== operand || !(leaf in parent)) {
      parent[leaf] = operand;
      changed = true;
    }
  }
  return changed;
}
