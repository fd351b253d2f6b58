import { birthdayMonthDay, birthdayRanges } from './birthday-schedule';

const WINDOW = { daysBefore: 7, daysAfter: 23 };

describe('birthday schedule', () => {
  it('reads a birthday as its month and day', () => {
    expect(birthdayMonthDay('1990-12-31')).toBe(1231);
    expect(birthdayMonthDay('2000-02-29')).toBe(229);
    expect(birthdayMonthDay('1985-01-05')).toBe(105);
  });

  it('covers today to 7 days ahead, one range per calendar year across the year end', () => {
    expect(birthdayRanges('2026-06-10', '2026-06-09', WINDOW)).toEqual([{ year: 2026, fromMonthDay: 610, toMonthDay: 617 }]);
    expect(birthdayRanges('2026-12-28', '2026-12-27', WINDOW)).toEqual([
      { year: 2026, fromMonthDay: 1228, toMonthDay: 1231 },
      { year: 2027, fromMonthDay: 101, toMonthDay: 104 },
    ]);
  });

  it('puts 29 February birthdays on 28 February in other years, and on their own day in leap years', () => {
    expect(birthdayRanges('2027-02-21', '2027-02-20', WINDOW)).toEqual([{ year: 2027, fromMonthDay: 221, toMonthDay: 229 }]);
    expect(birthdayRanges('2027-02-22', '2027-02-21', WINDOW)).toEqual([{ year: 2027, fromMonthDay: 222, toMonthDay: 301 }]);
    expect(birthdayRanges('2027-03-01', '2027-02-28', WINDOW)).toEqual([{ year: 2027, fromMonthDay: 301, toMonthDay: 308 }]);
    expect(birthdayRanges('2028-02-21', '2028-02-20', WINDOW)).toEqual([{ year: 2028, fromMonthDay: 221, toMonthDay: 228 }]);
    expect(birthdayRanges('2028-02-22', '2028-02-21', WINDOW)).toEqual([{ year: 2028, fromMonthDay: 222, toMonthDay: 229 }]);
  });

  it('reaches back to birthdays missed sweeps left out, but not past the end of their coupon', () => {
    expect(birthdayRanges('2026-06-10', '2026-06-06', WINDOW)).toEqual([{ year: 2026, fromMonthDay: 610, toMonthDay: 617 }]);
    expect(birthdayRanges('2026-06-10', '2026-05-20', WINDOW)).toEqual([{ year: 2026, fromMonthDay: 528, toMonthDay: 617 }]);
    expect(birthdayRanges('2026-06-10', '2026-01-01', WINDOW)).toEqual([{ year: 2026, fromMonthDay: 518, toMonthDay: 617 }]);
    expect(birthdayRanges('2027-01-03', '2026-12-20', WINDOW)).toEqual([
      { year: 2026, fromMonthDay: 1228, toMonthDay: 1231 },
      { year: 2027, fromMonthDay: 101, toMonthDay: 110 },
    ]);
  });

  it('covers only today onwards on the first sweep', () => {
    expect(birthdayRanges('2026-06-10', null, WINDOW)).toEqual([{ year: 2026, fromMonthDay: 610, toMonthDay: 617 }]);
  });
});
