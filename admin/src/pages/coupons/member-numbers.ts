/** The most member numbers one send may name: the server takes them 200 a call, the page sends them in turn. */
export const MAX_MEMBER_NUMBERS = 20_000;
/** Member numbers per call to the server (its limit). */
export const MEMBER_NUMBERS_PER_CALL = 200;

const MEMBER_NO = /^\d{4,20}$/;

/** Member numbers read from pasted text or a CSV file: the distinct numbers in order, repeats dropped, and what is wrong, if anything. */
export interface MemberNumbers {
  numbers: string[];
  duplicates: number;
  problem: string | null;
}

/**
 * Reads member numbers one per line, or as the first column of a CSV file (a BOM, a header row
 * such as 会员号, quotes and spaces allowed); blank lines are skipped.
 */
export function parseMemberNumbers(text: string): MemberNumbers {
  const numbers: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const first = (line.split(/[,\t;，]/)[0] ?? '')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim();
    if (first === '') continue;
    if (!MEMBER_NO.test(first)) {
      if (index === 0 && !/\d/.test(first)) continue; // a header row
      return { numbers, duplicates, problem: `第 ${index + 1} 行「${first.slice(0, 20)}」不是有效的会员号` };
    }
    if (seen.has(first)) duplicates += 1;
    else {
      seen.add(first);
      numbers.push(first);
    }
  }
  if (numbers.length === 0) return { numbers, duplicates, problem: '请填写会员号，每行一个，或上传 CSV 文件' };
  if (numbers.length > MAX_MEMBER_NUMBERS) {
    return { numbers, duplicates, problem: `一次最多发放 ${MAX_MEMBER_NUMBERS} 位会员，当前 ${numbers.length} 位` };
  }
  return { numbers, duplicates, problem: null };
}

/** `items` in runs of `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
