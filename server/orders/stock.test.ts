import type { OrderLine } from '~/types/orders';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startUseCaseCloud } from '../../tests/support/use-cases';
import type { RequestContext } from '../runtime/wx';
import { holdStock, releaseHeldStock } from './stock';
import { stored } from '../../tests/support/stored';

const NOW = Date.UTC(2026, 10, 22, 2);

describe('holdStock through the real SDK', () => {
  let cloud: LocalCloud;
  let ctx: (now: number) => RequestContext;

  beforeAll(async () => {
    ({ cloud, ctx } = await startUseCaseCloud());
  });
  afterAll(() => cloud?.stop());

  const sku = (id: string, stock: number) =>
    cloud.store.insert('sku_stock', { _id: id, productId: id.replace(/:\d+$/, ''), stock, updatedAt: NOW });
  const stockOf = (id: string) => stored(cloud, 'sku_stock', id).stock;
  const order = (id: string, lines: [skuId: string, quantity: number][]) => ({
    _id: id,
    lines: lines.map(([skuId, quantity]) => ({ skuId, quantity, title: skuId }) as OrderLine),
  });

  it('answers the SKUs a hold emptied, takes nothing twice on a retry, and refuses a short line', async () => {
    sku('pen:1', 3);
    sku('ink:1', 2);
    const first = order('o-1', [
      ['pen:1', 1],
      ['ink:1', 2],
    ]);
    expect(await holdStock(ctx(NOW), first)).toEqual(['ink:1']);
    expect([stockOf('pen:1'), stockOf('ink:1')]).toEqual([2, 0]);
    // A retry finds its own holds: nothing more is taken, and the emptied SKU is still reported.
    expect(await holdStock(ctx(NOW), first)).toEqual(['ink:1']);
    expect([stockOf('pen:1'), stockOf('ink:1')]).toEqual([2, 0]);

    await expect(holdStock(ctx(NOW), order('o-2', [['pen:1', 3]]))).rejects.toMatchObject({ code: 'OUT_OF_STOCK', details: { stock: 2 } });
    expect(await holdStock(ctx(NOW), order('o-3', [['pen:1', 2]]))).toEqual(['pen:1']);
    expect(stockOf('pen:1')).toBe(0);

    expect(await releaseHeldStock(ctx(NOW), first)).toEqual(['pen:1', 'ink:1']);
    expect([stockOf('pen:1'), stockOf('ink:1')]).toEqual([1, 2]);
  });
});
