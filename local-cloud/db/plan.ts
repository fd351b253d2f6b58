import { fieldExpr } from './collections';
import type { Doc } from './ejson';

/** An SQL prefilter: a superset of the matching rows, narrowed through indexes where it can. */
export interface Prefilter {
  where: string[];
  params: unknown[];
}

type Scalar = string | number | boolean;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

function sqlValue(value: Scalar): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * Translates the index-backed part of a query into SQL. Only `_id` and indexed paths are
 * translated (those hold scalars), and only operators whose SQL form can never drop a row
 * that the query matches; the full query is then checked in JS on every candidate row.
 */
export function planPrefilter(query: Doc, indexed: Set<string>): Prefilter {
  const plan: Prefilter = { where: [], params: [] };
  addConditions(query, indexed, plan);
  return plan;
}

function addConditions(query: Doc, indexed: Set<string>, plan: Prefilter): void {
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) addConditions(part as Doc, indexed, plan);
      continue;
    }
    if (key.startsWith('$') || !indexed.has(key)) continue;
    const expr = fieldExpr(key);
    if (isScalar(condition)) {
      plan.where.push(`${expr} = ?`);
      plan.params.push(sqlValue(condition));
      continue;
    }
    if (!condition || typeof condition !== 'object' || condition instanceof Date || condition instanceof RegExp || Array.isArray(condition)) {
      continue;
    }
    for (const [op, operand] of Object.entries(condition as Doc)) {
      if (op === '$eq' && isScalar(operand)) {
        plan.where.push(`${expr} = ?`);
        plan.params.push(sqlValue(operand));
      } else if (op in RANGE && (typeof operand === 'number' || typeof operand === 'string')) {
        // SQLite orders numbers before text, so a range on one type cannot lose rows of that type.
        plan.where.push(`${expr} ${RANGE[op]} ?`);
        plan.params.push(operand);
      } else if (op === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)) {
        plan.where.push(`${expr} IN (${operand.map(() => '?').join(', ')})`);
        plan.params.push(...operand.map(sqlValue));
      }
    }
  }
}

/** ORDER BY for a sort spec; insertion order (rowid) breaks ties, as Mongo's natural order does. */
export function planOrder(order: [string, 1 | -1][]): string {
  const terms = order.map(([path, dir]) => `${fieldExpr(path)} ${dir === 1 ? 'ASC' : 'DESC'}`);
  terms.push('rowid ASC');
  return terms.join(', ');
}
