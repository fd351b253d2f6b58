import type { Fen } from '~/types/units';

/** A key of the amount keypad. */
export type AmountKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '00' | '.' | 'back' | 'clear';

/** Whole yuan digits the keypad takes: ¥999,999.99 stays under the till's limit of ¥1,000,000. */
const MAX_YUAN_DIGITS = 6;
const MAX_DECIMALS = 2;

function pressDigit(entry: string, digit: string): string {
  const [whole = '', decimals] = entry.split('.');
  if (decimals !== undefined) return decimals.length < MAX_DECIMALS ? entry + digit : entry;
  // No leading zeros: 0 then 5 is 5, and 0 then 0 stays 0.
  if (whole === '0') return digit;
  return whole.length < MAX_YUAN_DIGITS ? entry + digit : entry;
}

/**
 * The amount as typed after one more key: at most six whole-yuan digits and two decimals, no
 * leading zeros, one decimal point (a leading point reads 0.). `''` is nothing typed yet.
 */
export function pressKey(entry: string, key: AmountKey): string {
  switch (key) {
    case 'clear':
      return '';
    case 'back':
      return entry.slice(0, -1);
    case '.':
      if (entry.includes('.')) return entry;
      return entry === '' ? '0.' : `${entry}.`;
    case '00':
      return pressDigit(pressDigit(entry, '0'), '0');
    default:
      return pressDigit(entry, key);
  }
}

/**
 * The typed amount in fen, by string and integer arithmetic only (no floating-point yuan):
 * `12.3` → 1230, `0.05` → 5, `''` and `0.` → 0.
 */
export function entryFen(entry: string): Fen {
  const [whole = '', decimals = ''] = entry.split('.');
  return Number(whole || '0') * 100 + Number(decimals.padEnd(MAX_DECIMALS, '0').slice(0, MAX_DECIMALS));
}
