import { allocate } from '~/core/money/allocate';
import { purchasePoints } from '~/core/points/earning';
import { planPendingEarn } from '~/core/points/ledger-plans';
import type { Fen } from '~/types/units';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/**
 * Purchase points for a paid order: `earnPerYuan` per ¥1 paid × the member's tier multiplier,
 * rounded down, split over the lines so a partial refund claws back exactly what its lines
 * earned. Pending until the return window closes (startReturnWindow); idempotent per order.
 * Answers null for an order too small to earn a point.
 */
export async function earnForOrder(
  ctx: RequestContext,
  input: { memberId: string; orderId: string; lines: { lineId: string; paidFen: Fen }[] },
): Promise<PostResult | null> {
  const { programme, tiers } = await loadProgramme(ctx);
  const key = `earn:order:${input.orderId}`;
  const paid = input.lines.reduce((sum, line) => sum + line.paidFen, 0);
  const best = Math.max(...tiers.map((tier) => tier.pointsMultiplierPercent));
  if (purchasePoints(paid, programme.points.earnPerYuan, best) === 0) return null;
  let earnsNothing = false;
  return postEntry(ctx, {
    key,
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
          reason: '购物得积分',
          ref: { type: 'order', id: input.orderId },
          snapshot: {
            earnPerYuan: programme.points.earnPerYuan,
            pointsMultiplierPercent: tier.pointsMultiplierPercent,
            tierId: tier._id,
            lines: input.lines.map((line, i) => ({ lineId: line.lineId, paidFen: line.paidFen, points: perLine[i] as number })),
          },
        },
        key,
        points,
        null,
        programme.points.expiryMonths,
      );
    },
  }).catch((error: unknown) => {
    // Too small for this member's tier to earn a point: nothing to post.
    if (earnsNothing) return null;
    throw error;
  });
}
