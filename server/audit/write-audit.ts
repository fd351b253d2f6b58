import { dayOf } from '~/core/calendar/shanghai';
import type { AuditEntryDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';

/** An audit entry less what the writer fills in. */
export type AuditInput = Omit<AuditEntryDoc, 'day' | 'at' | 'amounts' | 'before' | 'after' | 'memberId' | 'storeId'> &
  Partial<Pick<AuditEntryDoc, 'amounts' | 'before' | 'after' | 'memberId' | 'storeId'>>;

/** The entry an input stands for, stamped with the request and its time. */
export function auditEntry(ctx: RequestContext, input: AuditInput): AuditEntryDoc {
  return {
    memberId: null,
    storeId: input.actor.storeId,
    amounts: {},
    before: null,
    after: null,
    requestId: ctx.requestId ?? null,
    ...input,
    day: dayOf(ctx.now),
    at: ctx.now,
  };
}

/**
 * Appends the audit entry of one step of a multi-step change (a refund's payback, a sale, an
 * approval's decision) under that step's natural key, from inside the step: a step taken again
 * by a retry or a take-over finds its entry written and adds nothing. Entries are never updated
 * or removed. A change of a few documents writes its entry in its own transaction instead
 * (`changeWithAudit`).
 */
export async function writeAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  await ctx.db.collection('audit_log').insert(auditEntry(ctx, input));
}
