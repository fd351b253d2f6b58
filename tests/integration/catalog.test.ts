import { lookupSku } from '~/core/catalog/cart-catalogue';
import { normaliseSearchText } from '~/core/catalog/search-text';
import { loadCartProducts } from '~/server/catalog/load-cart-products';
import { refreshSoldOut } from '~/server/catalog/refresh-sold-out';
import { database } from '~/server/db/database';
import type { RequestContext } from '~/server/runtime/wx';
import type { ProductDoc, SkuStockDoc } from '~/types/catalog';
import type { AdminCatalogResponses } from '~/types/functions/admin-catalog';
import type { CatalogResponses, ProductCard } from '~/types/functions/catalog';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { DemoCatalog } from '../../scripts/seed/demo-products';
import { seedDemoCatalog } from '../../scripts/seed/demo-products';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { connectSdk } from '../support/sdk';
import { storedOrNull } from '../support/stored';
import type { CollectionName } from '~/types/collections';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'c'.repeat(40), ADMIN_INITIAL_PASSWORD: 'catalog-admin-password' };
const CATALOG_COLLECTIONS = ['categories', 'products', 'sku_stock', 'banners', 'stores'];
const SORTS = ['default', 'priceAsc', 'priceDesc', 'sales'] as const;
/** Ids compare by code unit, as the database orders them. */
/** A temporary URL of a demo picture, as functions show cloud files to shoppers. */
const tempUrl = (mediaPath: string) =>
  expect.stringMatching(
    new RegExp(`^http://127\\.0\\.0\\.1:\\d+/storage/file/demo/${mediaPath.replace(/\./g, '\\.')}\\?sign=\\w+&t=\\d+$`),
  );

const byId = (a: { _id: string }, b: { _id: string }) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

