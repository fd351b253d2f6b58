import { dayOf } from '~/core/calendar/shanghai';
import type { AuditEntryDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';

/** An audit entry less what the writer fills in. */
export type AuditInput = Omit<AuditEntryDoc, 'day' | 'at' | 'amounts' | 'before' | 'after' | 'memberId' | 'storeId'> &
  Partial<Pick<AuditEntryDoc, 'amounts' | 'before' | 'after' | 'memberId' | 'storeId'>>;

/**
 * Appends an audit entry under the natural key of the change it records: a retried change
 * finds its entry written and adds nothing. Entries are never updated or removed.
 */
export async function writeAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  await ctx.db.collection('audit_log').insert({
    memberId: null,
    storeId: input.actor.storeId,
    amounts: {},
    before: null,
    after: null,
    requestId: ctx.requestId ?? null,
    ...input,
    day: dayOf(ctx.now),
    at: ctx.now,
  });
}
