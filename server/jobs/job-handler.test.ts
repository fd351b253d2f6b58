import { timerNow } from './job-handler';

describe('the jobs clock port', () => {
  it('reads now from the time the timer fired', () => {
    expect(timerNow({ Type: 'Timer', TriggerName: 'nightly', Time: '2026-11-22T18:00:00Z' })).toBe(Date.UTC(2026, 10, 22, 18));
  });

  it('falls back to the instance clock when the event carries no time', () => {
    expect(timerNow({}, () => 42)).toBe(42);
    expect(timerNow(undefined, () => 42)).toBe(42);
    expect(timerNow({ Time: 'soon' }, () => 42)).toBe(42);
  });
});
