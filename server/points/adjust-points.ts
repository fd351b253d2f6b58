import { planCredit, planSpend } from '~/core/points/ledger-plans';
import type { Points } from '~/types/units';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostRequest, PostResult } from './post-entry';
import { postEntry } from './post-entry';
import { CodedError } from '~/core/coded-error';

/** An admin correction: adds points, or takes available points away; idempotent on the admin's request key. */
export async function adjustPoints(
  ctx: RequestContext,
  input: { memberId: string; key: string; points: Points; reason: string; adminId: string },
  audit?: PostRequest['audit'],
): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  const draft = { kind: 'adjust' as const, reason: `积分调整：${input.reason}`, ref: { type: 'admin' as const, id: input.adminId } };
  if (input.points === 0) throw new CodedError('VALIDATION_FAILED', 'points: an adjustment cannot be zero');
  return postEntry(ctx, {
    key: `adjust:${input.memberId}:${input.key}`,
    memberId: input.memberId,
    allBuckets: input.points < 0,
    audit,
    plan: (state) =>
      input.points > 0 ? planCredit(state, draft, input.points, programme.points.expiryMonths) : planSpend(state, draft, -input.points),
  });
}
