import type { ListLoads } from './support/list-loads';
import { scrollListToEnd } from './support/list-loads';
import type { Storefront } from './support/storefront';
import { closeStorefront, joinFromHome, openStorefront, seedHistory } from './support/storefront';

/** No single `setData` may come near WeChat's 256 KB limit: a quarter of it. */
const MAX_SET_DATA_BYTES = 64 * 1024;

const ENTRIES = 1_000;
const ORDERS = 500;

describe('the long lists of the built mini-program stay small on the wire', () => {
  let shop: Storefront;

  beforeAll(async () => {
    shop = await openStorefront();
    await joinFromHome(shop.client);
    seedHistory(shop, { entries: ENTRIES, orders: ORDERS });
  });

  afterAll(() => closeStorefront(shop));

  afterEach(() => expect(shop.client.errors).toEqual([]));

  const expectSmallLoads = (walk: ListLoads) => {
    expect(walk.largestBytes).toBeLessThan(MAX_SET_DATA_BYTES);
    for (const bytes of walk.loadBytes) expect(bytes).toBeLessThan(2 * walk.openingBytes);
  };

  it(`loads ${ENTRIES.toLocaleString('en-US')} points entries a page at a time, each "load more" sending only its page`, async () => {
    const walk = await scrollListToEnd(shop.client, '/packages/points/pages/index/index', '.history-item');
    expect(walk.items).toBe(ENTRIES);
    expect(walk.loadBytes).toHaveLength(ENTRIES / 20 - 1);
    expect(walk.page.find('.list-footer--end')).toHaveLength(1);
    expectSmallLoads(walk);
  });

  it(`loads ${ORDERS} orders a page at a time, each "load more" sending only its page`, async () => {
    const walk = await scrollListToEnd(shop.client, '/packages/orders/pages/list/index', '.order-card');
    expect(walk.items).toBe(ORDERS);
    expect(walk.loadBytes).toHaveLength(ORDERS / 20 - 1);
    expect(walk.page.find('.list-footer--end')).toHaveLength(1);
    expectSmallLoads(walk);
  });
});
