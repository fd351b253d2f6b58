import type { AdminStaffResponses, StoreDetailRow } from '~/types/functions/admin-staff';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addStore, docOf } from '../support/shop';
import { allStored } from '../support/stored';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 's'.repeat(40), ADMIN_INITIAL_PASSWORD: 'stores-owner-password' };

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('stores from the admin page, through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  let owner: string;
  let manager: string;

  const admin = async <T>(action: string, payload: Record<string, unknown> = {}, token = owner): Promise<Envelope<T>> =>
    (await new GatewayClient(cloud.url).call<Envelope<T>>('admin', { action, token, ...payload })).body;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);
  const auditOf = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);
  /** The stores a shopper may choose for pickup at checkout. */
  async function pickupStores(): Promise<string[]> {
    const shopper = new GatewayClient(cloud.url);
    await shopper.login();
    const answer = (await shopper.call<Envelope<{ items: { id: string }[] }>>('orders', { action: 'stores' })).body;
    return data(answer).items.map((store) => store.id);
  }

  const store = (fields: Record<string, unknown> = {}) => ({
    storeId: 'xuhui-riverside',
    name: '徐汇滨江店',
    address: '上海市徐汇区龙腾大道 2555 号',
    phone: '021-62881234',
    openHours: '10:00-22:00',
    location: { latitude: 31.1772, longitude: 121.4601 },
    ...fields,
  });

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    addStore(cloud, 'store-a');
    const page = new GatewayClient(cloud.url);
    await page.call('admin', { action: 'bootstrapAdmin' });
    const login = async (username: string, password: string) =>
      data((await page.call<Envelope<{ token: string }>>('admin', { action: 'login', username, password })).body).token;
    owner = await login('admin', ADMIN_ENV.ADMIN_INITIAL_PASSWORD);
    const created = data(
      await admin<{ oneTimePassword: string }>('createAdmin', { username: 'store-a-manager', role: 'storeManager', storeId: 'store-a' }),
    );
    const first = await login('store-a-manager', created.oneTimePassword);
    data(await admin('changePassword', { oldPassword: created.oneTimePassword, newPassword: 'store-a-manager-password' }, first));
    manager = await login('store-a-manager', 'store-a-manager-password');
  }, 60_000);
  afterAll(() => cloud?.stop());

  it('opens a store with its address, hours and GCJ-02 location; a retry changes nothing; an edit is audited before and after', async () => {
    const created = data(await admin<AdminStaffResponses['saveStore']>('saveStore', { mode: 'create', ...store() }));
    expect(created).toMatchObject({
      created: true,
      store: { storeId: 'xuhui-riverside', status: 'open', pickupEnabled: true, location: { latitude: 31.1772, longitude: 121.4601 } },
    });
    expect(data(await admin<AdminStaffResponses['saveStore']>('saveStore', { mode: 'create', ...store() })).created).toBe(false);
    expect(codeOf(await admin('saveStore', { mode: 'create', ...store({ name: '别的门店' }) }))).toBe('CONFLICT');
    expect(auditOf('saveStore')).toHaveLength(1);
    expect(await pickupStores()).toContain('xuhui-riverside');

    const edited = data(
      await admin<AdminStaffResponses['saveStore']>('saveStore', { mode: 'update', ...store({ openHours: '09:00-21:00' }) }),
    );
    expect(edited.store.openHours).toBe('09:00-21:00');
    expect(auditOf('saveStore')[1]).toMatchObject({ before: { openHours: '10:00-22:00' }, after: { openHours: '09:00-21:00' } });
    data(await admin('saveStore', { mode: 'update', ...store({ openHours: '09:00-21:00' }) }));
    expect(auditOf('saveStore')).toHaveLength(2);

    const listed = data(await admin<{ items: StoreDetailRow[] }>('listStores'));
    expect(listed.items.find((row) => row.storeId === 'xuhui-riverside')).toMatchObject({
      phone: '021-62881234',
      openHours: '09:00-21:00',
    });
  });

  it('refuses a location outside China, a bad phone and a short address, storing nothing', async () => {
    for (const bad of [
      store({ storeId: 'bad-1', location: { latitude: 121.46, longitude: 31.17 } }),
      store({ storeId: 'bad-2', phone: '12345' }),
      store({ storeId: 'bad-3', address: '上海' }),
    ]) {
      const answer = await admin('saveStore', { mode: 'create', ...bad });
      expect(answer.ok ? 'ok' : [answer.error.code, /[\u4e00-\u9fff]/.test(answer.error.message)]).toEqual(['VALIDATION_FAILED', true]);
    }
    expect(
      allStored(cloud, 'stores')
        .map((row) => row._id)
        .sort(),
    ).toEqual(['store-a', 'xuhui-riverside']);
  });

  it('takes a store off the pickup list when pickup is switched off or it is closed, and back when opened', async () => {
    data(await admin('saveStore', { mode: 'update', ...store({ openHours: '09:00-21:00', pickupEnabled: false }) }));
    expect(await pickupStores()).not.toContain('xuhui-riverside');
    data(await admin('saveStore', { mode: 'update', ...store({ openHours: '09:00-21:00', pickupEnabled: true }) }));
    expect(data(await admin<StoreDetailRow>('setStoreStatus', { storeId: 'xuhui-riverside', status: 'closed' })).status).toBe('closed');
    expect(await pickupStores()).not.toContain('xuhui-riverside');
    expect(codeOf(await admin('createStaffInvite', { storeId: 'xuhui-riverside', role: 'cashier' }))).toBe('INVALID_STATE');
    data(await admin('setStoreStatus', { storeId: 'xuhui-riverside', status: 'closed' }));
    expect(auditOf('setStoreStatus')).toHaveLength(1);
    data(await admin('setStoreStatus', { storeId: 'xuhui-riverside', status: 'open' }));
    expect(await pickupStores()).toContain('xuhui-riverside');
  });

  it('holds a store manager to their own store: edits it, cannot edit another or open one', async () => {
    const own = data(
      await admin<AdminStaffResponses['saveStore']>(
        'saveStore',
        { mode: 'update', storeId: 'store-a', name: '测试门店', address: '上海市静安区测试路1号', openHours: '08:00-20:00' },
        manager,
      ),
    );
    expect(own.store.openHours).toBe('08:00-20:00');
    expect(codeOf(await admin('saveStore', { mode: 'update', ...store() }, manager))).toBe('FORBIDDEN');
    expect(codeOf(await admin('saveStore', { mode: 'create', ...store({ storeId: 'store-a' }) }, manager))).toBe('FORBIDDEN');
    expect(codeOf(await admin('setStoreStatus', { storeId: 'store-a', status: 'closed' }, manager))).toBe('FORBIDDEN');
    expect(data(await admin<{ items: StoreDetailRow[] }>('listStores', {}, manager)).items.map((row) => row.storeId)).toEqual(['store-a']);
    expect(docOf(cloud, 'stores', 'xuhui-riverside').openHours).toBe('09:00-21:00');
  });
});
