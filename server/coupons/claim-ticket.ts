import type { CouponInstanceDoc } from '~/types/coupons';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

/**
 * `coupon_claims`: one ticket per claim key, written before any counter moves. Copies of one
 * claim (a double tap, a retry racing the first request) see the ticket and wait for the
 * first one's answer instead of competing with it for the last unit of stock.
 */

const WAIT_MS = 3_000;
const ticketId = (issueKey: string) => `claim:${issueKey}`;

/** Opens the ticket of a claim; false when a copy of the claim opened it first. */
export async function openTicket(ctx: RequestContext, issueKey: string): Promise<boolean> {
  return ctx.db.collection('coupon_claims').insert({ _id: ticketId(issueKey), state: 'open', code: null, reason: null, openedAt: ctx.now });
}

/**
 * Records that a claim was refused, so its copies give the same answer. A claim that succeeded
 * leaves its ticket open: its coupon is the answer its copies find.
 */
export async function closeTicket(ctx: RequestContext, issueKey: string, failure: CodedError): Promise<void> {
  await ctx.db
    .collection('coupon_claims')
    .updateWhere(
      { _id: ticketId(issueKey) },
      { state: 'failed', code: failure.code, reason: String(failure.details?.reason ?? failure.message) },
    );
}

/**
 * The first answer of a claim with this key: its coupon, or its refusal thrown again; null when
 * there is no earlier claim, or its request has gone quiet for longer than we wait.
 */
export async function answerOfTwin(ctx: RequestContext, issueKey: string): Promise<CouponInstanceDoc | null> {
  const instances = ctx.db.collection('coupon_instances');
  const tickets = ctx.db.collection('coupon_claims');
  for (let waited = 0; waited <= WAIT_MS; waited += 50) {
    const [coupon, ticket] = await Promise.all([instances.get(issueKey), tickets.get(ticketId(issueKey))]);
    if (coupon) return coupon;
    if (!ticket) return null;
    if (ticket.state === 'failed')
      throw new CodedError(ticket.code ?? 'CONFLICT', `the first claim with this key was refused: ${ticket.code}`, {
        reason: ticket.reason,
      });
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}
