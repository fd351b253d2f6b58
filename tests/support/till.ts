import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { StaffRole } from '~/types/staff';
import { GatewayClient } from './gateway';

export type Envelope<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

/** The data of an envelope that must be ok. */
export const dataOf = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data;
};

/** A browser of the till and the storefront: a signed-in member, with the calls the till tests make. */
export interface TillClient {
  client: GatewayClient;
  openid: string;
  memberId: string;
  staff<T = unknown>(action: string, payload?: Record<string, unknown>): Promise<Envelope<T>>;
  /** The member's current member code, as the member code page shows it. */
  memberCode(): Promise<string>;
}

/** The people of a till test: the admin, new members, and members bound as staff through invites. */
export async function tillPeople(cloud: LocalCloud, adminPassword: string) {
  const page = new GatewayClient(cloud.url);
  await page.call('admin', { action: 'bootstrapAdmin' });
  const login = await page.call<Envelope<{ token: string }>>('admin', { action: 'login', username: 'admin', password: adminPassword });
  const token = dataOf(login.body).token;
  const admin = <T = unknown>(action: string, payload: Record<string, unknown> = {}) =>
    page.call<T>('admin', { action, token, ...payload });
  let joined = 0;
  const member = async (): Promise<TillClient> => {
    const client = new GatewayClient(cloud.url);
    const openid = await client.login();
    joined += 1;
    const join = await client.call<Envelope<{ memberId: string }>>('member', { action: 'join', nickname: `会员${joined}` });
    const { memberId } = dataOf(join.body);
    return {
      client,
      openid,
      memberId,
      staff: async (action, payload = {}) => (await client.call<Envelope<never>>('staff', { action, ...payload })).body,
      memberCode: async () => dataOf((await client.call<Envelope<{ code: string }>>('member', { action: 'memberCode' })).body).code,
    };
  };
  const invite = async (storeId: string, role: StaffRole) =>
    dataOf((await admin<Envelope<{ code: string }>>('createStaffInvite', { storeId, role })).body).code;
  const staff = async (storeId: string, role: StaffRole): Promise<TillClient> => {
    const person = await member();
    dataOf(await person.staff('redeemInvite', { code: await invite(storeId, role) }));
    return person;
  };
  return { admin, token, member, invite, staff };
}
