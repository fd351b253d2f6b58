import { CodedError } from '~/core/coded-error';
import type { ProgrammeVersionView } from '~/types/functions/admin-programme';
import type { TokenClaims } from '~/server/admin/credentials';
import { updateWithAudit } from '../audit/change-with-audit';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { forgetProgramme } from './load-programme';
import { latestPublished, versionId, versionView } from './programme-versions';

/**
 * An admin cancels a version that has not taken effect yet, the latest first (each later version
 * was edited from the one before); it stays in the history as cancelled. A guarded update, so a
 * version that took effect meanwhile is never cancelled; a repeat finds it cancelled and answers it.
 */
export async function cancelProgrammeVersion(
  ctx: RequestContext,
  input: { version: number },
  admin: TokenClaims,
): Promise<ProgrammeVersionView> {
  const id = versionId(input.version);
  // A later version was edited from this one and carries its changes: cancelling this one alone would not withdraw them.
  const latest = await latestPublished(ctx);
  if (latest && latest.version > input.version && latest.effectiveAt > ctx.now) {
    const target = await ctx.db.collection('programme_versions').get(id);
    if (target?.status === 'published' && target.effectiveAt > ctx.now) {
      throw new CodedError('CONFLICT', `第${latest.version}版在第${input.version}版的基础上修改，请先取消第${latest.version}版`);
    }
  }
  const cancelled = await updateWithAudit(ctx, {
    collection: 'programme_versions',
    id,
    expected: (doc) => doc.status === 'published' && doc.effectiveAt > ctx.now,
    change: { status: 'cancelled', cancelledAt: ctx.now, cancelledBy: admin.sub },
    audit: (before) => ({
      _id: `audit:cancelProgrammeVersion:${id}`,
      actor: adminActor(admin),
      action: 'cancelProgrammeVersion',
      target: { type: 'programmeVersion', id },
      before: { version: before.version, status: before.status, effectiveAt: before.effectiveAt },
      after: { version: before.version, status: 'cancelled' },
    }),
  });
  if (cancelled) {
    forgetProgramme();
    return versionView(cancelled);
  }
  const doc = await ctx.db.collection('programme_versions').get(id);
  if (!doc) throw new CodedError('NOT_FOUND', `没有第${input.version}版规则`);
  if (doc.status === 'cancelled') return versionView(doc);
  throw new CodedError('CONFLICT', `第${input.version}版已经生效，不能取消；如需撤回，请恢复之前的版本`);
}
