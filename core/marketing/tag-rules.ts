import { parseCsv } from '../exports/csv';

/** Limits of a special tag's definition and of one CSV import. */
export const TAG_LIMITS = { name: 16, values: 50, valueLength: 32, importRows: 5000 } as const;

/** A tag id: a short lowercase slug, the key of the tag in a member profile's `special`. */
export const TAG_ID_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * A tag's allowed values, trimmed, in the admin's order, or the first problem with them: 1–50
 * distinct non-empty values of at most 32 characters.
 */
export function normaliseTagValues(values: readonly string[]): { values: string[] } | { error: string } {
  const trimmed = values.map((value) => value.trim());
  if (trimmed.length === 0) return { error: '请至少填写一个可选值' };
  if (trimmed.length > TAG_LIMITS.values) return { error: `可选值最多 ${TAG_LIMITS.values} 个` };
  const seen = new Set<string>();
  for (const value of trimmed) {
    if (value === '') return { error: '可选值不能为空' };
    if ([...value].length > TAG_LIMITS.valueLength) return { error: `可选值「${value}」超过 ${TAG_LIMITS.valueLength} 个字` };
    if (seen.has(value)) return { error: `可选值「${value}」重复` };
    seen.add(value);
  }
  return { values: trimmed };
}

/** A tag id derived from its name when the admin gives none: ASCII letters and digits kept, else `tag-` and a short hash of the name. */
export function tagIdFromName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 32);
  if (TAG_ID_PATTERN.test(slug)) return slug;
  let hash = 0;
  for (const char of name.trim()) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) >>> 0;
  return `tag-${hash.toString(36)}`;
}

/** Values an edit takes away that members still hold, with how many hold each. */
export function heldValuesRemoved(
  counts: Readonly<Record<string, number>>,
  nextValues: readonly string[],
): { value: string; members: number }[] {
  const kept = new Set(nextValues);
  return Object.entries(counts)
    .filter(([value, members]) => members > 0 && !kept.has(value))
    .map(([value, members]) => ({ value, members }));
}

/** The counts after one member's value moves from `before` to `after` (null: none); values no one holds are dropped. */
export function movedCounts(counts: Readonly<Record<string, number>>, before: string | null, after: string | null): Record<string, number> {
  const next = { ...counts };
  if (before !== null) next[before] = (next[before] ?? 0) - 1;
  if (after !== null) next[after] = (next[after] ?? 0) + 1;
  return Object.fromEntries(Object.entries(next).filter(([, members]) => members !== 0));
}

/** One good row of a tag import: the member number and the value (null clears the tag). */
export interface TagImportRow {
  line: number;
  memberNo: string;
  value: string | null;
}

/** One bad row, by its line number in the text (1-based), with what is wrong. */
export interface TagImportError {
  line: number;
  message: string;
}

const MEMBER_NO = /^\d{10}$/;
const HEADER = /^(memberno|会员号|会员编号|卡号)$/i;

/**
 * Reads a tag import: `memberNo,value` lines (a header line, blank lines and a BOM are skipped;
 * an empty value clears the tag). Every line is checked against the tag's values; a member number
 * given twice is an error on its second line, so an import never depends on row order.
 */
export function parseTagImport(text: string, allowed: readonly string[]): { rows: TagImportRow[]; errors: TagImportError[] } {
  const rows: TagImportRow[] = [];
  const errors: TagImportError[] = [];
  const values = new Set(allowed);
  const seen = new Map<string, number>();
  // parseCsv keeps quoted line breaks in a field, so lines are counted from the text as it goes.
  const records = parseCsv(text.replace(/\r\n?/g, '\n'));
  let line = 0;
  for (const record of records) {
    line += 1 + record.reduce((breaks, field) => breaks + (field.match(/\n/g)?.length ?? 0), 0);
    const fields = record.map((field) => field.trim());
    if (fields.every((field) => field === '')) continue;
    const [memberNo = '', value = '', ...rest] = fields;
    if (rows.length === 0 && errors.length === 0 && HEADER.test(memberNo)) continue;
    if (rest.some((field) => field !== '')) {
      errors.push({ line, message: '每行只能有会员号和标签值两列' });
      continue;
    }
    if (!MEMBER_NO.test(memberNo)) {
      errors.push({ line, message: `会员号「${memberNo}」须为 10 位数字` });
      continue;
    }
    if (value !== '' && !values.has(value)) {
      errors.push({ line, message: `「${value}」不是该标签的可选值` });
      continue;
    }
    const first = seen.get(memberNo);
    if (first !== undefined) {
      errors.push({ line, message: `会员号 ${memberNo} 与第 ${first} 行重复` });
      continue;
    }
    seen.set(memberNo, line);
    rows.push({ line, memberNo, value: value === '' ? null : value });
  }
  if (rows.length + errors.length > TAG_LIMITS.importRows)
    return { rows: [], errors: [{ line: 0, message: `每次最多导入 ${TAG_LIMITS.importRows} 行，请分批导入` }] };
  return { rows, errors };
}
