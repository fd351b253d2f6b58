import type { Fen } from '~/types/units';

/** Formats integer fen as yuan for display: ¥1,000, ¥12.50. */
export function formatYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}
