import { CodedError } from '~/core/coded-error';
import type { SharePage } from '~/types/shares';
import type { RequestContext } from '../runtime/wx';

export type ShareVisitOutcome = 'recorded' | 'alreadyRecorded' | 'ownLink';

/**
 * Records that the caller opened a page from a member's shared link, once per link and visitor
 * (the natural `_id` turns a reopened link or a retry into a no-op). A member opening their own
 * link records nothing. Attribution only: sharing is never rewarded, as WeChat forbids it.
 */
export async function recordShareVisit(
  ctx: RequestContext,
  input: { openid: string; sharer: string; page: SharePage; productId?: string },
): Promise<ShareVisitOutcome> {
  const shareCode = await ctx.db.collection('share_codes').findOne({ code: input.sharer });
  const sharer = shareCode ? await ctx.db.collection('members').get(shareCode._id) : null;
  if (!shareCode || sharer?.status !== 'active') throw new CodedError('NOT_FOUND', '分享链接无效或已失效');
  if (sharer.openid === input.openid) return 'ownLink';
  const productId = input.productId ?? null;
  if (productId !== null && !(await ctx.db.collection('products').get(productId))) throw new CodedError('NOT_FOUND', '分享的商品不存在');
  const visitor = await ctx.db.collection('members').findOne({ openid: input.openid });
  const inserted = await ctx.db.collection('share_visits').insert({
    _id: `${sharer._id}:${input.page}:${productId ?? '-'}:${input.openid}`,
    sharerId: sharer._id,
    page: input.page,
    productId,
    visitorOpenid: input.openid,
    visitorMemberId: visitor?._id ?? null,
    firstSeenAt: ctx.now,
  });
  return inserted ? 'recorded' : 'alreadyRecorded';
}
