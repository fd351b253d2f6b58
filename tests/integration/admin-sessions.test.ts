import { MINUTE_MS } from '~/core/calendar/durations';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startTestCloud } from '../support/local-cloud';
import { allStored } from '../support/stored';
import { addStore } from '../support/shop';

const OWNER_PASSWORD = 'owner-first-password';
const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 's'.repeat(40), ADMIN_INITIAL_PASSWORD: OWNER_PASSWORD };

type Envelope<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
type Session = { token: string; admin: { username: string; role: string; mustChangePassword: boolean } };

/** Wrong passwords from one address checked within `elapsedMs`: 5 at once, then one after each wait of 1 s, 2 s, 4 s, … that fits. */
function checksWithin(elapsedMs: number): number {
  let checks = 5;
  for (let wait = 1_000, spent = wait; spent <= elapsedMs; wait *= 2, spent += wait) checks += 1;
  return checks;
}

describe('admin accounts and sessions through the built bundles', () => {
  let cloud: LocalCloud;
  /** Calls the admin function from an address, as the HTTP access service would. */
  const call = async <T = unknown>(event: Record<string, unknown>, clientIp = '10.0.0.1') =>
    (await cloud.invoke('admin', event, { source: 'wx_http', clientIp })) as Envelope<T>;
  const codeOf = (envelope: Envelope) => (envelope.ok ? 'ok' : envelope.error.code);
  const login = async (username: string, password: string, clientIp = '10.0.0.1') =>
    call<Session>({ action: 'login', username, password }, clientIp);
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  let owner: string;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    addStore(cloud, 'store-a');
    await call({ action: 'bootstrapAdmin' });
    owner = data(await login('admin', OWNER_PASSWORD)).token;
  });
  afterAll(() => cloud?.stop());

  it('logout revokes the token at once', async () => {
    const { token } = data(await login('admin', OWNER_PASSWORD));
    expect(codeOf(await call({ action: 'listMembers', token }))).toBe('ok');
    expect(codeOf(await call({ action: 'logout', token }))).toBe('ok');
    expect(codeOf(await call({ action: 'listMembers', token }))).toBe('SESSION_EXPIRED');
    expect(codeOf(await call({ action: 'listMembers', token: owner }))).toBe('ok');
  });

  it('refuses tokens with extra segments, no expiry, or another signature', async () => {
    const [version, sid, exp, signature] = owner.split('.') as [string, string, string, string];
    for (const token of [
      `${owner}.extra`,
      `${version}.${sid}.${signature}`,
      `${version}.${sid}..${signature}`,
      `${version}.${sid}.${Number(exp) + 1}.${signature}`,
    ]) {
      expect({ token, code: codeOf(await call({ action: 'listMembers', token: token.padEnd(16, 'x') })) }).toEqual({
        token,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('a new account signs in with its one-time password, must change it, and then works within its role', async () => {
    const created = data(
      await call<{ oneTimePassword: string }>({ action: 'createAdmin', token: owner, username: 'lin.ops', role: 'operator' }),
    );
    expect(codeOf(await call({ action: 'createAdmin', token: owner, username: 'lin.ops', role: 'operator' }))).toBe('CONFLICT');
    const first = data(await login('lin.ops', created.oneTimePassword));
    expect(first.admin).toMatchObject({ username: 'lin.ops', role: 'operator', mustChangePassword: true });
    expect(codeOf(await call({ action: 'listMembers', token: first.token }))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      codeOf(await call({ action: 'changePassword', token: first.token, oldPassword: created.oneTimePassword, newPassword: 'short' })),
    ).toBe('VALIDATION_FAILED');
    const changed = data(
      await call<Session>({
        action: 'changePassword',
        token: first.token,
        oldPassword: created.oneTimePassword,
        newPassword: 'lin-new-password-1',
      }),
    );
    expect(changed.admin.mustChangePassword).toBe(false);
    expect(codeOf(await call({ action: 'listMembers', token: first.token }))).toBe('SESSION_EXPIRED');
    expect(codeOf(await call({ action: 'listMembers', token: changed.token }))).toBe('ok');
    expect(codeOf(await call({ action: 'listAdmins', token: changed.token }))).toBe('FORBIDDEN');
    expect(codeOf(await login('lin.ops', created.oneTimePassword))).toBe('INVALID_CREDENTIALS');
  });

  it('disabling an account or changing its role ends its sessions', async () => {
    const { oneTimePassword } = data(
      await call<{ oneTimePassword: string }>({ action: 'createAdmin', token: owner, username: 'zhou.support', role: 'support' }),
    );
    const first = data(await login('zhou.support', oneTimePassword));
    const session = data(
      await call<Session>({ action: 'changePassword', token: first.token, oldPassword: oneTimePassword, newPassword: 'zhou-password-22' }),
    );
    expect(codeOf(await call({ action: 'listRefunds', token: session.token }))).toBe('ok');
    data(await call({ action: 'setAdminRole', token: owner, username: 'zhou.support', role: 'storeManager', storeId: 'store-a' }));
    expect(codeOf(await call({ action: 'listRefunds', token: session.token }))).toBe('SESSION_EXPIRED');
    const manager = data(await login('zhou.support', 'zhou-password-22'));
    expect(manager.admin.role).toBe('storeManager');
    expect(codeOf(await call({ action: 'listRefunds', token: manager.token }))).toBe('FORBIDDEN');
    data(await call({ action: 'setAdminStatus', token: owner, username: 'zhou.support', status: 'disabled' }));
    // A retry (another request) finds the account disabled: it changes nothing, so it adds no second entry.
    data(await call({ action: 'setAdminStatus', token: owner, username: 'zhou.support', status: 'disabled' }));
    data(await call({ action: 'setAdminRole', token: owner, username: 'zhou.support', role: 'storeManager', storeId: 'store-a' }));
    expect(codeOf(await call({ action: 'listOrders', token: manager.token }))).toBe('SESSION_EXPIRED');
    expect(codeOf(await login('zhou.support', 'zhou-password-22'))).toBe('FORBIDDEN');
    expect(codeOf(await call({ action: 'setAdminStatus', token: owner, username: 'admin', status: 'disabled' }))).toBe('FORBIDDEN');

    const audit = allStored(cloud, 'audit_log').filter((entry) => entry.target.id === 'zhou.support');
    expect(audit.map((entry) => entry.action).sort()).toEqual(['changePassword', 'createAdmin', 'setAdminRole', 'setAdminStatus']);
    expect(audit.find((entry) => entry.action === 'setAdminRole')).toMatchObject({
      actor: { kind: 'admin', id: 'admin', role: 'owner' },
      before: { role: 'support' },
      after: { role: 'storeManager', storeId: 'store-a' },
      requestId: expect.any(String),
    });
    const page = data(
      await call<{ items: { action: string }[] }>({ action: 'listAuditLog', token: owner, targetId: 'zhou.support', pageSize: 10 }),
    );
    expect(page.items.map((entry) => entry.action)).toEqual(['setAdminStatus', 'setAdminRole', 'changePassword', 'createAdmin']);
  });

  it('30 parallel wrong passwords check 5, then one per wait that passes, and the owner still signs in', async () => {
    const start = Date.now();
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => login('admin', `wrong-guess-${i}`, '203.0.113.7')));
    const elapsedMs = Date.now() - start;
    const checked = guesses.filter((guess) => codeOf(guess) === 'INVALID_CREDENTIALS').length;
    const waits = guesses.flatMap((guess) =>
      guess.ok || guess.error.code !== 'TOO_MANY_ATTEMPTS' ? [] : [guess.error.details?.retryAfterMs],
    );
    expect(checked + waits.length).toBe(30);
    // The platform runs the 30 at once; the local pool of 4 takes seconds over them, and each wait
    // (1 s, 2 s, …) that passes meanwhile lets one more through, as it would let a guesser in a row.
    expect(checked).toBeLessThanOrEqual(checksWithin(elapsedMs));
    // Seconds, not a window: no lock that a guesser could keep renewing.
    for (const wait of waits) expect(wait).toBeGreaterThan(0);
    for (const wait of waits) expect(wait).toBeLessThan(MINUTE_MS);
    // With the clock back at the start of the guessing the wait has not passed, even for the right password.
    cloud.setClock(start);
    const refused = await login('admin', OWNER_PASSWORD, '203.0.113.7');
    cloud.setClock(null);
    expect(codeOf(refused)).toBe('TOO_MANY_ATTEMPTS');
    expect(codeOf(await login('admin', OWNER_PASSWORD, '198.51.100.20'))).toBe('ok');
    // And at the address the owner signed in from before, the account-wide counter is not even asked.
    expect(codeOf(await login('admin', OWNER_PASSWORD))).toBe('ok');
    // An unknown name answers as a wrong password does.
    expect(await login('nobody-here', 'whatever-password', '198.51.100.21')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' },
    });
    expect(await login('admin', 'wrong-again', '198.51.100.21')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' },
    });
  });

  it('audits programme changes with before and after', async () => {
    const template = data(
      await call<{ _id: string }>({
        action: 'createCouponTemplate',
        token: owner,
        title: '审计券',
        terms: { kind: 'cash', thresholdFen: 0, amountFen: 500 },
        validity: { type: 'relative', days: 7 },
        totalStock: 100,
        channel: 'centre',
      }),
    );
    data(await call({ action: 'setCouponTemplateStatus', token: owner, templateId: template._id, status: 'paused' }));
    const entries = allStored(cloud, 'audit_log').filter((entry) => entry.target.id === template._id);
    expect(entries.map((entry) => [entry.action, entry.before, entry.after]).sort()).toEqual([
      ['createCouponTemplate', null, expect.objectContaining({ title: '审计券', totalStock: 100 })],
      ['setCouponTemplateStatus', { status: 'active' }, { status: 'paused' }],
    ]);
  });
});
