import type { AmountKey } from './amount-entry';
import { entryFen, pressKey } from './amount-entry';

const type = (keys: AmountKey[], from = ''): string => keys.reduce(pressKey, from);

test('yuan with decimals become whole fen', () => {
  expect(entryFen(type(['1', '2', '.', '3']))).toBe(1230);
  expect(entryFen(type(['0', '.', '0', '5']))).toBe(5);
  expect(entryFen(type(['.', '5']))).toBe(50);
  expect(entryFen(type(['1', '9', '.', '9', '9']))).toBe(1999);
  expect(entryFen(type(['2', '00']))).toBe(20_000);
  expect(entryFen('')).toBe(0);
  expect(entryFen('0.')).toBe(0);
});

test('amounts that floating point gets wrong are exact', () => {
  // 0.29 * 100 is 28.999999999999996 and 1.13 * 100 is 112.99999999999999 in floating point.
  expect(entryFen(type(['0', '.', '2', '9']))).toBe(29);
  expect(entryFen(type(['1', '.', '1', '3']))).toBe(113);
  expect(entryFen(type(['9', '9', '9', '9', '9', '9', '.', '9', '9']))).toBe(99_999_999);
});

test('at most two decimals and one point', () => {
  expect(type(['1', '.', '2', '3', '4'])).toBe('1.23');
  expect(type(['1', '.', '2', '.', '3'])).toBe('1.23');
  expect(type(['1', '.', '00', '5'])).toBe('1.00');
  expect(type(['1', '.', '5', '00'])).toBe('1.50');
});

test('no leading zeros', () => {
  expect(type(['0', '0', '7'])).toBe('7');
  expect(type(['00'])).toBe('0');
  expect(type(['00', '5'])).toBe('5');
  expect(type(['0', '.', '5'])).toBe('0.5');
  expect(type(['.'])).toBe('0.');
});

test('at most six digits of whole yuan', () => {
  expect(type(['1', '2', '3', '4', '5', '6', '7'])).toBe('123456');
  expect(type(['1', '2', '3', '4', '5', '00'])).toBe('123450');
  expect(type(['1', '2', '3', '4', '5', '6', '.', '7'])).toBe('123456.7');
});

test('back removes the last key and clear everything', () => {
  expect(type(['1', '2', '.', '3', 'back'])).toBe('12.');
  expect(type(['1', '2', '.', 'back', 'back'])).toBe('1');
  expect(type(['back'])).toBe('');
  expect(type(['1', '2', 'clear'])).toBe('');
});
