import { compactYuanText, yuanText } from '../money/format';
import { audienceText, couponFace, validityText, windowText, zheText } from './coupon-text';

const ORIGINAL_TZ = process.env.TZ;
const shanghai = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h - 8, min, s, ms);

describe('coupon text', () => {
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });

  it('writes fen as yuan with two decimals', () => {
    expect(yuanText(1200)).toBe('12.00');
    expect(yuanText(1)).toBe('0.01');
    expect(yuanText(0)).toBe('0.00');
    expect(yuanText(123_456)).toBe('1234.56');
    expect(yuanText(-45)).toBe('-0.45');
  });

  it('prints coupon amounts without trailing zeros', () => {
    expect(compactYuanText(5900)).toBe('59');
    expect(compactYuanText(990)).toBe('9.9');
    expect(compactYuanText(995)).toBe('9.95');
    expect(compactYuanText(1)).toBe('0.01');
    expect(compactYuanText(10)).toBe('0.1');
  });

  it('writes percent off as 折', () => {
    expect(zheText(20)).toBe('8折');
    expect(zheText(15)).toBe('8.5折');
    expect(zheText(12)).toBe('8.8折');
    expect(zheText(5)).toBe('9.5折');
    expect(zheText(1)).toBe('9.9折');
    expect(zheText(99)).toBe('0.1折');
  });

  it('prints each kind of coupon face', () => {
    expect(couponFace({ kind: 'cash', thresholdFen: 5900, amountFen: 1000 })).toEqual({ headline: '¥10', condition: '满59元可用' });
    expect(couponFace({ kind: 'cash', thresholdFen: 0, amountFen: 500 })).toEqual({ headline: '¥5', condition: '无门槛' });
    expect(couponFace({ kind: 'percent', thresholdFen: 9900, percentOff: 15, capFen: 5000 })).toEqual({
      headline: '8.5折',
      condition: '满99元可用，最高减50元',
    });
    expect(couponFace({ kind: 'percent', thresholdFen: 0, percentOff: 20, capFen: null })).toEqual({
      headline: '8折',
      condition: '无门槛',
    });
    expect(couponFace({ kind: 'shipping', thresholdFen: 9900 })).toEqual({ headline: '免运费', condition: '满99元可用' });
  });

  it('words validity in Shanghai dates', () => {
    expect(validityText({ type: 'relative', days: 7 }, 'centre')).toBe('领取后7天内有效');
    expect(validityText({ type: 'relative', days: 30 }, 'system')).toBe('发放后30天内有效');
    expect(validityText({ type: 'fixed', from: shanghai(2025, 6, 1), to: shanghai(2025, 6, 18, 23, 59, 59, 999) }, 'centre')).toBe(
      '2025.06.01-2025.06.18',
    );
    expect(windowText(shanghai(2025, 6, 1), shanghai(2025, 6, 7, 23, 59, 59, 999))).toBe('2025.06.01 00:00 - 2025.06.07 23:59');
  });

  it('names the audience', () => {
    const name = (id: string) => (id === 'gold' ? '金卡会员' : id);
    expect(audienceText({ type: 'all' }, name)).toBeNull();
    expect(audienceText({ type: 'minTier', tierId: 'gold' }, name)).toBe('金卡会员及以上专享');
    expect(audienceText({ type: 'newMembers', withinDays: 7 }, name)).toBe('入会7天内新会员专享');
  });
});
