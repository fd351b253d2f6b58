import { DAY_MS } from '~/core/calendar/durations';
import type { LifecycleInput } from './lifecycle';
import { LIFECYCLE_DEFAULTS, lifecycleStage, nextStage, STAGE_HISTORY_LIMIT } from './lifecycle';

const now = Date.UTC(2026, 11, 7);
const ago = (days: number) => now - days * DAY_MS;
const input = (patch: Partial<LifecycleInput>): LifecycleInput => ({
  joinedAt: ago(400),
  lastPurchaseAt: null,
  purchases: 0,
  previous: null,
  ...patch,
});

describe('lifecycle stage', () => {
  it('is new within 30 days of joining with at most one purchase', () => {
    expect(lifecycleStage(input({ joinedAt: ago(3) }), now)).toBe('new');
    expect(lifecycleStage(input({ joinedAt: ago(29), lastPurchaseAt: ago(1), purchases: 1 }), now)).toBe('new');
    expect(lifecycleStage(input({ joinedAt: ago(29), lastPurchaseAt: ago(1), purchases: 2 }), now)).toBe('active');
    expect(lifecycleStage(input({ joinedAt: ago(31), lastPurchaseAt: ago(31), purchases: 1 }), now)).toBe('active');
  });

  it('goes active, dormant then churned by days since the last purchase (or joining)', () => {
    expect(lifecycleStage(input({ lastPurchaseAt: ago(90), purchases: 1 }), now)).toBe('active');
    expect(lifecycleStage(input({ lastPurchaseAt: ago(91), purchases: 1 }), now)).toBe('dormant');
    expect(lifecycleStage(input({ lastPurchaseAt: ago(180), purchases: 1 }), now)).toBe('dormant');
    expect(lifecycleStage(input({ lastPurchaseAt: ago(181), purchases: 1 }), now)).toBe('churned');
    expect(lifecycleStage(input({ joinedAt: ago(100) }), now)).toBe('dormant');
    expect(lifecycleStage(input({ joinedAt: ago(200) }), now)).toBe('churned');
  });

  it('wins back a dormant or churned member who buys again, for 30 days, then active', () => {
    const churned = { stage: 'churned' as const, since: ago(40) };
    expect(lifecycleStage(input({ lastPurchaseAt: ago(2), purchases: 1, previous: churned }), now)).toBe('wonBack');
    expect(lifecycleStage(input({ lastPurchaseAt: ago(2), purchases: 1, previous: { stage: 'dormant', since: ago(5) } }), now)).toBe(
      'wonBack',
    );
    expect(lifecycleStage(input({ lastPurchaseAt: ago(2), purchases: 1, previous: { stage: 'wonBack', since: ago(29) } }), now)).toBe(
      'wonBack',
    );
    expect(lifecycleStage(input({ lastPurchaseAt: ago(2), purchases: 1, previous: { stage: 'wonBack', since: ago(30) } }), now)).toBe(
      'active',
    );
    expect(lifecycleStage(input({ lastPurchaseAt: ago(2), purchases: 1, previous: { stage: 'active', since: ago(30) } }), now)).toBe(
      'active',
    );
  });

  it('takes other thresholds', () => {
    const thresholds = { ...LIFECYCLE_DEFAULTS, activeDays: 30, dormantDays: 60 };
    expect(lifecycleStage(input({ lastPurchaseAt: ago(45), purchases: 3 }), now, thresholds)).toBe('dormant');
    expect(lifecycleStage(input({ lastPurchaseAt: ago(61), purchases: 3 }), now, thresholds)).toBe('churned');
  });

  it('records a change with its day in the history, and nothing when the stage stays', () => {
    const first = nextStage(null, 'new', ago(10));
    expect(first).toEqual({ stage: 'new', stageSince: ago(10), stageHistory: [{ stage: 'new', at: ago(10) }] });
    expect(nextStage(first, 'new', now)).toEqual(first);
    const second = nextStage(first, 'active', now);
    expect(second.stageHistory).toEqual([
      { stage: 'new', at: ago(10) },
      { stage: 'active', at: now },
    ]);
    let long = second;
    for (let i = 0; i < 30; i += 1) long = nextStage(long, i % 2 ? 'active' : 'dormant', now + i);
    expect(long.stageHistory).toHaveLength(STAGE_HISTORY_LIMIT);
  });
});
