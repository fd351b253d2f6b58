import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import type { AgeBand } from '~/types/marketing';
import type { EpochMs, Fen } from '~/types/units';

/** The RFM window and its default: purchases in the last `RFM_WINDOW_DAYS` days count. */
export const RFM_WINDOW_DAYS = 365;

/** One purchase, net of what was refunded: a paid online order's lines not refunded, or a recorded in-store sale. */
export interface Purchase {
  at: EpochMs;
  netFen: Fen;
  channel: 'online' | 'store';
  storeId: string | null;
  /** Quantities bought per category (online lines only: in-store receipts name no products). */
  categories: Record<string, number>;
}

/** What a member's purchases say, for the profile. */
export interface PurchaseSummary {
  purchases: number;
  spendFen: Fen;
  averageOrderFen: Fen;
  /** The last purchase in the window; null without one. */
  lastPurchaseAt: EpochMs | null;
  spend30Fen: Fen;
  spend90Fen: Fen;
  spend365Fen: Fen;
  onlineFen: Fen;
  storeFen: Fen;
  homeStoreId: string | null;
  preferredCategoryIds: string[];
}

/**
 * Sums a member's purchases as of `asOf`: counts, spend and channel split over the window of
 * `windowDays` days, spend over 30/90/365 days, the store of most in-store purchases (ties: the
 * smaller store id) and up to three categories bought most (by quantity; ties: the smaller id).
 * A purchase whose net is 0 or less (wholly refunded) is none; purchases after `asOf` are ignored.
 */
export function summarisePurchases(all: readonly Purchase[], asOf: EpochMs, windowDays = RFM_WINDOW_DAYS): PurchaseSummary {
  const within = (days: number) => all.filter((p) => p.netFen > 0 && p.at <= asOf && p.at > asOf - days * DAY_MS);
  const sum = (list: readonly Purchase[]) => list.reduce((total, p) => total + p.netFen, 0);
  const window = within(windowDays);
  const spendFen = sum(window);
  const stores = new Map<string, number>();
  const categories = new Map<string, number>();
  for (const p of window) {
    if (p.channel === 'store' && p.storeId) stores.set(p.storeId, (stores.get(p.storeId) ?? 0) + 1);
    for (const [id, quantity] of Object.entries(p.categories)) categories.set(id, (categories.get(id) ?? 0) + quantity);
  }
  const ranked = (counts: Map<string, number>) =>
    [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([id]) => id);
  return {
    purchases: window.length,
    spendFen,
    averageOrderFen: window.length ? Math.round(spendFen / window.length) : 0,
    lastPurchaseAt: window.reduce<EpochMs | null>((last, p) => (last === null || p.at > last ? p.at : last), null),
    spend30Fen: sum(within(30)),
    spend90Fen: sum(within(90)),
    spend365Fen: sum(within(365)),
    onlineFen: sum(window.filter((p) => p.channel === 'online')),
    storeFen: sum(window.filter((p) => p.channel === 'store')),
    homeStoreId: ranked(stores)[0] ?? null,
    preferredCategoryIds: ranked(categories).slice(0, 3),
  };
}

/** Net spend per Shanghai month (`YYYY-MM`), online and in store, for the 12 months ending with `asOf`'s, oldest first. */
export function spendByMonth(all: readonly Purchase[], asOf: EpochMs): { month: string; onlineFen: Fen; storeFen: Fen }[] {
  const [year, month] = dayOf(asOf).split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  const rows = new Map(months.map((key) => [key, { month: key, onlineFen: 0, storeFen: 0 }]));
  for (const p of all) {
    const row = rows.get(dayOf(p.at).slice(0, 7));
    if (!row || p.netFen <= 0 || p.at > asOf) continue;
    if (p.channel === 'online') row.onlineFen += p.netFen;
    else row.storeFen += p.netFen;
  }
  return [...rows.values()];
}

/** The age band of a `YYYY-MM-DD` birthday on `asOf`'s Shanghai day; null without a birthday. */
export function ageBandOf(birthday: string | null, asOf: EpochMs): AgeBand | null {
  if (!birthday) return null;
  const [y, m, d] = birthday.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = dayOf(asOf).split('-').map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  if (age < 18) return 'under18';
  if (age < 25) return '18-24';
  if (age < 30) return '25-29';
  if (age < 35) return '30-34';
  if (age < 40) return '35-39';
  if (age < 50) return '40-49';
  return '50plus';
}

/** The month (1–12) of a `YYYY-MM-DD` birthday; null without one. */
export function birthdayMonthOf(birthday: string | null): number | null {
  return birthday ? Number(birthday.slice(5, 7)) : null;
}

/** The address the profile places a member by: the latest made default, else the newest. */
export function placingAddress<A extends { defaultAt: EpochMs | null; createdAt: EpochMs }>(addresses: readonly A[]): A | null {
  const byDefault = addresses.filter((a) => a.defaultAt !== null).sort((a, b) => (b.defaultAt as number) - (a.defaultAt as number));
  if (byDefault[0]) return byDefault[0];
  return [...addresses].sort((a, b) => b.createdAt - a.createdAt)[0] ?? null;
}

/** Share of coupons used, 0–100 (rounded); 0 without coupons. */
export function useRate(issued: number, used: number): number {
  return issued > 0 ? Math.round((100 * used) / issued) : 0;
}
