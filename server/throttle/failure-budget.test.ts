import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startUseCaseCloud } from '../../tests/support/use-cases';
import { stored, storedOrNull } from '../../tests/support/stored';
import type { DelayPolicy } from '~/core/throttle/failure-delay';
import type { ThrottleDoc } from '~/types/throttles';
import type { RequestContext } from '../runtime/wx';
import type { FailureCounter } from './failure-budget';
import { withFailureBudget } from './failure-budget';

const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);
const POLICY: DelayPolicy = { free: 5, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 60_000 };

describe('withFailureBudget through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const counter = (scope: string, policy = POLICY): FailureCounter => ({ scope, policy });
  const counterDoc = (scope: string): ThrottleDoc => {
    const doc = stored(cloud, 'throttles', scope);
    if (!('failures' in doc)) throw new Error(`${scope} is not a failure counter`);
    return doc;
  };
  /** One attempt whose check fails (or succeeds): the error code it ends with, the wait when refused. */
  const attempt = async (counters: FailureCounter[], at: number, succeeds = false) => {
    try {
      await withFailureBudget(ctx(at), counters, async () => {
        if (!succeeds) throw Object.assign(new Error('wrong'), { code: 'WRONG' });
      });
      return { code: 'ok' };
    } catch (error) {
      const { code, details } = error as { code: string; details?: { retryAfterMs?: number } };
      return code === 'TOO_MANY_ATTEMPTS' ? { code, retryAfterMs: details?.retryAfterMs } : { code };
    }
  };

  it('lets 30 parallel failing attempts check at most the 5 free ones', async () => {
    let checks = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () =>
        withFailureBudget(ctx(NOW), [counter('t:parallel')], async () => {
          checks += 1;
          throw new Error('wrong');
        }),
      ),
    );
    expect(checks).toBeLessThanOrEqual(5);
    const refused = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'TOO_MANY_ATTEMPTS');
    expect(refused.length).toBeGreaterThanOrEqual(25);
    expect(counterDoc('t:parallel')).toMatchObject({ failures: checks });
  });

  it('makes each attempt past the free ones wait twice as long as the last, at most the cap', async () => {
    const c = [counter('t:grow')];
    for (let i = 0; i < 5; i++) expect(await attempt(c, NOW)).toEqual({ code: 'WRONG' });
    expect(await attempt(c, NOW)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 });
    expect(await attempt(c, NOW + 999)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1 });
    let at = NOW + 1_000;
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      expect(await attempt(c, at)).toEqual({ code: 'WRONG' });
      const refused = await attempt(c, at);
      expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
      waits.push(refused.retryAfterMs ?? 0);
      at += refused.retryAfterMs ?? 0;
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 8_000, 8_000, 8_000]);
  });

  it('forgets a counter left idle for its forget time, and counts from 0 again', async () => {
    const c = [counter('t:forget')];
    for (let i = 0; i < 5; i++) await attempt(c, NOW);
    expect(await attempt(c, NOW + 59_999)).toMatchObject({ code: 'WRONG' });
    expect(await attempt(c, NOW + 59_999)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const later = NOW + 59_999 + 60_000;
    for (let i = 0; i < 5; i++) expect(await attempt(c, later)).toEqual({ code: 'WRONG' });
    expect(counterDoc('t:forget')).toMatchObject({ failures: 5, openAt: later + 1_000, expiresAt: later + 60_000 });
  });

  it('gives a success its slot back, so it neither counts nor pushes the wait', async () => {
    const c = [counter('t:success')];
    for (let i = 0; i < 4; i++) await attempt(c, NOW);
    const before = counterDoc('t:success');
    expect(await attempt(c, NOW + 10, true)).toEqual({ code: 'ok' });
    expect(counterDoc('t:success')).toMatchObject({ failures: before.failures, openAt: before.openAt });
    expect(await attempt(c, NOW + 20)).toEqual({ code: 'WRONG' });
    expect(await attempt(c, NOW + 20)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 });
  });

  it('gives back the slots already taken when a later counter refuses, and does not touch the ones after it', async () => {
    const busy = [counter('t:busy')];
    for (let i = 0; i < 5; i++) await attempt(busy, NOW);
    const c = [counter('t:first'), counter('t:busy'), counter('t:after')];
    expect(await attempt(c, NOW)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 });
    expect(counterDoc('t:first')).toMatchObject({ failures: 0 });
    expect(storedOrNull(cloud, 'throttles', 't:after')).toBeNull();
  });
});
