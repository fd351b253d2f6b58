import { expiryNoticeRange } from './expiry-notice-schedule';
import { DAY_MS } from '../calendar/durations';

const NOW = Date.UTC(2026, 10, 23, 16, 30);

describe('expiry notice schedule', () => {
  it('reminds of what expires within the notice days on the first sweep', () => {
    expect(expiryNoticeRange(NOW, null, 7)).toEqual({ after: NOW, upTo: NOW + 7 * DAY_MS });
  });

  it('covers what the last sweep did not reach, without overlap', () => {
    expect(expiryNoticeRange(NOW, NOW - DAY_MS, 7)).toEqual({ after: NOW + 6 * DAY_MS, upTo: NOW + 7 * DAY_MS });
  });

  it('never reminds of what has already expired after a long gap', () => {
    expect(expiryNoticeRange(NOW, NOW - 30 * DAY_MS, 7)).toEqual({ after: NOW, upTo: NOW + 7 * DAY_MS });
  });
});
