import { CodedError } from '~/core/coded-error';
import type { AddressDoc } from '~/types/addresses';
import { ADDRESS_BOOK_MAX } from '~/types/addresses';
import type { RequestContext } from '../runtime/wx';

/** Every address of the member (the cap keeps it to one read). */
export function bookDocs(ctx: RequestContext, memberId: string): Promise<AddressDoc[]> {
  // One more than the cap, so a book pushed past it by a race still lists every address.
  return ctx.db.collection('member_addresses').find({ memberId }, { orderBy: [['createdAt', 'desc']], limit: ADDRESS_BOOK_MAX * 2 });
}

/** The member's own address `addressId`; another member's is refused exactly as a missing one, so ids reveal nothing. */
export async function ownAddress(ctx: RequestContext, memberId: string, addressId: string): Promise<AddressDoc> {
  const doc = await ctx.db.collection('member_addresses').get(addressId);
  if (!doc || doc.memberId !== memberId) throw new CodedError('NOT_FOUND', '地址不存在或已删除');
  return doc;
}
