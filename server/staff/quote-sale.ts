import type { SaleQuote } from '~/types/functions/staff';
import type { StaffDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { loadTillSession } from './load-till-session';
import type { TillSaleInput } from './price-till-sale';
import { priceTillSale } from './price-till-sale';

/** What a purchase at the till would come to, for the form: the coupon's part, points as payment, cash to collect, points to earn. */
export async function quoteSale(ctx: RequestContext, staff: StaffDoc, input: TillSaleInput & { sessionId: string }): Promise<SaleQuote> {
  const session = await loadTillSession(ctx, staff, input.sessionId);
  return (await priceTillSale(ctx, session, input)).quote;
}
