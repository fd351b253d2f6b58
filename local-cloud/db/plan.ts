import { fieldExpr } from './collections';
import type { Doc } from './ejson';

/**
 * An SQL prefilter: a superset of the matching rows, narrowed through indexes where it can.
 * `exact` means the SQL selects exactly the matching rows, so the JS check can be skipped and
 * LIMIT/OFFSET pushed into SQL.
 */
export interface Prefilter {
  where: string[];
  params: unknown[];
  exact: boolean;
  /** Paths the SQL pins to one value (an equality), so every selected row has the same value there. */
  fixed: string[];
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

function sqlValue(value: Scalar): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/**
 * MongoDB compares values of one type bracket only, while SQLite orders numbers before text;
 * a json_type guard makes a comparison on an indexed path mean what it means in MongoDB.
 */
function typeGuard(path: string, value: Scalar): string {
  const types = { number: "IN ('integer', 'real')", string: "= 'text'", boolean: "IN ('true', 'false')" } as const;
  return `json_type(doc, '$.${path}') ${types[typeof value as 'number' | 'string' | 'boolean']}`;
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Translates the index-backed part of a query into SQL. Only `_id` and indexed paths are
 * translated (the store keeps those scalar), each with a type guard; anything else is left to
 * the JS check of every candidate row, and makes the plan inexact.
 */
export function planPrefilter(query: Doc, indexed: Set<string>): Prefilter {
  const plan: Prefilter = { where: [], params: [], exact: true, fixed: [] };
  addConditions(query, indexed, plan);
  if (pinsIds(query)) {
    // A query naming its _ids (e.g. a guarded update of a page of documents) reads them by primary key. Without
    // statistics SQLite may prefer another index's range (state = 'open' AND expiresAt < t), reading every row in it
    // for a few hundred ids; a unary plus keeps the other terms off their indexes.
    plan.where = plan.where.map((term) => term.replace(/^json_extract\(/, '+json_extract(').replace(/^\(/, '+('));
  }
  return plan;
}

/** Whether the query pins `_id` to one value or a list at its top level (or in a top-level `$and`). */
function pinsIds(query: Doc): boolean {
  const id = query._id;
  if (isScalar(id)) return true;
  if (!!id && typeof id === 'object' && !Array.isArray(id) && ('$eq' in id || '$in' in id)) return true;
  return Array.isArray(query.$and) && query.$and.some((part) => !!part && typeof part === 'object' && pinsIds(part as Doc));
}

function addConditions(query: Doc, indexed: Set<string>, plan: Prefilter): void {
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) addConditions(part as Doc, indexed, plan);
    } else if (key === '$or' && Array.isArray(condition) && condition.length > 0) {
      addAlternatives(condition as Doc[], indexed, plan);
    } else if (key.startsWith('$') || !indexed.has(key)) {
      plan.exact = false;
    } else if (
      isScalar(condition) ||
      (condition &&
        typeof condition === 'object' &&
        !Array.isArray(condition) &&
        !(condition instanceof Date) &&
        !(condition instanceof RegExp))
    ) {
      const operators = isScalar(condition) ? { $eq: condition } : (condition as Doc);
      // `{ field: {} }` compares with an empty object: not something SQL here expresses.
      if (Object.keys(operators).length === 0) plan.exact = false;
      for (const [op, operand] of Object.entries(operators)) {
        if (!addComparison(key, op, operand, plan)) plan.exact = false;
      }
    } else {
      plan.exact = false;
    }
  }
}

/**
 * An `$or` whose every branch SQL expresses exactly (indexed paths only) becomes one
 * parenthesised OR, so SQLite may read each branch through its index; any other `$or` is left
 * to the JS check. A branch's equalities pin nothing for the whole query.
 */
function addAlternatives(branches: Doc[], indexed: Set<string>, plan: Prefilter): void {
  const planned = branches.map((branch) => {
    const sub: Prefilter = { where: [], params: [], exact: true, fixed: [] };
    addConditions(branch, indexed, sub);
    return sub;
  });
  if (!planned.every((sub) => sub.exact && sub.where.length > 0)) {
    plan.exact = false;
    return;
  }
  plan.where.push(`(${planned.map((sub) => `(${sub.where.join(' AND ')})`).join(' OR ')})`);
  plan.params.push(...planned.flatMap((sub) => sub.params));
}

/** Adds one comparison; answers false when it cannot be expressed exactly in SQL. */
function addComparison(path: string, op: string, operand: unknown, plan: Prefilter): boolean {
  const expr = fieldExpr(path);
  const guard = (value: Scalar) => {
    if (path === '_id') return typeof value === 'string';
    plan.where.push(typeGuard(path, value));
    return true;
  };
  if (op === '$eq' && operand === null && path !== '_id') {
    // An indexed path holds a scalar (the store refuses arrays there): null matches a null or missing field, as in MongoDB.
    plan.where.push(`${expr} IS NULL`);
    return true;
  }
  if (op === '$eq' && isScalar(operand)) {
    plan.where.push(`${expr} = ?`);
    plan.params.push(sqlValue(operand));
    plan.fixed.push(path);
    return guard(operand);
  }
  if (op in RANGE && (typeof operand === 'number' || typeof operand === 'string') && isScalar(operand)) {
    plan.where.push(`${expr} ${RANGE[op]} ?`);
    plan.params.push(operand);
    return guard(operand);
  }
  if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)) {
    plan.where.push(`${expr} IN (${operand.map(() => '?').join(', ')})`);
    plan.params.push(...operand.map(sqlValue));
    const first = operand[0] as Scalar;
    // One type across the list keeps one guard exact; a mixed list stays a superset.
    return operand.every((value) => typeof value === typeof first) && (path === '_id' ? typeof first === 'string' : guard(first));
  }
  return false;
}

/**
 * ORDER BY for a sort spec; insertion order (rowid) breaks ties, as Mongo's natural order does.
 * Terms on `fixed` paths (one value in every selected row) change no order and are left out:
 * SQLite does not see that an expression term is constant under an equality, and would sort
 * every matching row in a temporary tree before the LIMIT, instead of reading the index in order
 * (a keyset page `field = v AND _id > id` over many equal values then costs the whole run of them).
 */
export function planOrder(order: [string, 1 | -1][], fixed: string[] = []): string {
  const terms = order.filter(([path]) => !fixed.includes(path)).map(([path, dir]) => `${fieldExpr(path)} ${dir === 1 ? 'ASC' : 'DESC'}`);
  terms.push('rowid ASC');
  return terms.join(', ');
}
