import { applyDraft } from '~/core/programme/draft';
import { programmeDiff } from '~/core/programme/programme-diff';
import type { AdminProgrammeResponses, ProgrammeDraft } from '~/types/functions/admin-programme';
import type { RequestContext } from '../runtime/wx';
import { checkDraft } from './check-draft';
import { programmeImpact } from './programme-impact';
import { currentProgramme, latestPublished, snapshotOf } from './programme-versions';

/**
 * Checks a draft of the rules and answers what it changes against the rules in effect and whom it
 * would affect (null while it has problems). Reads only.
 */
export async function previewProgramme(
  ctx: RequestContext,
  input: { draft: ProgrammeDraft },
): Promise<AdminProgrammeResponses['previewProgramme']> {
  const [current, latest] = await Promise.all([currentProgramme(ctx, ctx.now), latestPublished(ctx)]);
  const base = latest ? snapshotOf(latest) : current;
  const problems = await checkDraft(ctx, input.draft, base.tiers);
  const after = applyDraft(base, input.draft);
  const changes = programmeDiff(current, after);
  const impact = problems.length ? null : await programmeImpact(ctx, current, after);
  return { problems, changes, impact };
}
