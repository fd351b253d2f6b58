import type { RefundDoc } from '~/types/orders';
import { keysetPage } from '../db/keyset-page';
import type { RequestContext } from '../runtime/wx';

/** One page of refunds, newest request first, by status. */
export async function listRefunds(ctx: RequestContext, input: { status?: RefundDoc['status']; pageSize: number; cursor?: string }) {
  const _ = ctx.db.command;
  return keysetPage(
    ctx.db.collection('refunds'),
    _,
    input.status ? { status: input.status } : {},
    { field: 'requestedAt', direction: 'desc' },
    input,
  );
}
