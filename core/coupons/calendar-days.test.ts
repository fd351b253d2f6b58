import { DAY_MS } from '../calendar/durations';
import { dayOf, startOfDay } from '../calendar/shanghai';
import { addCalendarDays, endOfShanghaiDay, formatShanghai } from './calendar-days';

const ORIGINAL_TZ = process.env.TZ;

function restoreZone(): void {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
}

describe.each(['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
  'Shanghai calendar days with the process clock in %s',
  (zone) => {
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(restoreZone);

    it('puts the instants around Shanghai midnight on the right day', () => {
      // 2025-03-01 00:00 in Shanghai is 2025-02-28 16:00 UTC.
      expect(dayOf(Date.UTC(2025, 1, 28, 16, 0, 0, 0))).toBe('2025-03-01');
      expect(dayOf(Date.UTC(2025, 1, 28, 15, 59, 59, 999))).toBe('2025-02-28');
    });

    it('ends a Shanghai day at 23:59:59.999 Shanghai time', () => {
      expect(endOfShanghaiDay('2025-03-01')).toBe(Date.UTC(2025, 2, 1, 15, 59, 59, 999));
      expect(endOfShanghaiDay('2024-12-31')).toBe(Date.UTC(2024, 11, 31, 15, 59, 59, 999));
      expect(endOfShanghaiDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29, 15, 59, 59, 999));
    });

    it('keeps whole days across the process zone’s daylight-saving changes', () => {
      // US clocks go forward on 2024-03-10 and back on 2024-11-03.
      expect(endOfShanghaiDay('2024-03-10') - startOfDay('2024-03-10')).toBe(DAY_MS - 1);
      expect(endOfShanghaiDay('2024-11-03') - startOfDay('2024-11-03')).toBe(DAY_MS - 1);
    });

    it('formats in Shanghai wall-clock time', () => {
      expect(formatShanghai(Date.UTC(2025, 1, 28, 16, 0, 0, 0), 'YYYY.MM.DD HH:mm')).toBe('2025.03.01 00:00');
    });
  },
);

describe('calendar days', () => {
  it('adds days through month ends and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-01-01', 365)).toBe('2024-12-31');
  });

  it('refuses text that is not a calendar day', () => {
    expect(() => addCalendarDays('2024/02/28', 1)).toThrow(RangeError);
    expect(() => endOfShanghaiDay('yesterday')).toThrow(RangeError);
  });
});
