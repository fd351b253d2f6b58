import { CodedError } from '~/core/coded-error';
import { applyDraft, draftOf } from '~/core/programme/draft';
import { effectiveTimeOf } from '~/core/programme/effective-time';
import { programmeDiff } from '~/core/programme/programme-diff';
import type { CurrentProgramme, ProgrammeDraft, ProgrammeVersionView } from '~/types/functions/admin-programme';
import type { ProgrammeSnapshot, ProgrammeVersionDoc } from '~/types/programme';
import type { EpochMs } from '~/types/units';
import type { TokenClaims } from '~/server/admin/credentials';
import { changeWithAudit } from '../audit/change-with-audit';
import { isDuplicateKey } from '../db/database';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { checkDraft } from './check-draft';
import { forgetProgramme } from './load-programme';
import {
  BASELINE_KEY,
  ensureBaseline,
  latestPublished,
  snapshotOf,
  storedProgramme,
  topVersionNumber,
  versionId,
  versionView,
} from './programme-versions';

/** What a new version is: its rules and where they came from. */
interface NewVersion {
  snapshot: ProgrammeSnapshot;
  effectiveAt: EpochMs | null;
  note: string;
  requestKey: string;
  restoredFrom: number | null;
}

/** The version a request key already published, if any (a retry). */
async function publishedBy(ctx: RequestContext, requestKey: string): Promise<ProgrammeVersionDoc | null> {
  return ctx.db.collection('programme_versions').findOne({ requestKey });
}

/** The changed rules of a version as its audit entry records them: each rule's key and value. */
const rulesOf = (changes: ReturnType<typeof programmeDiff>, side: 'before' | 'after') =>
  Object.fromEntries(changes.map((change) => [change.key, change[side]]));

/**
 * Writes a new version after `base` (the latest published version, or the stored rules as
 * version 0, which are first recorded as version 1), numbered after every version given out,
 * with its audit entry in one transaction. A version number taken meanwhile by another admin's
 * change is CONFLICT (the author reloads and sees it); the same request key finds its version
 * and writes nothing.
 */
async function writeVersion(
  ctx: RequestContext,
  admin: TokenClaims,
  base: CurrentProgramme,
  next: NewVersion,
  action: 'publishProgramme' | 'restoreProgrammeVersion',
): Promise<ProgrammeVersionDoc> {
  const scheduled =
    base.effectiveAt !== null && base.effectiveAt > ctx.now ? { version: base.version, effectiveAt: base.effectiveAt } : null;
  const effectiveAt = effectiveTimeOf(next.effectiveAt, ctx.now, scheduled);
  if (base.version === 0) await ensureBaseline(ctx);
  const basedOn = Math.max(1, base.version);
  const number = (await topVersionNumber(ctx)) + 1;
  const doc: ProgrammeVersionDoc = {
    _id: versionId(number),
    version: number,
    ...next.snapshot,
    effectiveAt,
    status: 'published',
    author: admin.sub,
    createdAt: ctx.now,
    note: next.note,
    basedOn,
    restoredFrom: next.restoredFrom,
    requestKey: next.requestKey,
    cancelledAt: null,
    cancelledBy: null,
  };
  const changes = programmeDiff(base, next.snapshot);
  try {
    const written = await changeWithAudit(ctx, async (tx) => {
      const ref = tx.collection('programme_versions').doc(doc._id);
      const taken = (await ref.get()).data;
      if (taken?.requestKey === doc.requestKey) return { value: taken, audit: null };
      if (taken) throw new CodedError('CONFLICT', '规则刚被其他管理员修改，请刷新后重新编辑');
      const { _id, ...fields } = doc;
      await ref.set({ data: fields });
      return {
        value: doc,
        audit: {
          _id: `audit:${action}:${doc._id}`,
          actor: adminActor(admin),
          action,
          target: { type: 'programmeVersion', id: doc._id },
          before: { version: basedOn, rules: rulesOf(changes, 'before') },
          after: { version: number, effectiveAt, note: doc.note, restoredFrom: doc.restoredFrom, rules: rulesOf(changes, 'after') },
        },
      };
    });
    forgetProgramme();
    return written;
  } catch (error) {
    // Another request with this key won the race for its own version number: answer that version.
    const retried = isDuplicateKey(error) ? await publishedBy(ctx, next.requestKey) : null;
    if (retried) return retried;
    throw error;
  }
}

