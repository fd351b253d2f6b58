import { expiryNoticeRange } from './expiry-notice-schedule';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 16, 30);

describe('expiry notice schedule', () => {
  it('reminds of what expires within the notice days on the first sweep', () => {
    expect(expiryNoticeRange(NOW, null, 7)).toEqual({ after: NOW, upTo: NOW + 7 * DAY });
  });

  it('covers what the last sweep did not reach, without overlap', () => {
    expect(expiryNoticeRange(NOW, NOW - DAY, 7)).toEqual({ after: NOW + 6 * DAY, upTo: NOW + 7 * DAY });
  });

  it('never reminds of what has already expired after a long gap', () => {
    expect(expiryNoticeRange(NOW, NOW - 30 * DAY, 7)).toEqual({ after: NOW, upTo: NOW + 7 * DAY });
  });
});
