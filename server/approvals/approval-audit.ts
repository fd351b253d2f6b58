import type { ApprovalDoc } from '~/types/approvals';
import type { AdminRole } from '~/types/documents';
import { writeAudit } from '../audit/write-audit';
import type { RequestContext } from '../runtime/wx';

/**
 * The audit entry of one step of an approval (`requestAdjustment`, `approveAdjustment`,
 * `rejectAdjustment`), keyed by the approval: each step happens once, so a retry writes nothing
 * twice. The actor is the admin the approval names for the step, whoever writes the entry.
 */
export async function auditApproval(
  ctx: RequestContext,
  input: {
    action: 'requestAdjustment' | 'approveAdjustment' | 'rejectAdjustment';
    approval: ApprovalDoc;
    actor: { id: string; role: AdminRole };
    before: Record<string, unknown>;
    after: Record<string, unknown>;
  },
): Promise<void> {
  const { approval } = input;
  await writeAudit(ctx, {
    _id: `audit:${input.action}:${approval._id}`,
    actor: { kind: 'admin', id: input.actor.id, name: input.actor.id, role: input.actor.role, storeId: null },
    action: input.action,
    target: { type: 'approval', id: approval._id },
    memberId: approval.memberId,
    // Only an approval moves points; a request or a rejection moves none.
    amounts:
      input.after.status !== 'approved' ? {} : approval.points > 0 ? { pointsEarned: approval.points } : { pointsSpent: -approval.points },
    before: input.before,
    after: input.after,
  });
}
