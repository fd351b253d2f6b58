import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'x'.repeat(40), ADMIN_INITIAL_PASSWORD: 'first-password' };

describe('member and admin functions through the gateway and the built bundles', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
  });

  afterAll(() => cloud?.stop());

  it('joins once per OPENID, even when the join is tapped twice at once', async () => {
    const browser = new GatewayClient(cloud.url);
    await browser.login();
    const [a, b] = await Promise.all([browser.call('member', { action: 'join' }), browser.call('member', { action: 'join' })]);
    expect(a.body).toMatchObject({ ok: true });
    expect(b.body).toMatchObject({ ok: true });
    const first = (a.body as { data: { memberId: string; created: boolean } }).data;
    const second = (b.body as { data: { memberId: string; created: boolean } }).data;
    expect(first.memberId).toBe(second.memberId);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    const again = await browser.call('member', { action: 'join' });
    expect(again.body).toMatchObject({ ok: true, data: { memberId: first.memberId, created: false } });
    const profile = await browser.call('member', { action: 'getProfile' });
    expect(profile.body).toMatchObject({
      ok: true,
      data: { memberId: first.memberId, tier: { id: 'normal', name: '普通会员' }, points: { available: 0, pending: 0 } },
    });
    expect((profile.body as { data: { memberNo: string } }).data.memberNo).toMatch(/^[1-9]\d{9}$/);
  });

  it('two browsers are two members; a guest is not a member', async () => {
    const one = new GatewayClient(cloud.url);
    const two = new GatewayClient(cloud.url);
    await one.login();
    await two.login();
    const a = await one.call<{ data: { memberId: string } }>('member', { action: 'join' });
    const b = await two.call<{ data: { memberId: string } }>('member', { action: 'join' });
    expect(a.body.data.memberId).not.toBe(b.body.data.memberId);
    const guest = new GatewayClient(cloud.url);
    await guest.login();
    expect((await guest.call('member', { action: 'getProfile' })).body).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
  });

  it('rejects bad input with a clear code and writes nothing', async () => {
    const browser = new GatewayClient(cloud.url);
    await browser.login();
    const before = cloud.store.count('members');
    const cases: [unknown, string][] = [
      [{}, 'UNKNOWN_ACTION'],
      [{ action: 'dropTables' }, 'UNKNOWN_ACTION'],
      [{ action: 42 }, 'UNKNOWN_ACTION'],
      [{ action: 'join', nickname: '' }, 'VALIDATION_FAILED'],
      [{ action: 'join', nickname: 'x'.repeat(33) }, 'VALIDATION_FAILED'],
      [{ action: 'join', avatarUrl: 'javascript:alert(1)' }, 'VALIDATION_FAILED'],
      [{ action: 'join', openid: 'someone-else' }, 'VALIDATION_FAILED'],
      [{ action: 'getProfile', memberId: 'm123' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      expect((await browser.call('member', body)).body).toMatchObject({ ok: false, error: { code } });
    }
    expect(cloud.store.count('members')).toBe(before);
    const anonymous = new GatewayClient(cloud.url);
    expect((await anonymous.call('member', { action: 'join' })).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(cloud.store.count('members')).toBe(before);
  });

  it('bootstraps the first admin once, then signs in and lists members page by page', async () => {
    const page = new GatewayClient(cloud.url);
    expect((await page.call('admin', { action: 'bootstrapAdmin' })).body).toMatchObject({ ok: true, data: { created: true } });
    expect((await page.call('admin', { action: 'bootstrapAdmin' })).body).toMatchObject({ ok: true, data: { created: false } });
    const stored = cloud.store.get('admins', 'admin');
    expect(stored?.text).not.toContain('first-password');
    expect(stored?.text).toMatch(/scrypt\$32768\$8\$1\$/);

    const wrong = await page.call('admin', { action: 'login', username: 'admin', password: 'nope' });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    const login = await page.call<{ data: { token: string } }>('admin', { action: 'login', username: 'admin', password: 'first-password' });
    const token = login.body.data.token;

    const first = await page.call<{ ok: boolean; data: { items: { memberId: string }[]; nextCursor: string } }>('admin', {
      action: 'listMembers',
      token,
      pageSize: 2,
    });
    expect(first.body.data.items).toHaveLength(2);
    const rest = await page.call<{ data: { items: { memberId: string }[]; nextCursor: string | null } }>('admin', {
      action: 'listMembers',
      token,
      pageSize: 50,
      cursor: first.body.data.nextCursor,
    });
    const all = [...first.body.data.items, ...rest.body.data.items].map((m) => m.memberId);
    expect(new Set(all).size).toBe(cloud.store.count('members'));
    expect(rest.body.data.nextCursor).toBeNull();

    const forged = `${token.split('.')[0]}.AAAA`;
    expect((await page.call('admin', { action: 'listMembers', token: forged.padEnd(20, 'A') })).body).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await page.call('admin', { action: 'listMembers' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('keeps timer jobs out of reach of browsers', async () => {
    const browser = new GatewayClient(cloud.url);
    expect((await browser.call('job-anything', {})).status).toBe(404);
  });
});
