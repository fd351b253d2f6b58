import { dayOf } from '../calendar/shanghai';
import { endOfRelativeDays, instanceWindow, validityStillOpen, windowAroundDay } from './validity';

const ORIGINAL_TZ = process.env.TZ;

/** An instant given as Shanghai wall-clock time (UTC+8, no daylight saving since 1991). */
const shanghai = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h - 8, min, s, ms);

describe('coupon validity windows, with the process clock in UTC', () => {
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (ORIGINAL_TZ === undefined) delete process.env.TZ;
    else process.env.TZ = ORIGINAL_TZ;
  });

  it('runs in UTC, so a UTC-date implementation would show', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  it('counts the day of issue as day 1 and ends at 23:59:59.999 Shanghai time of the last day', () => {
    const issuedAt = shanghai(2025, 3, 1, 10, 30);
    expect(instanceWindow({ type: 'relative', days: 7 }, issuedAt)).toEqual({
      validFrom: issuedAt,
      validTo: shanghai(2025, 3, 7, 23, 59, 59, 999),
    });
    expect(endOfRelativeDays(issuedAt, 1)).toBe(shanghai(2025, 3, 1, 23, 59, 59, 999));
  });

  it('issued at Shanghai midnight (16:00 UTC the day before), the window belongs to the Shanghai day', () => {
    const midnight = shanghai(2025, 3, 1);
    expect(new Date(midnight).toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(endOfRelativeDays(midnight, 1)).toBe(shanghai(2025, 3, 1, 23, 59, 59, 999));
    expect(new Date(endOfRelativeDays(midnight, 1)).toISOString()).toBe('2025-03-01T15:59:59.999Z');
  });

  it('issued in the last millisecond of a Shanghai day, a 1-day coupon lasts that millisecond', () => {
    const last = shanghai(2025, 2, 28, 23, 59, 59, 999);
    expect(instanceWindow({ type: 'relative', days: 1 }, last)).toEqual({ validFrom: last, validTo: last });
    expect(endOfRelativeDays(last + 1, 1)).toBe(shanghai(2025, 3, 1, 23, 59, 59, 999));
  });

  it('counts 29 February in leap years only', () => {
    expect(endOfRelativeDays(shanghai(2024, 2, 28, 9), 2)).toBe(shanghai(2024, 2, 29, 23, 59, 59, 999));
    expect(endOfRelativeDays(shanghai(2023, 2, 28, 9), 2)).toBe(shanghai(2023, 3, 1, 23, 59, 59, 999));
    expect(endOfRelativeDays(shanghai(2024, 1, 1), 366)).toBe(shanghai(2024, 12, 31, 23, 59, 59, 999));
    expect(endOfRelativeDays(shanghai(2023, 3, 1), 366)).toBe(shanghai(2024, 2, 29, 23, 59, 59, 999));
    expect(dayOf(endOfRelativeDays(shanghai(2024, 2, 29, 12), 365))).toBe('2025-02-27');
  });

  it('refuses a relative window of less than one whole day', () => {
    expect(() => endOfRelativeDays(shanghai(2025, 1, 1), 0)).toThrow(RangeError);
    expect(() => endOfRelativeDays(shanghai(2025, 1, 1), 1.5)).toThrow(RangeError);
  });

  it('passes a fixed window through, and it stays open up to and including its last millisecond', () => {
    const validity = { type: 'fixed' as const, from: shanghai(2025, 6, 1), to: shanghai(2025, 6, 18, 23, 59, 59, 999) };
    expect(instanceWindow(validity, shanghai(2025, 5, 20))).toEqual({ validFrom: validity.from, validTo: validity.to });
    expect(validityStillOpen(validity, validity.to)).toBe(true);
    expect(validityStillOpen(validity, validity.to + 1)).toBe(false);
    expect(validityStillOpen({ type: 'relative', days: 1 }, Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('builds the birthday window from 7 days before to 23 days after, across a leap day', () => {
    expect(windowAroundDay('2024-02-29', 7, 23)).toEqual({
      validFrom: shanghai(2024, 2, 22),
      validTo: shanghai(2024, 3, 23, 23, 59, 59, 999),
    });
    expect(windowAroundDay('2025-01-03', 7, 23)).toEqual({
      validFrom: shanghai(2024, 12, 27),
      validTo: shanghai(2025, 1, 26, 23, 59, 59, 999),
    });
  });
});
