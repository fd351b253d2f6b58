import { describe, expect, it } from '@jest/globals';
import { yuanText } from '~/core/money/format';
import { parseYuan } from './parse-yuan';

describe('parseYuan', () => {
  it('turns whole yuan and up to two decimals into integer fen', () => {
    expect(parseYuan('12')).toBe(1_200);
    expect(parseYuan('12.5')).toBe(1_250);
    expect(parseYuan('12.50')).toBe(1_250);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('007.10')).toBe(710);
  });

  it('is exact where floating point is not: 0.29, 1.13, 19.99, 4.35 yuan', () => {
    // 0.29 * 100 is 28.999999999999996 and 4.35 * 100 is 434.99999999999994 in floating point.
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1.13')).toBe(113);
    expect(parseYuan('19.99')).toBe(1_999);
    expect(parseYuan('4.35')).toBe(435);
  });

  it('reads what yuanText writes, for every fen amount up to ¥20', () => {
    for (let fen = 0; fen <= 2_000; fen += 1) expect(parseYuan(yuanText(fen))).toBe(fen);
  });

  it('accepts a ¥ sign, comma grouping, surrounding spaces and full-width characters', () => {
    expect(parseYuan(' ¥1,234.05 ')).toBe(123_405);
    expect(parseYuan('￥１２.３')).toBe(1_230);
    expect(parseYuan('1,000,000')).toBe(100_000_000);
  });

  it('refuses anything that is not a plain yuan amount', () => {
    for (const text of [
      '',
      ' ',
      '¥',
      '12.345',
      '-1',
      '+1',
      '1e3',
      '12.',
      '.5',
      '1,23',
      '12,34.5',
      'abc',
      '1 2',
      '0x10',
      'NaN',
      'Infinity',
    ]) {
      expect({ text, fen: parseYuan(text) }).toEqual({ text, fen: null });
    }
    expect(parseYuan('9'.repeat(20))).toBeNull();
  });
});
