import type { RequestContext } from '../runtime/wx';

/** More members than this sharing one phone number is not a search anyone means. */
const MOST = 20;

/**
 * The members whose phone is this mobile number, by an equality query on `phone` (indexed). The
 * one place a search by phone reads members, so that it can move to a hash of the number.
 */
export async function findMemberIdsByPhone(ctx: RequestContext, phone: string): Promise<string[]> {
  const members = await ctx.db.collection('members').find({ phone }, { limit: MOST, fields: ['_id'] });
  return members.map((member) => member._id);
}