/** The latest published version, or the stored rules as version 0 before the first. */
async function latestVersion(ctx: RequestContext): Promise<CurrentProgramme & { baseline: boolean }> {
  const latest = await latestPublished(ctx);
  if (latest) return { ...snapshotOf(latest), baseline: latest.requestKey === BASELINE_KEY };
  return { version: 0, effectiveAt: null, ...(await storedProgramme(ctx)), baseline: true };
}

/**
 * An admin publishes a draft of the rules as a new version taking effect at a stated time (null:
 * as soon as every instance can switch). The draft must follow the latest published version
 * (`basedOn`, 0 for the stored rules before the first version), so a change made meanwhile is
 * never silently undone; refused with every problem's message when the draft breaks a rule.
 * Awards already made are left as they are: only events after the effective time use the new
 * rules. Idempotent on the admin page's request key.
 */
export async function publishProgramme(
  ctx: RequestContext,
  input: { draft: ProgrammeDraft; basedOn: number; effectiveAt: EpochMs | null; note: string; requestKey: string },
  admin: TokenClaims,
): Promise<ProgrammeVersionView> {
  const retried = await publishedBy(ctx, input.requestKey);
  if (retried) return versionView(retried);
  const latest = await latestVersion(ctx);
  const follows = input.basedOn === latest.version || (input.basedOn === 0 && latest.baseline);
  if (!follows) throw new CodedError('CONFLICT', `规则已更新到第${latest.version}版，请刷新后在最新版本上修改`);
  const problems = await checkDraft(ctx, input.draft, latest.tiers);
  if (problems.length) {
    const [first] = problems;
    throw new CodedError('VALIDATION_FAILED', problems.map((problem) => problem.message).join('；'), { field: first?.field, problems });
  }
  const snapshot = applyDraft(latest, input.draft);
  const version = await writeVersion(ctx, admin, latest, { ...input, snapshot, restoredFrom: null }, 'publishProgramme');
  return versionView(version);
}

/**
 * An admin brings back the rules of any past version as a new version, taking effect at a
 * stated time; refused when they name a coupon template that no longer exists. Idempotent on
 * the admin page's request key.
 */
export async function restoreProgrammeVersion(
  ctx: RequestContext,
  input: { version: number; effectiveAt: EpochMs | null; note: string; requestKey: string },
  admin: TokenClaims,
): Promise<ProgrammeVersionView> {
  const retried = await publishedBy(ctx, input.requestKey);
  if (retried) return versionView(retried);
  const latest = await latestVersion(ctx);
  const past = await ctx.db.collection('programme_versions').get(versionId(input.version));
  if (!past) throw new CodedError('NOT_FOUND', `没有第${input.version}版规则`);
  const snapshot = snapshotOf(past);
  const problems = await checkDraft(ctx, draftOf(snapshot), latest.tiers);
  if (problems.length) {
    throw new CodedError(
      'VALIDATION_FAILED',
      `第${input.version}版规则不能恢复：${problems.map((problem) => problem.message).join('；')}`,
      {
        problems,
      },
    );
  }
  const note = input.note || `恢复第${input.version}版`;
  const version = await writeVersion(
    ctx,
    admin,
    latest,
    {
      snapshot: { programme: snapshot.programme, tiers: snapshot.tiers },
      effectiveAt: input.effectiveAt,
      note,
      requestKey: input.requestKey,
      restoredFrom: input.version,
    },
    'restoreProgrammeVersion',
  );
  return versionView(version);
}