describe('catalog function through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  let demo: DemoCatalog;
  let token: string;
  let ctx: () => RequestContext;
  const admin = () => new GatewayClient(cloud.url);

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    demo = cloud.store.atomically(() => seedDemoCatalog(cloud, Date.now()));
    connectSdk(cloud.tcbUrl);
    const db = database();
    ctx = () => ({ now: Date.now(), source: 'wx_trigger', db });
    const page = admin();
    await page.call('admin', { action: 'bootstrapAdmin' });
    const login = await page.call<Envelope<{ token: string }>>('admin', {
      action: 'login',
      username: 'admin',
      password: ADMIN_ENV.ADMIN_INITIAL_PASSWORD,
    });
    if (!login.body.ok) throw new Error(`admin login failed: ${JSON.stringify(login.body)}`);
    token = login.body.data.token;
  });

  afterAll(() => cloud?.stop());

  /** A visitor who has not signed in (no OPENID at all). */
  const visitor = () => new GatewayClient(cloud.url);

  /** A signed-in WeChat user who joined, moved to `tierId` as the tier review would. */
  async function member(tierId: string): Promise<GatewayClient> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const joined = await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' });
    if (!joined.body.ok) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    const row = cloud.store.get('members', joined.body.data.memberId);
    cloud.store.replace('members', { ...cloud.store.parse(row as NonNullable<typeof row>), tierId });
    return client;
  }

  async function call<A extends keyof CatalogResponses>(
    client: GatewayClient,
    action: A,
    payload: Record<string, unknown> = {},
  ): Promise<CatalogResponses[A]> {
    const res = await client.call<Envelope<CatalogResponses[A]>>('catalog', { action, ...payload });
    if (!res.body.ok) throw new Error(`${action} failed: ${JSON.stringify(res.body)}`);
    return res.body.data;
  }

  async function adminCall<A extends keyof AdminCatalogResponses>(
    action: A,
    payload: Record<string, unknown>,
  ): Promise<Envelope<AdminCatalogResponses[A]>> {
    return (await admin().call<Envelope<AdminCatalogResponses[A]>>('admin', { action, token, ...payload })).body;
  }

  const stored = <N extends CollectionName>(collection: N, id: string) => storedOrNull(cloud, collection, id);

  /** Every catalogue document's id and write version: equal before and after means nothing was written. */
  const versions = () =>
    CATALOG_COLLECTIONS.map((collection) =>
      [...cloud.store.scan(collection, [], [], 'rowid ASC')].map((row) => `${collection}/${row.id}@${row.v}`).join(','),
    ).join('\n');

  const onShelf = () => demo.products.filter((p) => p.status === 'onShelf');

  async function listAll(client: GatewayClient, payload: Record<string, unknown>): Promise<{ items: ProductCard[]; pages: number }> {
    const items: ProductCard[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(client, 'list', { ...payload, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      pages += 1;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages < 100);
    return { items, pages };
  }

  it('home: banners and categories in order, recommended products on the shelf, pictures from cloud storage by temporary URL', async () => {
    const home = await call(visitor(), 'home');
    expect(home.banners.map((b) => b.id)).toEqual(['coffee-festival', 'gold-perks', 'new-tee']);
    expect(home.banners[0]).toMatchObject({
      title: '秋日咖啡节',
      productId: 'coffee-beans',
      imageUrl: tempUrl('banners/coffee-festival.svg'),
    });
    expect(home.categories.map((c) => c.name)).toEqual(['咖啡茶饮', '零食糕点', '美妆个护', '家居生活', '数码配件', '服饰箱包']);
    const recommended = demo.products.filter((p) => p.recommended && p.status === 'onShelf').sort((a, b) => a.sort - b.sort || byId(a, b));
    expect(home.recommended.map((c) => c.id).sort()).toEqual(recommended.map((p) => p._id).sort());
    expect(home.recommended.map((c) => c.id)).not.toContain('custard-mooncake');

    expect(demo.products.every((p) => p.images.every((id) => id.startsWith('cloud://local.local-storage/demo/')))).toBe(true);
    const picture = await fetch(home.recommended[0]?.imageUrl as string);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml');
    expect(await picture.text()).toMatch(/^<svg /);
    const icon = await fetch(home.categories[0]?.iconUrl as string);
    expect(icon.status).toBe(200);
    // The demo pictures are still served at /media/ for databases made before they were cloud files.
    expect((await fetch(`${cloud.url}/media/products/no-such-product.svg`)).status).toBe(404);
    expect((await fetch(`${cloud.url}/media/..%2F..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it('lists a category in display order, with sold-out products marked and off-shelf ones left out', async () => {
    const coffee = await call(visitor(), 'list', { categoryId: 'coffee-tea' });
    const expected = onShelf()
      .filter((p) => p.categoryId === 'coffee-tea')
      .sort((a, b) => a.sort - b.sort || byId(a, b));
    expect(coffee.items.map((c) => c.id)).toEqual(expected.map((p) => p._id));
    expect(coffee.items.find((c) => c.id === 'osmanthus-oolong')).toMatchObject({ soldOut: true, minPriceFen: 1_990 });
    expect(coffee.nextCursor).toBeNull();
    const snacks = await call(visitor(), 'list', { categoryId: 'snacks', pageSize: 50 });
    expect(snacks.items.map((c) => c.id)).not.toContain('custard-mooncake');
    expect((await call(visitor(), 'list', { categoryId: 'no-such-category' })).items).toEqual([]);
  });

  it('searches titles, subtitles and keywords: every word must match, full-width and case folded, special characters literal', async () => {
    const expectFor = (keyword: string) => {
      const words = normaliseSearchText(keyword).split(' ');
      return onShelf()
        .filter((p) => words.every((w) => p.searchText.includes(w)))
        .map((p) => p._id)
        .sort();
    };
    const ids = async (keyword: string, categoryId?: string) =>
      (await listAll(visitor(), { keyword, pageSize: 3, ...(categoryId ? { categoryId } : {}) })).items.map((c) => c.id).sort();

    expect(await ids('咖啡')).toEqual(expectFor('咖啡'));
    expect(await ids('咖啡')).toEqual(expect.arrayContaining(['coffee-beans', 'drip-coffee', 'cold-brew']));
    expect(await ids('特价')).toEqual(['amino-shampoo', 'cold-brew']);
    expect(await ids('ＵＳＢ-c 100W')).toEqual(['braided-cable']);
    expect(await ids('乌龙茶')).toEqual(['osmanthus-oolong', 'rock-tea']);
    expect(await ids('零食', 'snacks')).toEqual(
      expectFor('零食').filter((id) => demo.products.find((p) => p._id === id)?.categoryId === 'snacks'),
    );
    expect(await ids('月饼')).toEqual([]);
    expect(await ids('(.*)')).toEqual([]);
    expect(await ids('usb.c')).toEqual([]);
    expect(await ids('20000mAh')).toEqual(['power-bank']);
    expect(await ids('72%')).toEqual(['dark-chocolate']);
  });

  it.each(SORTS)('pages through every product on the shelf by %s, three at a time, without duplicates or gaps', async (sort) => {
    const order = {
      default: (p: ProductDoc) => [p.sort, 1],
      priceAsc: (p: ProductDoc) => [p.minPriceFen, 1],
      priceDesc: (p: ProductDoc) => [p.minPriceFen, -1],
      sales: (p: ProductDoc) => [p.salesCount, -1],
    }[sort];
    const expected = [...onShelf()].sort((a, b) => {
      const [va, dir] = order(a) as [number, number];
      const [vb] = order(b) as [number, number];
      return (va - vb) * dir || byId(a, b) * dir;
    });
    const { items, pages } = await listAll(visitor(), { sort, pageSize: 3 });
    expect(items.map((c) => c.id)).toEqual(expected.map((p) => p._id));
    expect(new Set(items.map((c) => c.id)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(expected.length / 3));
    const inCategory = await listAll(visitor(), { sort, pageSize: 2, categoryId: 'apparel' });
    expect(inCategory.items.map((c) => c.id)).toEqual(expected.filter((p) => p.categoryId === 'apparel').map((p) => p._id));
  });

  it('prices the product page for the caller: visitor and joined-at-entry, silver and gold members, with the next tier price', async () => {
    const signedIn = new GatewayClient(cloud.url);
    await signedIn.login();
    const [asVisitor, asGuest, asNormal, asSilver, asGold, asDiamond] = await Promise.all([
      call(visitor(), 'detail', { productId: 'coffee-beans' }),
      call(signedIn, 'detail', { productId: 'coffee-beans' }),
      member('normal').then((c) => call(c, 'detail', { productId: 'coffee-beans' })),
      member('silver').then((c) => call(c, 'detail', { productId: 'coffee-beans' })),
      member('gold').then((c) => call(c, 'detail', { productId: 'coffee-beans' })),
      member('diamond').then((c) => call(c, 'detail', { productId: 'coffee-beans' })),
    ]);
    const sku250 = (d: CatalogResponses['detail']) => d.skus.find((s) => s.specValues[0] === '250g');

    for (const entry of [asVisitor, asGuest, asNormal]) {
      expect(entry.tier).toEqual({ id: 'normal', name: '普通会员', memberPricePercent: 100 });
      expect(entry.nextTier).toMatchObject({ id: 'silver' });
      expect(sku250(entry)).toMatchObject({
        priceFen: 4_900,
        memberPriceFen: 4_900,
        nextTierPriceFen: 4_802,
        stock: 120,
        pointsPerUnit: 49,
      });
      expect(entry.memberMinPriceFen).toBe(4_900);
    }
    expect(asSilver).toMatchObject({ tier: { id: 'silver' }, nextTier: { id: 'gold', name: '金卡会员' }, memberMinPriceFen: 4_802 });
    expect(sku250(asSilver)).toMatchObject({ memberPriceFen: 4_802, nextTierPriceFen: 4_655, pointsPerUnit: 57 });
    expect(asGold).toMatchObject({ tier: { id: 'gold' }, nextTier: { id: 'diamond' }, memberMinPriceFen: 4_655 });
    expect(sku250(asGold)).toMatchObject({ memberPriceFen: 4_655, nextTierPriceFen: 4_410, pointsPerUnit: 69 });
    expect(asDiamond).toMatchObject({ tier: { id: 'diamond' }, nextTier: null });
    expect(sku250(asDiamond)).toMatchObject({ memberPriceFen: 4_410, nextTierPriceFen: null, pointsPerUnit: 88 });
    expect(asGold).toMatchObject({
      id: 'coffee-beans',
      title: '云南保山小粒咖啡豆',
      categoryId: 'coffee-tea',
      onShelf: true,
      soldOut: false,
      memberPrice: true,
      specs: [{ name: '规格', values: ['250g', '500g'] }],
      images: [tempUrl('products/coffee-beans.svg'), tempUrl('banners/coffee-festival.svg'), tempUrl('categories/coffee-tea.svg')],
    });

    // A product without member prices: everyone pays the list price, no next-tier price.
    const gold = await member('gold');
    const special = await call(gold, 'detail', { productId: 'cold-brew' });
    expect(special.memberPrice).toBe(false);
    expect(special.skus.map((s) => [s.priceFen, s.memberPriceFen, s.nextTierPriceFen])).toEqual([
      [2_990, 2_990, null],
      [5_500, 5_500, null],
    ]);
    const list = await call(gold, 'list', { categoryId: 'coffee-tea' });
    expect(list.items.find((c) => c.id === 'coffee-beans')).toMatchObject({ minPriceFen: 4_900, memberMinPriceFen: 4_655 });
    expect(list.items.find((c) => c.id === 'cold-brew')).toMatchObject({ minPriceFen: 2_990, memberMinPriceFen: 2_990 });
  });

  it('sold-out and off-shelf product pages; an unknown product is NOT_FOUND', async () => {
    const soldOut = await call(visitor(), 'detail', { productId: 'osmanthus-oolong' });
    expect(soldOut).toMatchObject({ onShelf: true, soldOut: true });
    expect(soldOut.skus.map((s) => s.stock)).toEqual([0]);
    const tee = await call(visitor(), 'detail', { productId: 'cotton-tee' });
    expect(tee.specs.map((s) => s.name)).toEqual(['颜色', '尺码']);
    expect(tee.skus).toHaveLength(12);
    expect(tee.skus.find((s) => s.specValues.join('/') === '黑色/XL')?.stock).toBe(0);
    expect(tee.soldOut).toBe(false);
    const offShelf = await call(visitor(), 'detail', { productId: 'custard-mooncake' });
    expect(offShelf).toMatchObject({ onShelf: false, title: '流心奶黄月饼礼盒' });
    const missing = await visitor().call('catalog', { action: 'detail', productId: 'no-such-product' });
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('checks a cart line by line: ok, short of stock, sold out, off the shelf, gone', async () => {
    const gold = await member('gold');
    const { items } = await call(gold, 'checkCart', {
      items: [
        { skuId: 'coffee-beans:1', quantity: 2 },
        { skuId: 'anc-earbuds:2', quantity: 5 },
        { skuId: 'egg-rolls:3', quantity: 1 },
        { skuId: 'custard-mooncake:1', quantity: 1 },
        { skuId: 'no-such-product:1', quantity: 1 },
        { skuId: 'coffee-beans:9', quantity: 1 },
        { skuId: 'cold-brew:2', quantity: 1 },
      ],
    });
    expect(items.map((i) => [i.skuId, i.state, i.message])).toEqual([
      ['coffee-beans:1', 'ok', null],
      ['anc-earbuds:2', 'insufficientStock', '库存不足，仅剩3件'],
      ['egg-rolls:3', 'soldOut', '已售罄'],
      ['custard-mooncake:1', 'offShelf', '商品已下架'],
      ['no-such-product:1', 'notFound', '商品已不存在'],
      ['coffee-beans:9', 'notFound', '该规格已不存在'],
      ['cold-brew:2', 'ok', null],
    ]);
    expect(items[0]).toEqual({
      skuId: 'coffee-beans:1',
      quantity: 2,
      state: 'ok',
      message: null,
      productId: 'coffee-beans',
      title: '云南保山小粒咖啡豆',
      specText: '规格:250g',
      imageUrl: tempUrl('products/coffee-beans.svg'),
      priceFen: 4_900,
      memberPriceFen: 4_655,
      stock: 120,
    });
    expect(items[1]).toMatchObject({ specText: '颜色:珍珠白', memberPriceFen: 123_405, stock: 3 });
    expect(items[6]).toMatchObject({ priceFen: 5_500, memberPriceFen: 5_500 });
    expect((await call(visitor(), 'checkCart', { items: [] })).items).toEqual([]);
  });

  it("tells the cart the shipping rule at the shopper's tier, and only a member their goods coupons' thresholds", async () => {
    const stranger = await call(visitor(), 'checkCart', { items: [{ skuId: 'coffee-beans:1', quantity: 1 }] });
    expect(stranger).toMatchObject({ shipping: { feeFen: expect.any(Number) }, coupons: [] });
    expect(stranger.shipping.feeFen).toBeGreaterThan(0);
    const gold = await member('gold');
    const asGold = await call(gold, 'checkCart', { items: [{ skuId: 'coffee-beans:1', quantity: 1 }] });
    // Gold members' own free-shipping threshold is at most the shop's.
    expect(asGold.shipping.freeThresholdFen ?? Infinity).toBeLessThanOrEqual(stranger.shipping.freeThresholdFen ?? Infinity);
  });

  it('answers the orders code the products and stock behind SKU ids, and keeps the sold-out flag in step with stock', async () => {
    const catalogue = await loadCartProducts(ctx(), ['power-bank:1', 'power-bank:2', 'rock-tea:1', 'nope:1', 'not a sku']);
    expect([...catalogue.products.keys()].sort()).toEqual(['power-bank', 'rock-tea']);
    expect(Object.fromEntries(catalogue.stock)).toEqual({ 'power-bank:1': 85, 'power-bank:2': 60, 'rock-tea:1': 40 });
    expect(lookupSku(catalogue, 'power-bank:2')).toMatchObject({ found: true, item: { stock: 60, sku: { specValues: ['白色'] } } });
    expect(lookupSku(catalogue, 'nope:1')).toEqual({ found: false, reason: 'missingProduct' });

    // As an order taking the last units would leave them:
    const setRaw = (skuId: string, stock: number) =>
      cloud.store.replace('sku_stock', { ...(stored('sku_stock', skuId) as SkuStockDoc), stock });
    setRaw('power-bank:1', 0);
    expect(await refreshSoldOut(ctx(), 'power-bank')).toBe(false);
    setRaw('power-bank:2', 0);
    expect(await refreshSoldOut(ctx(), 'power-bank')).toBe(true);
    expect(stored('products', 'power-bank')?.soldOut).toBe(true);
    expect((await call(visitor(), 'list', { categoryId: 'digital' })).items.find((c) => c.id === 'power-bank')?.soldOut).toBe(true);
    setRaw('power-bank:2', 4);
    expect(await refreshSoldOut(ctx(), 'power-bank')).toBe(false);
    expect(stored('products', 'power-bank')?.soldOut).toBe(false);
    expect(await refreshSoldOut(ctx(), 'no-such-product')).toBeNull();
  });

  it('admin: lists every category in display order, as the storefront home does', async () => {
    const listed = await adminCall('listCategories', {});
    const shown = (await call(visitor(), 'home')).categories;
    // The admin page gets the stored file ids (it saves them back); shoppers get temporary URLs of the same files.
    expect(listed).toEqual({
      ok: true,
      data: { items: shown.map((c) => ({ ...c, iconUrl: expect.stringMatching(/^cloud:\/\//) })), displayUrls: expect.any(Object) },
    });
    expect(shown.map((c) => c.iconUrl)).toEqual(shown.map((c) => tempUrl(`categories/${c._id}.svg`)));
  });

  it('admin: creates a product (a retry finds it), edits it keeping SKU ids and stock, shelves it and counts stock', async () => {
    const input = {
      productId: 'matcha-latte',
      title: '宇治抹茶拿铁粉',
      subtitle: '日本宇治抹茶 · 冲泡即饮',
      categoryId: 'coffee-tea',
      images: ['/media/products/drip-coffee.svg'],
      description: '选用宇治抹茶，搭配全脂奶粉，热水冲泡即得一杯抹茶拿铁。',
      specs: [{ name: '规格', values: ['10条装', '20条装'] }],
      skus: [
        { specValues: ['10条装'], priceFen: 4_500, initialStock: 30 },
        { specValues: ['20条装'], priceFen: 8_500, initialStock: 0 },
      ],
      keywords: ['抹茶', '冲饮'],
    };
    const created = await adminCall('saveProduct', { mode: 'create', ...input });
    expect(created).toMatchObject({
      ok: true,
      data: { created: true, product: { _id: 'matcha-latte', status: 'offShelf', soldOut: false, minPriceFen: 4_500 } },
    });
    expect(created.ok && created.data.product.stockBySku).toEqual({ 'matcha-latte:1': 30, 'matcha-latte:2': 0 });
    expect(await adminCall('saveProduct', { mode: 'create', ...input })).toMatchObject({ ok: true, data: { created: false } });
    expect(await adminCall('saveProduct', { mode: 'create', ...input, title: '别的商品' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await adminCall('saveProduct', { mode: 'update', ...input, productId: 'never-made' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Off the shelf until an admin puts it on.
    expect(
      (await visitor().call('catalog', { action: 'checkCart', items: [{ skuId: 'matcha-latte:1', quantity: 1 }] })).body,
    ).toMatchObject({
      ok: true,
      data: { items: [{ state: 'offShelf' }] },
    });
    expect(await adminCall('setProductStatus', { productId: 'matcha-latte', status: 'onShelf' })).toMatchObject({
      ok: true,
      data: { status: 'onShelf' },
    });
    expect((await listAll(visitor(), { keyword: '抹茶', pageSize: 5 })).items.map((c) => c.id)).toEqual(['matcha-latte']);

    const edited = await adminCall('saveProduct', {
      mode: 'update',
      ...input,
      title: '宇治抹茶拿铁粉（新包装）',
      specs: [{ name: '规格', values: ['20条装', '40条装'] }],
      skus: [
        { specValues: ['20条装'], priceFen: 7_900, initialStock: 999 },
        { specValues: ['40条装'], priceFen: 14_900, initialStock: 12 },
      ],
    });
    expect(edited).toMatchObject({
      ok: true,
      data: { created: false, product: { status: 'onShelf', minPriceFen: 7_900, title: '宇治抹茶拿铁粉（新包装）' } },
    });
    if (!edited.ok) return;
    expect(edited.data.product.skus.map((s) => [s.skuId, s.specValues[0], s.priceFen])).toEqual([
      ['matcha-latte:2', '20条装', 7_900],
      ['matcha-latte:3', '40条装', 14_900],
    ]);
    // The kept SKU keeps its stock (0), the new one starts at its initial stock.
    expect(edited.data.product.stockBySku).toEqual({ 'matcha-latte:2': 0, 'matcha-latte:3': 12 });
    expect(stored('products', 'matcha-latte')?.searchText).toBe('宇治抹茶拿铁粉(新包装) 日本宇治抹茶 · 冲泡即饮 抹茶 冲饮');

    expect(await adminCall('setStock', { skuId: 'matcha-latte:3', stock: 0 })).toEqual({
      ok: true,
      data: { skuId: 'matcha-latte:3', productId: 'matcha-latte', stock: 0, soldOut: true },
    });
    expect((await call(visitor(), 'detail', { productId: 'matcha-latte' })).soldOut).toBe(true);
    expect(await adminCall('setStock', { skuId: 'matcha-latte:2', stock: 25 })).toMatchObject({
      ok: true,
      data: { stock: 25, soldOut: false },
    });
    expect(await adminCall('setStock', { skuId: 'matcha-latte:2', stock: 25 })).toMatchObject({
      ok: true,
      data: { stock: 25, soldOut: false },
    });
    expect(stored('sku_stock', 'matcha-latte:2')?.stock).toBe(25);
    expect(await adminCall('setStock', { skuId: 'matcha-latte:1', stock: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await adminCall('setProductStatus', { productId: 'matcha-latte', status: 'offShelf' })).toMatchObject({
      ok: true,
      data: { status: 'offShelf' },
    });
    expect(await adminCall('setProductStatus', { productId: 'matcha-latte', status: 'offShelf' })).toMatchObject({
      ok: true,
      data: { status: 'offShelf' },
    });
    expect(await adminCall('setProductStatus', { productId: 'never-made', status: 'onShelf' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const listed = await adminCall('listProducts', { status: 'offShelf', pageSize: 1 });
    expect(listed).toMatchObject({
      ok: true,
      data: { items: [{ _id: 'matcha-latte', stockBySku: { 'matcha-latte:2': 25, 'matcha-latte:3': 0 } }] },
    });
    const everything: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Envelope<AdminCatalogResponses['listProducts']> = await adminCall('listProducts', {
        pageSize: 7,
        ...(cursor ? { cursor } : {}),
      });
      if (!page.ok) throw new Error(JSON.stringify(page));
      everything.push(...page.data.items.map((p) => p._id));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(everything.sort()).toEqual([...demo.products.map((p) => p._id), 'matcha-latte'].sort());
    const search = await adminCall('listProducts', { keyword: '月饼', status: 'all' });
    expect(search.ok && search.data.items.map((p) => p._id)).toEqual(['custard-mooncake']);
  });

  it('malformed input to every action is VALIDATION_FAILED and writes nothing', async () => {
    const shopper = await member('silver');
    const before = versions();
    const goodSave = {
      mode: 'create',
      productId: 'bad-input',
      title: '测试商品',
      categoryId: 'home',
      images: ['/media/products/ceramic-mug.svg'],
      specs: [{ name: '颜色', values: ['红', '蓝'] }],
      skus: [{ specValues: ['红'], priceFen: 100, initialStock: 1 }],
    };
    const catalogCases: Record<string, unknown>[] = [
      { action: 'home', extra: 1 },
      { action: 'list', pageSize: 0 },
      { action: 'list', pageSize: 51 },
      { action: 'list', pageSize: 2.5 },
      { action: 'list', sort: 'random' },
      { action: 'list', categoryId: 'Coffee Tea' },
      { action: 'list', keyword: '   ' },
      { action: 'list', keyword: 'x'.repeat(31) },
      { action: 'list', cursor: 'not-a-cursor' },
      { action: 'list', cursor: 'x'.repeat(401) },
      { action: 'detail' },
      { action: 'detail', productId: '../products' },
      { action: 'detail', productId: 'coffee-beans', openid: 'someone-else' },
      { action: 'checkCart' },
      { action: 'checkCart', items: [{ skuId: 'coffee-beans:1', quantity: 0 }] },
      { action: 'checkCart', items: [{ skuId: 'coffee-beans:1', quantity: 100 }] },
      { action: 'checkCart', items: [{ skuId: 'coffee-beans', quantity: 1 }] },
      { action: 'checkCart', items: [{ skuId: 'coffee-beans:1', quantity: 1, priceFen: 1 }] },
      { action: 'checkCart', items: Array.from({ length: 51 }, () => ({ skuId: 'coffee-beans:1', quantity: 1 })) },
    ];
    for (const body of catalogCases) {
      const res = await shopper.call('catalog', body);
      expect([JSON.stringify(body), res.body]).toEqual([
        JSON.stringify(body),
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }),
      ]);
    }

    const adminCases: Record<string, unknown>[] = [
      { action: 'listProducts', pageSize: 0 },
      { action: 'listProducts', pageSize: 21 },
      { action: 'listProducts', status: 'deleted' },
      { action: 'listProducts', cursor: 'bm90IGEgY3Vyc29y' },
      { action: 'saveProduct', ...goodSave, mode: 'upsert' },
      { action: 'saveProduct', ...goodSave, productId: 'Bad Id' },
      { action: 'saveProduct', ...goodSave, title: '' },
      { action: 'saveProduct', ...goodSave, images: [] },
      { action: 'saveProduct', ...goodSave, images: ['javascript:alert(1)'] },
      { action: 'saveProduct', ...goodSave, skus: [] },
      { action: 'saveProduct', ...goodSave, skus: [{ specValues: ['红'], priceFen: 0 }] },
      { action: 'saveProduct', ...goodSave, skus: [{ specValues: ['红'], priceFen: -100 }] },
      { action: 'saveProduct', ...goodSave, skus: [{ specValues: ['红'], priceFen: 99.5 }] },
      { action: 'saveProduct', ...goodSave, skus: [{ specValues: ['绿'], priceFen: 100 }] },
      { action: 'saveProduct', ...goodSave, skus: [{ specValues: ['红', 'M'], priceFen: 100 }] },
      {
        action: 'saveProduct',
        ...goodSave,
        skus: [
          { specValues: ['红'], priceFen: 100 },
          { specValues: ['红'], priceFen: 200 },
        ],
      },
      {
        action: 'saveProduct',
        ...goodSave,
        specs: [],
        skus: [
          { specValues: [], priceFen: 100 },
          { specValues: [], priceFen: 200 },
        ],
      },
      { action: 'saveProduct', ...goodSave, categoryId: 'no-such-category' },
      { action: 'saveProduct', ...goodSave, status: 'onShelf' },
      { action: 'saveProduct', ...goodSave, mode: 'update', productId: 'coffee-beans', skus: [{ specValues: ['250g'], priceFen: 0 }] },
      { action: 'setProductStatus', productId: 'coffee-beans', status: 'deleted' },
      { action: 'setProductStatus', productId: 'coffee-beans' },
      { action: 'setStock', skuId: 'coffee-beans:1', stock: -1 },
      { action: 'setStock', skuId: 'coffee-beans:1', stock: 1.5 },
      { action: 'setStock', skuId: 'coffee-beans:1', stock: '10' },
      { action: 'setStock', skuId: 'coffee-beans', stock: 10 },
      { action: 'listCategories', categoryId: 'coffee-tea' },
    ];
    for (const body of adminCases) {
      const res = await admin().call('admin', { token, ...body });
      expect([JSON.stringify(body), res.body]).toEqual([
        JSON.stringify(body),
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'VALIDATION_FAILED' }) }),
      ]);
    }
    for (const action of ['listProducts', 'saveProduct', 'setProductStatus', 'setStock']) {
      expect((await admin().call('admin', { action, ...goodSave, token: 'x'.repeat(40) })).body).toMatchObject({ ok: false });
    }
    expect(
      (await admin().call('admin', { action: 'setStock', token: 'x'.repeat(40), skuId: 'coffee-beans:1', stock: 0 })).body,
    ).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(versions()).toBe(before);
  });
});
