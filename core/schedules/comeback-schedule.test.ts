import { comebackDecision, firstComebackDueAt } from './comeback-schedule';
import { DAY_MS } from '../calendar/durations';

const SETTINGS = { comebackAfterDays: 90, comebackCooldownDays: 180 };
const JOINED = Date.UTC(2026, 0, 10, 2);

describe('comeback schedule', () => {
  it('is first due 90 days after joining', () => {
    expect(firstComebackDueAt(JOINED, SETTINGS)).toBe(JOINED + 90 * DAY_MS);
  });

  it('counts members who never paid from joining, others from their last paid order', () => {
    expect(comebackDecision({ joinedAt: JOINED }, JOINED + 90 * DAY_MS, SETTINGS)).toEqual({
      kind: 'issue',
      nextDueAt: JOINED + 270 * DAY_MS,
    });
    expect(comebackDecision({ joinedAt: JOINED }, JOINED + 90 * DAY_MS - 1, SETTINGS)).toEqual({
      kind: 'wait',
      nextDueAt: JOINED + 90 * DAY_MS,
    });
    const paid = JOINED + 60 * DAY_MS;
    expect(comebackDecision({ joinedAt: JOINED, lastPaidAt: paid }, JOINED + 100 * DAY_MS, SETTINGS)).toEqual({
      kind: 'wait',
      nextDueAt: paid + 90 * DAY_MS,
    });
  });

  it('gives at most one coupon per 180 days', () => {
    const issued = JOINED + 100 * DAY_MS;
    expect(comebackDecision({ joinedAt: JOINED, comebackIssuedAt: issued }, issued + 179 * DAY_MS, SETTINGS)).toEqual({
      kind: 'wait',
      nextDueAt: issued + 180 * DAY_MS,
    });
    expect(comebackDecision({ joinedAt: JOINED, comebackIssuedAt: issued }, issued + 180 * DAY_MS, SETTINGS)).toMatchObject({
      kind: 'issue',
    });
    expect(
      comebackDecision({ joinedAt: JOINED, comebackIssuedAt: issued, lastPaidAt: issued + 150 * DAY_MS }, issued + 180 * DAY_MS, SETTINGS),
    ).toEqual({
      kind: 'wait',
      nextDueAt: issued + 240 * DAY_MS,
    });
  });
});
