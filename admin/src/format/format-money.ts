import type { Fen } from '~/types/units';

const yuanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Formats integer fen as yuan with two decimals and thousands separators, e.g. `¥1,234.50`. */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  // Integer arithmetic, so no amount is ever shown a fen off.
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuanFormat.format(Math.floor(abs / 100))}.${cents}`;
}
