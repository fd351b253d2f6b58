import type { AdminResponses } from '~/types/functions/admin';
import type { CatalogResponses } from '~/types/functions/catalog';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { allStored } from '../support/stored';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'b'.repeat(40), ADMIN_INITIAL_PASSWORD: 'banners-owner-password' };
const HOUR = 3_600_000;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('admin categories and home banners, through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  const page = (): GatewayClient => new GatewayClient(cloud.url);
  let owner: string;

  const admin = async <T>(body: Record<string, unknown>, token = owner): Promise<Envelope<T>> =>
    (await page().call<Envelope<T>>('admin', { token, ...body })).body;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const home = async () => data((await page().call<Envelope<CatalogResponses['home']>>('catalog', { action: 'home' })).body);
  const entries = (action: string) => allStored(cloud, 'audit_log').filter((entry) => entry.action === action);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    cloud.store.atomically(() => seedDemoCatalog(cloud, Date.now()));
    await page().call('admin', { action: 'bootstrapAdmin' });
    const login = await page().call<Envelope<{ token: string }>>('admin', {
      action: 'login',
      username: 'admin',
      password: ADMIN_ENV.ADMIN_INITIAL_PASSWORD,
    });
    owner = data(login.body).token;
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('lists every category with temporary URLs of their icons; a hidden one leaves the storefront but keeps its products', async () => {
    const listed = data(await admin<AdminResponses['listCategories']>({ action: 'listCategories' }));
    expect(listed.items.map((c) => c._id)).toEqual(['coffee-tea', 'snacks', 'beauty', 'home', 'digital', 'apparel']);
    const icon = listed.items[0]?.iconUrl as string;
    expect(icon).toMatch(/^cloud:\/\//);
    expect((await fetch(listed.displayUrls?.[icon] as string)).status).toBe(200);

    const snacks = listed.items[1];
    const saved = data(
      await admin<AdminResponses['saveCategory']>({
        action: 'saveCategory',
        mode: 'update',
        categoryId: 'snacks',
        name: '零食',
        iconUrl: snacks?.iconUrl,
        sort: 5,
        hidden: true,
      }),
    );
    expect(saved).toEqual({ category: { _id: 'snacks', name: '零食', iconUrl: snacks?.iconUrl, sort: 5, hidden: true }, created: false });
    expect((await home()).categories.map((c) => c._id)).not.toContain('snacks');
    expect(data(await admin<AdminResponses['listCategories']>({ action: 'listCategories' })).items[0]).toMatchObject({
      _id: 'snacks',
      hidden: true,
    });
    expect(entries('saveCategory')).toEqual([
      expect.objectContaining({
        target: { type: 'category', id: 'snacks' },
        before: expect.objectContaining({ name: '零食糕点', sort: 20 }),
        after: expect.objectContaining({ created: false, name: '零食', hidden: true }),
      }),
    ]);
    // Saving what is stored changes nothing and writes no entry.
    data(
      await admin({
        action: 'saveCategory',
        mode: 'update',
        categoryId: 'snacks',
        name: '零食',
        iconUrl: snacks?.iconUrl,
        sort: 5,
        hidden: true,
      }),
    );
    expect(entries('saveCategory')).toHaveLength(1);
  });

  it('creates a category once (a retry finds it), refuses a taken id, an unknown one and bad input, changing nothing', async () => {
    const input = {
      action: 'saveCategory',
      mode: 'create',
      categoryId: 'tea-gifts',
      name: '茶礼',
      iconUrl: 'https://img.example.com/tea.png',
      sort: 70,
    };
    expect(data(await admin<AdminResponses['saveCategory']>(input))).toMatchObject({
      created: true,
      category: { _id: 'tea-gifts', hidden: false },
    });
    expect(data(await admin<AdminResponses['saveCategory']>(input))).toMatchObject({ created: false });
    expect(entries('saveCategory').filter((e) => e.target.id === 'tea-gifts')).toHaveLength(1);
    const before = JSON.stringify(allStored(cloud, 'categories'));
    expect(await admin({ ...input, name: '别的' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await admin({ ...input, mode: 'update', categoryId: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const bad of [{ name: '' }, { categoryId: 'Bad Id' }, { iconUrl: 'ftp://x/y.png' }, { sort: -1 }]) {
      expect(await admin({ ...input, ...bad })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(JSON.stringify(allStored(cloud, 'categories'))).toBe(before);
    expect((await home()).categories.map((c) => c._id)).toContain('tea-gifts');
  });

  it('banners: the home page shows active ones inside their time window, in order; edits are audited', async () => {
    const listed = data(await admin<AdminResponses['listBanners']>({ action: 'listBanners' }));
    expect(listed.items.map((b) => b._id)).toEqual(['coffee-festival', 'gold-perks', 'new-tee']);
    const picture = listed.items[0]?.imageUrl as string;
    expect((await fetch(listed.displayUrls[picture] as string)).status).toBe(200);

    const now = Date.now();
    const banner = (id: string, fields: Record<string, unknown>) => ({
      action: 'saveBanner',
      mode: 'create',
      bannerId: id,
      title: `横幅${id}`,
      imageUrl: picture,
      sort: 1,
      active: true,
      ...fields,
    });
    data(await admin(banner('later', { startsAt: now + HOUR })));
    data(await admin(banner('over', { endsAt: now - HOUR })));
    data(await admin(banner('now', { startsAt: now - HOUR, endsAt: now + HOUR, productId: 'coffee-beans', sort: 0 })));
    data(await admin(banner('off', { active: false, sort: 0 })));
    const shown = (await home()).banners;
    expect(shown.map((b) => b.id)).toEqual(['now', 'coffee-festival', 'gold-perks', 'new-tee']);
    expect(shown[0]).toMatchObject({
      title: '横幅now',
      productId: 'coffee-beans',
      imageUrl: expect.stringMatching(/\/storage\/file\/.+\?sign=/),
    });

    // Reordering is an edit of the sort; turning a banner off takes it off the home page.
    data(
      await admin({
        ...banner('new-tee', { sort: 0 }),
        mode: 'update',
        title: '新品 重磅纯棉T恤',
        imageUrl: listed.items[2]?.imageUrl,
        productId: 'cotton-tee',
      }),
    );
    data(
      await admin({
        ...banner('now', { active: false, startsAt: now - HOUR, endsAt: now + HOUR, productId: 'coffee-beans', sort: 0 }),
        mode: 'update',
      }),
    );
    expect((await home()).banners.map((b) => b.id)).toEqual(['new-tee', 'coffee-festival', 'gold-perks']);
    expect(entries('saveBanner').map((e) => e.target.id)).toEqual(expect.arrayContaining(['later', 'over', 'now', 'off', 'new-tee']));
    expect(entries('saveBanner')).toHaveLength(6);
  });

  it('refuses a window that ends before it starts, a product that does not exist, and a missing banner, changing nothing', async () => {
    const before = JSON.stringify(allStored(cloud, 'banners'));
    const input = {
      action: 'saveBanner',
      mode: 'create',
      bannerId: 'bad',
      title: '坏横幅',
      imageUrl: 'https://img.example.com/b.png',
      sort: 1,
      active: true,
    };
    expect(await admin({ ...input, startsAt: 2_000, endsAt: 1_000 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'endsAt: must be after startsAt' },
    });
    expect(await admin({ ...input, productId: 'no-such-product' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await admin({ ...input, mode: 'update', bannerId: 'nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin({ ...input, title: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(allStored(cloud, 'banners'))).toBe(before);
  });
});
