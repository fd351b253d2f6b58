import { formatYuan } from '~/core/money/format';
import { ordersOf } from '../support/shop';
import type { Storefront } from './support/storefront';
import { closeStorefront, joinFromHome, openStorefront, seedHistory, shopper } from './support/storefront';

/** Earlier orders of the shopper: enough for the list to load five more pages after the first. */
const EARLIER_ORDERS = 120;

describe('the money path in the built mini-program', () => {
  let shop: Storefront;

  beforeAll(async () => {
    shop = await openStorefront();
  });

  afterAll(() => closeStorefront(shop));

  it('joins, buys a product with a WeChat address, pays through wx.requestPayment, sees the result and pages through the orders', async () => {
    const { client, cloud } = shop;
    const home = await joinFromHome(client);
    seedHistory(shop, { entries: 0, orders: EARLIER_ORDERS });

    await home.tap('.product-card', '云南保山小粒咖啡豆');
    const product = await client.waitFor(
      'the product page',
      () => client.page.route === 'packages/shop/pages/product/index' && client.page,
    );
    await product.waitForText('云南保山小粒咖啡豆');
    await product.tap('.buy-now');
    await product.tap('.sku-value', '500g');
    await product.tap('.sku-confirm-buy');

    const checkout = await client.waitFor(
      'the checkout',
      () => client.page.route === 'packages/orders/pages/checkout/index' && client.page,
    );
    await checkout.tap('.address-add');
    const address = await client.waitFor(
      'the address form',
      () => client.page.route === 'packages/orders/pages/address/index' && client.page,
    );
    await address.tap('.address-page__wechat');
    expect(client.calls.map((call) => call.api)).toContain('chooseAddress');
    await address.input('.address-detail', '南京西路 1 号 12 楼');
    await address.tap('.address-save');
    await client.waitFor('the checkout again', () => client.page === checkout && checkout);
    expect((await checkout.waitFor('.address-edit')).text).toBe('林小满13800138000上海市 静安区 南京西路 1 号 12 楼›');
    await checkout.waitFor('.submit-order');

    await checkout.tap('.submit-order');
    const result = await client.waitFor(
      'the payment result',
      () => client.page.route === 'packages/orders/pages/result/index' && client.page,
    );
    await result.waitFor('.pay-result-paid');
    const payments = client.calls.filter((call) => call.api === 'requestPayment');
    expect(payments).toHaveLength(1);
    expect(payments[0]?.args.package).toMatch(/^prepay_id=/);
    const placed = ordersOf(cloud, shopper(cloud)._id).filter((order) => !order._id.startsWith('obench'));
    expect(placed).toHaveLength(1);
    const [paid] = placed;
    expect(paid?.status).toBe('paid');
    expect(paid?.lines.map((line) => [line.title, line.quantity])).toEqual([['云南保山小粒咖啡豆', 1]]);
    expect(result.find('.result-card__amount')[0]?.text).toBe(formatYuan(paid?.payableFen ?? 0));

    await result.tap('.go-home');
    const back = await client.waitFor('the home page', () => client.page.route === 'pages/index/index' && client.page);
    await back.tap('.shortcut-orders');
    const orders = await client.waitFor('the orders list', () => client.page.route === 'packages/orders/pages/list/index' && client.page);
    expect((await orders.waitFor('.order-card')).text).toContain('云南保山小粒咖啡豆');
    await client.settle();
    const firstPage = client.setDataOf(orders).reduce((total, record) => total + record.bytes, 0);
    for (let more = 1; more <= 5; more += 1) {
      const sent = client.setDataOf(orders).length;
      await orders.tap('.load-more');
      await client.waitFor(
        `page ${more + 1} of the orders`,
        () => orders.find('.order-card').length === 20 * (more + 1) && orders.find('.load-more')[0],
      );
      const load = client.setDataOf(orders).slice(sent);
      expect(load.reduce((total, record) => total + record.bytes, 0)).toBeLessThan(2 * firstPage);
    }
    expect(client.stackRoutes).toEqual(['pages/index/index', 'packages/orders/pages/list/index']);
    expect(client.errors).toEqual([]);
  });
});
