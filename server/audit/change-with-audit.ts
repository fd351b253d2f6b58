import { randomBytes } from 'node:crypto';
import type { CollectionName, Collections } from '~/types/collections';
import type { Transaction } from '../db/run-transaction';
import { runTransaction } from '../db/run-transaction';
import type { RequestContext } from '../runtime/wx';
import type { AuditInput } from './write-audit';
import { auditEntry } from './write-audit';

/** An audit input whose key may be left to the writer: the action, its target and the request. */
export type ChangeAudit = Omit<AuditInput, '_id'> & { _id?: string };

/** What a change's transaction answers: its value, and the entry recording it (null when it changed nothing). */
export interface AuditedOutcome<T> {
  value: T;
  audit: ChangeAudit | null;
}

/**
 * The entry's key: its own where the change has a natural one, else the action, target, time and
 * a random tail. Either way it is written only with a change the transaction made, so a repeat
 * that changes nothing never adds one.
 */
const keyOf = (ctx: RequestContext, audit: ChangeAudit) =>
  audit._id ?? `audit:${audit.action}:${audit.target.id}:${ctx.now}:${randomBytes(4).toString('hex')}`;

/**
 * Runs a change of a few documents and appends the audit entry that records it in the same
 * transaction: both are written, or neither. The callback reads and guards what it changes
 * through `tx`, and answers a null entry when it finds the change already made (a repeat), so a
 * retried request writes no second entry. The callback may run more than once.
 */
export async function changeWithAudit<T>(ctx: RequestContext, write: (tx: Transaction) => Promise<AuditedOutcome<T>>): Promise<T> {
  return runTransaction(ctx, async (tx) => {
    const { value, audit } = await write(tx);
    if (audit) await tx.collection('audit_log').add({ data: auditEntry(ctx, { ...audit, _id: keyOf(ctx, audit) }) });
    return value;
  });
}

/** One document's guarded change and what its audit entry says of it. */
export interface AuditedUpdate<N extends CollectionName> {
  collection: N;
  id: string;
  /** Whether the document, as the transaction reads it, is still the one to change (else nothing is written). */
  expected(doc: Collections[N]): boolean;
  change: Partial<Collections[N]>;
  audit(before: Collections[N]): ChangeAudit;
}

/**
 * One document moved by a guarded change, with its audit entry, in one transaction. Answers the
 * document as changed, or null when it is missing or no longer what `expected` wants (nothing
 * written: the caller tells a repeat from a race by reading it again).
 */
export async function updateWithAudit<N extends CollectionName>(
  ctx: RequestContext,
  update: AuditedUpdate<N>,
): Promise<Collections[N] | null> {
  return changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection(update.collection).doc(update.id);
    const doc = (await ref.get()).data;
    if (!doc || !update.expected(doc)) return { value: null, audit: null };
    await ref.update({ data: update.change });
    return { value: { ...doc, ...update.change }, audit: update.audit(doc) };
  });
}
