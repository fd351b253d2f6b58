import { nextFire, parseWeChatCron, timerEvent, timersOf } from './timers';

describe('timer triggers', () => {
  it('reads the 7-field WeChat cron in Asia/Shanghai', () => {
    const spec = { fn: 'job-review-tiers', trigger: 'daily', cron: parseWeChatCron('0 0 2 * * * *') };
    // 10:00 UTC is 18:00 in Shanghai; the next 02:00 Shanghai is 18:00 UTC the same day.
    expect(new Date(nextFire(spec, Date.UTC(2026, 10, 22, 10))).toISOString()).toBe('2026-11-22T18:00:00.000Z');
    expect(timerEvent(spec, Date.UTC(2026, 10, 22, 18))).toEqual({
      Type: 'Timer',
      TriggerName: 'daily',
      Time: '2026-11-22T18:00:00Z',
      Message: '',
    });
  });

  it('refuses what the platform or this emulator would not run', () => {
    expect(() => parseWeChatCron('0 0 2 * * *')).toThrow(/7 fields/);
    expect(() => parseWeChatCron('0 0 2 * * * 2027')).toThrow(/year/);
    expect(() => parseWeChatCron('0 0 25 * * * *')).toThrow();
    const twoTimers = {
      name: 'job-x',
      config: { triggers: [1, 2].map((n) => ({ name: `t${n}`, type: 'timer', config: '0 0 2 * * * *' })) },
    };
    expect(() => timersOf([twoTimers])).toThrow(/one timer/);
  });
});
