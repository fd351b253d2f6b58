import type { AddressBook } from '~/types/addresses';
import { ADDRESS_BOOK_MAX } from '~/types/addresses';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
type Saved = AddressBook & { addressId: string };

const HOME = { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '静安区', detail: '南京西路1号' };
const WORK = { name: '李四', phone: '13900139000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园2栋' };

describe('the address book on the member function, through the gateway and the built bundle', () => {
  let cloud: LocalCloud;
  let serial = 0;

  beforeAll(async () => {
    cloud = await startTestCloud({ maxInstances: 4 });
  });

  afterAll(() => cloud?.stop());

  const nextKey = () => `addr-${Date.now().toString(36)}-${(serial += 1).toString().padStart(4, '0')}`;

  async function member(): Promise<GatewayClient> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const joined = await client.call<Envelope<unknown>>('member', { action: 'join' });
    if (!joined.body.ok) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    return client;
  }

  async function call<T>(client: GatewayClient, body: Record<string, unknown>): Promise<Envelope<T>> {
    return (await client.call<Envelope<T>>('member', body)).body;
  }

  async function ok<T>(client: GatewayClient, body: Record<string, unknown>): Promise<T> {
    const reply = await call<T>(client, body);
    if (!reply.ok) throw new Error(`${String(body.action)} refused: ${JSON.stringify(reply.error)}`);
    return reply.data;
  }

  const add = (client: GatewayClient, fields: Record<string, string>, clientKey = nextKey()) =>
    ok<Saved>(client, { action: 'addAddress', clientKey, ...fields });

  it('makes the first address the default, joins its region, and lists the default first', async () => {
    const client = await member();
    expect((await ok<AddressBook>(client, { action: 'listAddresses' })).items).toEqual([]);
    const first = await add(client, HOME);
    expect(first.items).toEqual([
      expect.objectContaining({ id: first.addressId, isDefault: true, region: '上海市 静安区', phone: '13800138000', district: '静安区' }),
    ]);
    const second = await add(client, WORK);
    expect(second.items.map((item) => [item.id, item.isDefault, item.region])).toEqual([
      [first.addressId, true, '上海市 静安区'],
      [second.addressId, false, '广东省 深圳市 南山区'],
    ]);
    const switched = await ok<AddressBook>(client, { action: 'setDefaultAddress', addressId: second.addressId });
    expect(switched.items.map((item) => [item.id, item.isDefault])).toEqual([
      [second.addressId, true],
      [first.addressId, false],
    ]);
  });

  it('saves an add once however often it is retried', async () => {
    const client = await member();
    const key = nextKey();
    const [a, b] = await Promise.all([add(client, HOME, key), add(client, HOME, key)]);
    const again = await add(client, HOME, key);
    expect(again.items).toHaveLength(1);
    expect(new Set([a.addressId, b.addressId, again.addressId]).size).toBe(1);
  });

  it('edits an address in place and keeps it the default', async () => {
    const client = await member();
    const saved = await add(client, HOME);
    const edited = await ok<Saved>(client, { action: 'updateAddress', addressId: saved.addressId, ...HOME, detail: '  新闸路8号  ' });
    const repeated = await ok<Saved>(client, { action: 'updateAddress', addressId: saved.addressId, ...HOME, detail: '新闸路8号' });
    expect(repeated.items).toEqual(edited.items);
    expect(edited.items).toEqual([expect.objectContaining({ id: saved.addressId, detail: '新闸路8号', isDefault: true })]);
  });

  it('hands the default to another address when the default is deleted, and a repeated delete is a no-op', async () => {
    const client = await member();
    const home = await add(client, HOME);
    const work = await add(client, WORK);
    const after = await ok<AddressBook>(client, { action: 'removeAddress', addressId: home.addressId });
    expect(after.items).toEqual([expect.objectContaining({ id: work.addressId, isDefault: true })]);
    expect(await ok<AddressBook>(client, { action: 'removeAddress', addressId: home.addressId })).toEqual(after);
    const empty = await ok<AddressBook>(client, { action: 'removeAddress', addressId: work.addressId });
    expect(empty.items).toEqual([]);
  });

  it('refuses another member reading, changing, defaulting or deleting an address, and changes nothing', async () => {
    const owner = await member();
    const other = await member();
    const saved = await add(owner, HOME);
    await add(other, WORK);
    for (const body of [
      { action: 'updateAddress', addressId: saved.addressId, ...WORK },
      { action: 'setDefaultAddress', addressId: saved.addressId },
      { action: 'removeAddress', addressId: saved.addressId },
    ]) {
      const reply = await call<unknown>(other, body);
      expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '地址不存在或已删除' } });
    }
    expect((await ok<AddressBook>(other, { action: 'listAddresses' })).items.map((item) => item.name)).toEqual(['李四']);
    expect((await ok<AddressBook>(owner, { action: 'listAddresses' })).items).toEqual(saved.items);
  });

  it('refuses bad fields with the form’s Chinese messages and saves nothing', async () => {
    const client = await member();
    const cases: [Record<string, string>, string][] = [
      [{ ...HOME, name: '' }, '请填写收货人姓名'],
      [{ ...HOME, name: '名'.repeat(21) }, '请填写收货人姓名'],
      [{ ...HOME, phone: '12345678901' }, '请填写11位手机号'],
      [{ ...HOME, district: ' ' }, '请选择所在地区'],
      [{ ...HOME, detail: '路'.repeat(121) }, '请填写详细地址'],
    ];
    for (const [fields, message] of cases) {
      const reply = await call<unknown>(client, { action: 'addAddress', clientKey: nextKey(), ...fields });
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(message) } });
    }
    expect((await ok<AddressBook>(client, { action: 'listAddresses' })).items).toEqual([]);
  });

  it(`keeps at most ${ADDRESS_BOOK_MAX} addresses, with a clear refusal past that`, async () => {
    const client = await member();
    for (let i = 0; i < ADDRESS_BOOK_MAX; i += 1) await add(client, { ...HOME, detail: `南京西路${i + 1}号` });
    const refused = await call<unknown>(client, { action: 'addAddress', clientKey: nextKey(), ...WORK });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', message: `最多保存${ADDRESS_BOOK_MAX}个收货地址，请先删除不用的地址` },
    });
    expect((await ok<AddressBook>(client, { action: 'listAddresses' })).items).toHaveLength(ADDRESS_BOOK_MAX);
  });

  it('refuses a guest, and deleting the account deletes its addresses', async () => {
    const guest = new GatewayClient(cloud.url);
    await guest.login();
    expect(await call<unknown>(guest, { action: 'listAddresses' })).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
    const client = await member();
    await add(client, HOME);
    await ok(client, { action: 'deleteAccount', confirm: '注销账号' });
    await ok(client, { action: 'join' });
    expect((await ok<AddressBook>(client, { action: 'listAddresses' })).items).toEqual([]);
  });
});
