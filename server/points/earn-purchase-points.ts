import { allocate } from '~/core/money/allocate';
import { purchasePoints } from '~/core/points/earning';
import { planPendingEarn } from '~/core/points/ledger-plans';
import type { LedgerRef } from '~/types/points';
import type { EpochMs, Fen } from '~/types/units';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/**
 * Purchase points, online or in store: `earnPerYuan` per ¥1 paid × the member's tier multiplier,
 * rounded down, split over the lines so a partial refund claws back exactly what its lines
 * earned. Pending in a lot of their own until `pendingUntil` (null: until the return window
 * starts); idempotent on `key`. Answers null for a purchase too small to earn a point.
 */
export async function earnPurchasePoints(
  ctx: RequestContext,
  input: {
    memberId: string;
    key: string;
    ref: LedgerRef;
    reason: string;
    lines: { lineId: string; paidFen: Fen }[];
    pendingUntil: EpochMs | null;
  },
): Promise<PostResult | null> {
  const { programme, tiers } = await loadProgramme(ctx);
  const paid = input.lines.reduce((sum, line) => sum + line.paidFen, 0);
  const best = Math.max(...tiers.map((tier) => tier.pointsMultiplierPercent));
  if (purchasePoints(paid, programme.points.earnPerYuan, best) === 0) return null;
  let earnsNothing = false;
  return postEntry(ctx, {
    key: input.key,
    memberId: input.memberId,
    plan: (state, current) => {
      const tier = tierOf(tiers, current.tierId);
      const points = purchasePoints(paid, programme.points.earnPerYuan, tier.pointsMultiplierPercent);
      earnsNothing = points === 0;
      const perLine = allocate(
        points,
        input.lines.map((line) => line.paidFen),
      );
      return planPendingEarn(
        state,
        {
          kind: 'earn',
          reason: input.reason,
          ref: input.ref,
          snapshot: {
            earnPerYuan: programme.points.earnPerYuan,
            pointsMultiplierPercent: tier.pointsMultiplierPercent,
            tierId: tier._id,
            lines: input.lines.map((line, i) => ({ lineId: line.lineId, paidFen: line.paidFen, points: perLine[i] as number })),
          },
        },
        input.key,
        points,
        input.pendingUntil,
        programme.points.expiryMonths,
      );
    },
  }).catch((error: unknown) => {
    // Too small for this member's tier to earn a point: nothing to post.
    if (earnsNothing) return null;
    throw error;
  });
}
