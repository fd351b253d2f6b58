import { planRelease } from '~/core/points/ledger-plans';
import type { PointLotDoc } from '~/types/points';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** Makes a pending lot's points available once its return window has closed. */
export async function releasePendingLot(ctx: RequestContext, lot: Pick<PointLotDoc, '_id' | 'memberId' | 'entryId'>): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  return postEntry(ctx, {
    key: `release:${lot.entryId ?? lot._id}`,
    memberId: lot.memberId,
    lotIds: [lot._id],
    plan: (state) =>
      planRelease(
        state,
        { kind: 'release', reason: '购物积分到账', ref: { type: 'order', id: (lot.entryId ?? lot._id).replace(/^earn:order:/, '') } },
        lot._id,
        programme.points.expiryMonths,
      ),
  });
}
