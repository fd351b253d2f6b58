import { birthdayInYear } from './birthday';

describe('birthdayInYear', () => {
  it('keeps an ordinary birthday on its day', () => {
    expect(birthdayInYear('1990-11-22', 2026)).toBe('2026-11-22');
  });

  it('puts 29 February on 28 February in other years, and on 29 February in leap years', () => {
    expect(birthdayInYear('2000-02-29', 2027)).toBe('2027-02-28');
    expect(birthdayInYear('2000-02-29', 2028)).toBe('2028-02-29');
    expect(birthdayInYear('2000-02-29', 2100)).toBe('2100-02-28');
    expect(birthdayInYear('2000-02-29', 2400)).toBe('2400-02-29');
  });
});
