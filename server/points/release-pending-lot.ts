import { planRelease } from '~/core/points/ledger-plans';
import type { LedgerRef } from '~/types/points';
import type { PointLotDoc } from '~/types/points';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { PostResult } from './post-entry';
import { postEntry } from './post-entry';

/** What a pending lot's earn entry was for, from its key (`earn:order:<id>` or `earn:sale:<id>`), and how its release reads. */
function releaseOf(entryId: string): { ref: LedgerRef; reason: string } {
  const sale = /^earn:sale:(.+)$/.exec(entryId);
  if (sale) return { ref: { type: 'sale', id: sale[1] as string }, reason: '门店消费积分到账' };
  return { ref: { type: 'order', id: entryId.replace(/^earn:order:/, '') }, reason: '购物积分到账' };
}

/** Makes a pending lot's points available once its return window has closed. */
export async function releasePendingLot(ctx: RequestContext, lot: Pick<PointLotDoc, '_id' | 'memberId' | 'entryId'>): Promise<PostResult> {
  const { programme } = await loadProgramme(ctx);
  const { ref, reason } = releaseOf(lot.entryId ?? lot._id);
  return postEntry(ctx, {
    key: `release:${lot.entryId ?? lot._id}`,
    memberId: lot.memberId,
    lotIds: [lot._id],
    plan: (state) => planRelease(state, { kind: 'release', reason, ref }, lot._id, programme.points.expiryMonths),
  });
}
