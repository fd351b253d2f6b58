import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../../tests/support/gateway';

/** Who sends a case: a member, another member, nobody signed in, a timer, store staff, or an admin of a role. */
export type CallerKind = 'member' | 'otherMember' | 'anonymous' | 'timer' | 'staff' | 'owner' | 'analyst';

/** Whom each function is tried as. */
export function callersOf(fn: string): CallerKind[] {
  if (fn === 'admin' || fn === 'marketing') return ['owner', 'analyst', 'anonymous', 'member', 'timer'];
  if (fn === 'staff') return ['staff', 'member', 'anonymous', 'timer'];
  return ['member', 'otherMember', 'anonymous', 'timer'];
}

interface Answer {
  status: number;
  body: unknown;
}

type Envelope = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string } };
const dataOf = (answer: Answer) => {
  const body = answer.body as Envelope;
  if (!body.ok) throw new Error(`fuzz set-up failed: ${JSON.stringify(body.error)}`);
  return body.data;
};

/**
 * The people the fuzzer sends requests as. A case may end its own caller's standing (delete the
 * account, change the password, leave the staff): `recover` brings every caller back before the next.
 */
export class Callers {
  private readonly clients = new Map<'member' | 'otherMember' | 'staff' | 'anonymous', GatewayClient>();
  private readonly tokens = new Map<'owner' | 'analyst', string>();
  private readonly admins = new Map<string, string>();

  constructor(
    private readonly cloud: LocalCloud,
    private readonly adminPassword: string,
  ) {}

  private async joined(nickname: string): Promise<GatewayClient> {
    const client = new GatewayClient(this.cloud.url);
    await client.login();
    dataOf(await client.call('member', { action: 'join', nickname }));
    return client;
  }

  private async adminCall(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return dataOf({ status: 200, body: await this.cloud.invoke('admin', body) });
  }

  /** Signs everyone in afresh: two members, a cashier of the first store, the owner and an analyst. */
  async setUp(): Promise<void> {
    await this.cloud.invoke('admin', { action: 'bootstrapAdmin' });
    this.clients.set('anonymous', new GatewayClient(this.cloud.url));
    this.clients.set('member', await this.joined('模糊测试甲'));
    this.clients.set('otherMember', await this.joined('模糊测试乙'));
    const owner = String((await this.adminCall({ action: 'login', username: 'admin', password: this.adminPassword })).token);
    this.tokens.set('owner', owner);
    const created = await this.adminCall({ action: 'createAdmin', token: owner, username: 'fuzz-analyst', role: 'analyst' });
    const first = String((await this.adminCall({ action: 'login', username: 'fuzz-analyst', password: created.oneTimePassword })).token);
    await this.adminCall({
      action: 'changePassword',
      token: first,
      oldPassword: created.oneTimePassword,
      newPassword: 'fuzz-analyst-password',
    });
    this.tokens.set(
      'analyst',
      String((await this.adminCall({ action: 'login', username: 'fuzz-analyst', password: 'fuzz-analyst-password' })).token),
    );
    for (const id of ['admin', 'fuzz-analyst']) this.admins.set(id, this.cloud.store.get('admins', id)?.text ?? '');
    await this.staffUp();
  }

  private async staffUp(): Promise<void> {
    const store = this.cloud.store.page('stores', [], [], '_id', 1, 0)[0];
    if (!store) throw new Error('fuzz set-up: no store to bind a cashier to');
    const invite = await this.adminCall({
      action: 'createStaffInvite',
      token: this.tokens.get('owner'),
      storeId: store.id,
      role: 'cashier',
    });
    const client = await this.joined('模糊测试店员');
    dataOf(await client.call('staff', { action: 'redeemInvite', code: invite.code }));
    this.clients.set('staff', client);
  }

  /** Sends one request as a caller: through the gateway as a browser or the admin page would, or as a timer trigger. */
  async send(fn: string, caller: CallerKind, request: Record<string, unknown>): Promise<Answer> {
    if (caller === 'timer') return { status: 200, body: await this.cloud.invoke(fn, request, { source: 'wx_trigger' }) };
    if (caller === 'owner' || caller === 'analyst') {
      return new GatewayClient(this.cloud.url).call(fn, { ...request, token: this.tokens.get(caller) });
    }
    const client = this.clients.get(caller) as GatewayClient;
    return client.call(fn, fn === 'admin' || fn === 'marketing' ? { ...request, token: 'not-a-session-token-at-all' } : request);
  }

  /**
   * Puts back whatever a case took from the callers: an admin account changed by the fuzz (its
   * stored state is restored and it signs in again), a deleted member account, a staff binding.
   */
  async recover(): Promise<void> {
    for (const [id, text] of this.admins) {
      const row = this.cloud.store.get('admins', id);
      if (row?.text === text) continue;
      this.cloud.store.replace('admins', JSON.parse(text));
      const role = id === 'admin' ? 'owner' : 'analyst';
      const password = id === 'admin' ? this.adminPassword : 'fuzz-analyst-password';
      this.tokens.set(role, String((await this.adminCall({ action: 'login', username: id, password })).token));
    }
    for (const role of ['owner', 'analyst'] as const) {
      const check = (await this.cloud.invoke('admin', { action: 'listTiers', token: this.tokens.get(role) })) as Envelope;
      if (!check.ok) {
        const id = role === 'owner' ? 'admin' : 'fuzz-analyst';
        const password = role === 'owner' ? this.adminPassword : 'fuzz-analyst-password';
        this.tokens.set(role, String((await this.adminCall({ action: 'login', username: id, password })).token));
      }
    }
    for (const kind of ['member', 'otherMember', 'staff'] as const) {
      const profile = (await (this.clients.get(kind) as GatewayClient).call('member', { action: 'getProfile' })).body as Envelope;
      if (!profile.ok) this.clients.set(kind, await this.joined(`模糊测试${kind}`));
    }
    const me = (await (this.clients.get('staff') as GatewayClient).call('staff', { action: 'me' })).body as Envelope;
    if (!me.ok) await this.staffUp();
  }
}
