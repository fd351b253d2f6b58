import type { ApprovalDoc } from '~/types/approvals';
import type { AdminRole } from '~/types/documents';
import type { LedgerEntryDoc } from '~/types/points';
import type { AuditEntryDoc } from '~/types/staff';
import type { AuditInput } from '../audit/write-audit';

/** The points an entry moved, as an audit entry's amounts. */
export const pointsMoved = (entry: Pick<LedgerEntryDoc, 'available'>): AuditEntryDoc['amounts'] =>
  entry.available > 0 ? { pointsEarned: entry.available } : { pointsSpent: -entry.available };

/**
 * The audit entry of one step of an approval (`requestAdjustment`, `approveAdjustment`,
 * `rejectAdjustment`), keyed by the approval: each step happens once, and its entry is written
 * in the same transaction as the step. The actor is the admin the approval names for the step,
 * whoever writes the entry.
 */
export function approvalAudit(input: {
  action: 'requestAdjustment' | 'approveAdjustment' | 'rejectAdjustment';
  approval: ApprovalDoc;
  actor: { id: string; role: AdminRole };
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}): AuditInput {
  const { approval } = input;
  return {
    _id: `audit:${input.action}:${approval._id}`,
    actor: { kind: 'admin', id: input.actor.id, name: input.actor.id, role: input.actor.role, storeId: null },
    action: input.action,
    target: { type: 'approval', id: approval._id },
    memberId: approval.memberId,
    // Only an approval moves points; a request or a rejection moves none.
    amounts: input.after.status === 'approved' ? pointsMoved({ available: approval.points }) : {},
    before: input.before,
    after: input.after,
  };
}
