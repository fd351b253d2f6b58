import { welcomeKey } from '~/core/coupons/issue-keys';
import type { OrderDoc } from '~/types/orders';
import { ordersOf } from '../support/shop';
import type { Storefront } from './support/storefront';
import { closeStorefront, joinFromHome, openStorefront, seedHistory, shopper } from './support/storefront';

/** No single `setData` may come near WeChat's 256 KB limit: a quarter of it. */
const MAX_SET_DATA_BYTES = 64 * 1024;

/** What each page is opened with, as the links into it carry; pages not listed take no parameters. */
function queries(orders: OrderDoc[], memberId: string): Record<string, string> {
  const withStatus = (status: OrderDoc['status']) => {
    const order = orders.find((candidate) => candidate.status === status);
    if (!order) throw new Error(`the seeded history has no ${status} order`);
    return order._id;
  };
  return {
    'pages/category/index': 'id=coffee-tea',
    'packages/shop/pages/search/index': `keyword=${encodeURIComponent('咖啡')}`,
    'packages/shop/pages/product/index': 'id=coffee-beans',
    'packages/mall/pages/reward/index': 'id=reward-tote',
    'packages/orders/pages/result/index': `id=${withStatus('paid')}&result=paid`,
    'packages/orders/pages/detail/index': `id=${withStatus('shipped')}`,
    'packages/orders/pages/refund/index': `id=${withStatus('completed')}`,
    'packages/coupons/pages/products/index': `id=${encodeURIComponent(welcomeKey(memberId))}`,
  };
}

describe('every page of the built mini-program', () => {
  let shop: Storefront;
  let query: Record<string, string>;

  beforeAll(async () => {
    shop = await openStorefront();
    await joinFromHome(shop.client);
    seedHistory(shop, { entries: 30, orders: 30 });
    query = queries(ordersOf(shop.cloud, shopper(shop.cloud)._id), shopper(shop.cloud)._id);
    // The shopper also works at a store, so that the staff pages show the till rather than a refusal.
    const invite = await shop.admin<{ ok: true; data: { code: string } }>('createStaffInvite', {
      storeId: shop.catalog.stores[0]?._id,
      role: 'manager',
    });
    const join = await shop.client.open('/packages/staff/pages/join/index');
    await join.input('.invite-code-input', invite.body.data.code);
    await join.tap('.invite-submit');
    await shop.client.waitFor('the staff home page', () => shop.client.page.route === 'packages/staff/pages/index/index');
  });

  afterAll(() => closeStorefront(shop));

  it('lists the pages of app.json', () => {
    expect(shop.client.routes).toHaveLength(32);
    expect(Object.keys(query).filter((route) => !shop.client.routes.includes(route))).toEqual([]);
  });

  it('opens each page with no runtime, template or navigation error, and no setData near the limit', async () => {
    const { client } = shop;
    const opened: string[] = [];
    for (const route of client.routes) {
      const page = await client.open(`/${route}${query[route] ? `?${query[route]}` : ''}`);
      await client.settle(200);
      await client.waitFor(`${route} to finish loading`, () => page.find('.status-panel--loading').length === 0);
      expect({ route, text: page.text().length > 0, errorPanels: page.find('.load-error').length }).toEqual({
        route,
        text: true,
        errorPanels: 0,
      });
      opened.push(client.page.route);
    }
    expect(opened).toEqual(client.routes);
    expect(client.errors).toEqual([]);
    expect(Math.max(...client.setDataLog.map((record) => record.bytes))).toBeLessThan(MAX_SET_DATA_BYTES);
  });

  it('reaches the tabs as WeChat allows: a category link switches to 分类, 我的 opens the member pages', async () => {
    const { client } = shop;
    const home = await client.open('/pages/index/index');
    await home.waitFor('.home-category');
    await home.tap('.home-category');
    await client.waitFor('the category tab', () => client.page.route === 'pages/category/index');
    await client.page.waitFor('.category-tabs__item--active');
    expect(client.page.find('.category-tabs__item--active')[0]?.text).not.toBe('全部');

    const mine = await client.open('/pages/mine/index');
    await mine.waitFor('.mine-nickname');
    await mine.tap('.mine-entry-check-in');
    await client.waitFor('the check-in page', () => client.page.route === 'packages/points/pages/check-in/index');
    expect(client.errors).toEqual([]);
  });
});
