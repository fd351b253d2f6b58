import { planSpend } from '~/core/points/ledger-plans';
import type { LedgerRef } from '~/types/points';
import type { Points } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** Spends points for something (a reward, part of an order); idempotent on `key`. */
export async function spendPoints(
  ctx: RequestContext,
  input: { memberId: string; key: string; points: Points; reason: string; ref: LedgerRef },
): Promise<PostResult> {
  return postEntry(ctx, {
    key: input.key,
    memberId: input.memberId,
    allBuckets: true,
    plan: (state) => planSpend(state, { kind: 'spend', reason: input.reason, ref: input.ref }, input.points),
  });
}
