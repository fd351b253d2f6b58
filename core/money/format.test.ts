import { compactYuanText, formatFen, formatPoints, formatYuan, yuanParts, yuanText } from './format';

describe('money text', () => {
  it.each([
    [0, '0.00', '0', '¥0', '¥0.00'],
    [5, '0.05', '0.05', '¥0.05', '¥0.05'],
    [990, '9.90', '9.9', '¥9.90', '¥9.90'],
    [1200, '12.00', '12', '¥12', '¥12.00'],
    [123_450, '1234.50', '1234.5', '¥1,234.50', '¥1,234.50'],
    [100_000_000, '1000000.00', '1000000', '¥1,000,000', '¥1,000,000.00'],
    [-1250, '-12.50', '-12.5', '-¥12.50', '-¥12.50'],
  ])('%i fen', (fen, plain, compact, shopper, books) => {
    expect(yuanText(fen)).toBe(plain);
    expect(compactYuanText(fen)).toBe(compact);
    expect(formatYuan(fen)).toBe(shopper);
    expect(formatFen(fen)).toBe(books);
  });

  it('splits an amount into sign, yuan and fen', () => {
    expect(yuanParts(-1205)).toEqual({ sign: '-', yuan: 12, cents: 5 });
  });

  it('groups points', () => {
    expect(formatPoints(0)).toBe('0');
    expect(formatPoints(12_500)).toBe('12,500');
    expect(formatPoints(-1_234_567)).toBe('-1,234,567');
  });

  it('never shows a fen off, however large the amount', () => {
    for (let fen = 900_719_925_474_000; fen < 900_719_925_474_100; fen += 7) {
      expect(formatFen(fen).replace(/[¥,.]/g, '')).toBe(String(fen));
    }
  });
});
