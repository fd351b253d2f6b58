import { DAY_MS } from '~/core/calendar/durations';
import type { Purchase } from './profile-facts';
import { ageBandOf, birthdayMonthOf, placingAddress, spendByMonth, summarisePurchases, useRate } from './profile-facts';

const asOf = Date.UTC(2026, 11, 7, 4);
const ago = (days: number) => asOf - days * DAY_MS;
const online = (days: number, netFen: number, categories: Record<string, number> = {}): Purchase => ({
  at: ago(days),
  netFen,
  channel: 'online',
  storeId: null,
  categories,
});
const store = (days: number, netFen: number, storeId: string): Purchase => ({
  at: ago(days),
  netFen,
  channel: 'store',
  storeId,
  categories: {},
});

describe('profile facts', () => {
  it('sums purchases over the window and the fixed windows, net of wholly refunded ones', () => {
    const summary = summarisePurchases(
      [
        online(1, 1000, { a: 1, b: 3 }),
        online(40, 2000, { a: 2, c: 1 }),
        store(100, 5000, 's2'),
        store(200, 700, 's1'),
        store(5, 300, 's1'),
        online(2, 0),
        online(400, 9999),
      ],
      asOf,
    );
    expect(summary).toEqual({
      purchases: 5,
      spendFen: 9000,
      averageOrderFen: 1800,
      lastPurchaseAt: ago(1),
      spend30Fen: 1300,
      spend90Fen: 3300,
      spend365Fen: 9000,
      onlineFen: 3000,
      storeFen: 6000,
      homeStoreId: 's1',
      preferredCategoryIds: ['a', 'b', 'c'],
    });
  });

  it('answers an empty summary without purchases', () => {
    expect(summarisePurchases([], asOf)).toMatchObject({
      purchases: 0,
      spendFen: 0,
      averageOrderFen: 0,
      lastPurchaseAt: null,
      homeStoreId: null,
    });
  });

  it('splits spend by month over the last 12 months', () => {
    const months = spendByMonth([online(1, 1000), store(2, 500, 's1'), online(400, 99)], asOf);
    expect(months).toHaveLength(12);
    expect(months[0]?.month).toBe('2026-01');
    expect(months[11]).toEqual({ month: '2026-12', onlineFen: 1000, storeFen: 500 });
  });

  it('bands ages on the Shanghai day and reads the birthday month', () => {
    expect(ageBandOf('2000-12-08', asOf)).toBe('25-29');
    expect(ageBandOf('2000-12-07', asOf)).toBe('25-29');
    expect(ageBandOf('2008-12-08', asOf)).toBe('under18');
    expect(ageBandOf('1970-01-01', asOf)).toBe('50plus');
    expect(ageBandOf(null, asOf)).toBeNull();
    expect(birthdayMonthOf('1990-03-15')).toBe(3);
  });

  it('places a member by the latest default address, else the newest', () => {
    expect(
      placingAddress([
        { id: 1, defaultAt: null, createdAt: 3 },
        { id: 2, defaultAt: 5, createdAt: 1 },
      ])?.id,
    ).toBe(2);
    expect(
      placingAddress([
        { id: 1, defaultAt: null, createdAt: 3 },
        { id: 2, defaultAt: null, createdAt: 1 },
      ])?.id,
    ).toBe(1);
    expect(placingAddress([])).toBeNull();
    expect(useRate(3, 1)).toBe(33);
    expect(useRate(0, 0)).toBe(0);
  });
});
