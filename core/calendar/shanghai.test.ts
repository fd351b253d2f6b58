import { dayOf, endOfMonthAfter, monthOf, previousDay, startOfDay } from './shanghai';

describe('Shanghai calendar', () => {
  it('puts 16:00 UTC on the next Shanghai day', () => {
    expect(dayOf(Date.UTC(2026, 10, 21, 15, 59, 59))).toBe('2026-11-21');
    expect(dayOf(Date.UTC(2026, 10, 21, 16, 0, 0))).toBe('2026-11-22');
    expect(monthOf(Date.UTC(2026, 10, 30, 16, 0, 0))).toBe('2026-12');
  });

  it('steps back across month, year and leap day', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2028-03-01')).toBe('2028-02-29');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(new Date(startOfDay('2026-11-22')).toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });

  it('ends the 12th month after the month earned at Shanghai midnight', () => {
    // Earned 5 Nov 2026 (Shanghai) → expires at the end of Nov 2027, Shanghai time.
    expect(new Date(endOfMonthAfter(Date.UTC(2026, 10, 5), 12)).toISOString()).toBe('2027-11-30T15:59:59.999Z');
    // Earned on 31 Jan 2027 at 23:30 Shanghai (15:30 UTC) is January in Shanghai.
    expect(new Date(endOfMonthAfter(Date.UTC(2027, 0, 31, 15, 30), 12)).toISOString()).toBe('2028-01-31T15:59:59.999Z');
  });
});
