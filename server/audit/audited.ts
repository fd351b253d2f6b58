import type { TokenClaims } from '~/server/admin/credentials';
import type { AuditEntryDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { writeAudit } from './write-audit';

/** What an audited admin change names: the action, its target, and what the target was before (read by the route). */
export interface AuditedChange {
  action: string;
  target: AuditEntryDoc['target'];
  before?: Record<string, unknown> | null;
}

/**
 * Runs an admin change, then appends its audit entry (actor, target, before, and `after` drawn
 * from the change's answer) under the request's id. A change that fails writes no entry.
 */
export async function audited<R>(
  ctx: RequestContext,
  admin: TokenClaims,
  change: AuditedChange | ((result: R) => AuditedChange),
  run: () => Promise<R>,
  after: (result: R) => Record<string, unknown> | null,
): Promise<R> {
  const result = await run();
  const { action, target, before = null } = typeof change === 'function' ? change(result) : change;
  await writeAudit(ctx, {
    _id: `audit:${action}:${target.id}:${ctx.requestId ?? ctx.now}`,
    actor: adminActor(admin),
    action,
    target,
    before,
    after: after(result),
  });
  return result;
}
