import type { Fen } from '~/types/units';

/** Yuan as an admin types it: whole yuan, optionally grouped with commas, and at most two decimals. */
const YUAN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * A yuan amount typed by an admin as integer fen, or null when it is not one: `12` → 1200,
 * `12.5` → 1250, `¥1,234.05` → 123405. Full-width digits and ￥ are accepted. The digits are
 * joined as text, never multiplied as a float, so no amount comes out a fen off.
 */
export function parseYuan(text: string): Fen | null {
  const normalised = text.normalize('NFKC').trim().replace(/^¥\s*/, '');
  const match = YUAN.exec(normalised);
  if (!match) return null;
  const yuan = (match[1] ?? '').replace(/,/g, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  const fen = Number(`${yuan}${cents}`);
  return Number.isSafeInteger(fen) ? fen : null;
}
