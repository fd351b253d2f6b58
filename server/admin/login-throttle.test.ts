import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startUseCaseCloud } from '../../tests/support/use-cases';
import { putStored, storedOrNull } from '../../tests/support/stored';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '~/core/calendar/durations';
import type { RequestContext } from '../runtime/wx';
import { hashPassword } from './credentials';
import { LOGIN_DELAYS } from './login-throttle';
import { loginAdmin, recheckPassword } from './session';

const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);
const PASSWORD = 'owner-password-1';
const HOME = '10.1.1.1';

describe('sign-in delays through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;
  const saved = process.env.ADMIN_TOKEN_SECRET;

  beforeAll(async () => {
    process.env.ADMIN_TOKEN_SECRET = 's'.repeat(40);
    ({ cloud, ctx } = await startUseCaseCloud());
    const passwordHash = await hashPassword(PASSWORD);
    for (const _id of ['owner', 'spread', 'mistyper', 'parallel']) {
      putStored(cloud, 'admins', { _id, role: 'owner', storeId: null, status: 'active', passwordHash, createdAt: NOW });
    }
  });
  afterAll(async () => {
    await cloud?.stop();
    if (saved === undefined) delete process.env.ADMIN_TOKEN_SECRET;
    else process.env.ADMIN_TOKEN_SECRET = saved;
  });

  /** One sign-in from `clientIp` at `at`: ok, the error code, and the wait when refused. */
  const login = async (username: string, password: string, clientIp: string, at: number) => {
    try {
      await loginAdmin({ ...ctx(at), clientIp }, { username, password });
      return { code: 'ok' };
    } catch (error) {
      const { code, details } = error as { code: string; details?: { retryAfterMs?: number } };
      return code === 'TOO_MANY_ATTEMPTS' ? { code, retryAfterMs: details?.retryAfterMs } : { code };
    }
  };

  it('checks at most 5 of 30 parallel wrong passwords from one address, and the owner signs in from another meanwhile', async () => {
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => login('parallel', `guess-${i}`, '203.0.113.8', NOW)));
    expect(guesses.filter((g) => g.code === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(LOGIN_DELAYS.accountAtSource.free);
    expect(guesses.filter((g) => g.code === 'TOO_MANY_ATTEMPTS')).toEqual(
      Array.from({ length: 25 }, () => ({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 })),
    );
    expect(await login('parallel', PASSWORD, '198.51.100.3', NOW)).toEqual({ code: 'ok' });
  });

  it('makes wrong passwords from one address wait 1 s, then 2 s, …, and does not hold back another address', async () => {
    for (let i = 0; i < 5; i++) expect(await login('owner', `wrong-${i}`, '203.0.113.9', NOW)).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(await login('owner', PASSWORD, '203.0.113.9', NOW)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 });
    expect(await login('owner', PASSWORD, '198.51.100.1', NOW)).toEqual({ code: 'ok' });
    expect(await login('owner', 'wrong-5', '203.0.113.9', NOW + 1_000)).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(await login('owner', 'wrong-6', '203.0.113.9', NOW + 1_000)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 2_000 });
    expect(await login('owner', 'wrong-6', '203.0.113.9', NOW + 3_000)).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(await login('owner', 'wrong-7', '203.0.113.9', NOW + 3_000)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 4_000 });
    expect(await login('owner', PASSWORD, '198.51.100.2', NOW + 3_000)).toEqual({ code: 'ok' });
  });

  it('never makes a wrong password wait longer than 15 minutes, and forgets an address idle for an hour', async () => {
    const source = '203.0.113.10';
    putStored(cloud, 'throttles', { _id: `login:account-source:mistyper:${source}`, failures: 40, openAt: NOW, expiresAt: NOW + 60_000 });
    expect(await login('mistyper', 'wrong', source, NOW)).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(await login('mistyper', 'wrong', source, NOW)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 15 * MINUTE_MS });
    const idle = NOW + LOGIN_DELAYS.accountAtSource.forgetAfterMs;
    expect(await login('mistyper', PASSWORD, source, idle)).toEqual({ code: 'ok' });
    for (let i = 0; i < 5; i++) expect(await login('mistyper', 'wrong', source, idle)).toEqual({ code: 'INVALID_CREDENTIALS' });
    expect(await login('mistyper', 'wrong', source, idle)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 });
  });

  it('makes strangers wait while 100 addresses guess at an account, but the owner signs in at once from a known address', async () => {
    expect(await login('spread', PASSWORD, HOME, NOW)).toEqual({ code: 'ok' });
    expect(storedOrNull(cloud, 'throttles', `login:known:spread:${HOME}`)).toMatchObject({ expiresAt: NOW + 30 * DAY_MS });
    const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) => login('spread', `guess-${i}`, `192.0.2.${i}`, NOW)));
    const checked = guesses.filter((g) => g.code === 'INVALID_CREDENTIALS').length;
    expect(checked).toBeLessThanOrEqual(LOGIN_DELAYS.account.free);
    expect(guesses.filter((g) => g.code === 'TOO_MANY_ATTEMPTS').length).toBe(100 - checked);
    expect(await login('spread', PASSWORD, '198.51.100.50', NOW)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(await login('spread', PASSWORD, HOME, NOW)).toEqual({ code: 'ok' });
    expect(await recheckPassword({ ...ctx(NOW), clientIp: HOME }, 'spread', PASSWORD)).toMatchObject({ _id: 'spread' });
    // Thirty days after the latest sign-in there, the address waits as a stranger's does.
    const later = NOW + 31 * DAY_MS;
    cloud.store.replace('throttles', { _id: 'login:account:spread', failures: 20, openAt: later + 1_000, expiresAt: later + HOUR_MS });
    expect(await login('spread', PASSWORD, HOME, later)).toEqual({ code: 'TOO_MANY_ATTEMPTS', retryAfterMs: 1_000 });
  });

  it('answers an unknown user as a wrong password', async () => {
    expect(await login('nobody', 'whatever', '198.51.100.60', NOW)).toEqual({ code: 'INVALID_CREDENTIALS' });
  });
});
