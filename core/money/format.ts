import type { Fen, Points } from '~/types/units';

/**
 * Every way the product turns fen and points into text. Integer arithmetic only, so no amount
 * is ever shown a fen off; thousands are grouped with commas, as Chinese shops print them.
 */

const group = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The parts of a yuan amount for typesetting: 1250 → `{ sign: '', yuan: 12, cents: 50 }`. */
export function yuanParts(fen: Fen): { sign: '' | '-'; yuan: number; cents: number } {
  const abs = Math.abs(fen);
  return { sign: fen < 0 ? '-' : '', yuan: Math.floor(abs / 100), cents: abs % 100 };
}

const centsText = (cents: number) => String(cents).padStart(2, '0');

/** Fen as yuan with two decimals and no symbol or grouping, e.g. 1200 → `12.00`. */
export function yuanText(fen: Fen): string {
  const { sign, yuan, cents } = yuanParts(fen);
  return `${sign}${yuan}.${centsText(cents)}`;
}

/** Fen as yuan without trailing zeros, as printed on a coupon: 5900 → `59`, 990 → `9.9`. */
export function compactYuanText(fen: Fen): string {
  return yuanText(fen)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
}

/** A price as shoppers read it: `¥1,000`, `¥12.50` (fen shown only when there are any). */
export function formatYuan(fen: Fen): string {
  const { sign, yuan, cents } = yuanParts(fen);
  return `${sign}¥${group(yuan)}${cents ? `.${centsText(cents)}` : ''}`;
}

/** An amount as books and messages print it, always with fen: `¥1,234.50`, `¥12.00`. */
export function formatFen(fen: Fen): string {
  const { sign, yuan, cents } = yuanParts(fen);
  return `${sign}¥${group(yuan)}.${centsText(cents)}`;
}

/** A points amount with thousands grouped, e.g. `12,500`. */
export function formatPoints(points: Points): string {
  return `${points < 0 ? '-' : ''}${group(Math.abs(points))}`;
}
