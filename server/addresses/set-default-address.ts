import type { AddressBook } from '~/types/addresses';
import type { RequestContext } from '../runtime/wx';
import { bookDocs, ownAddress } from './address-docs';
import { listAddresses } from './list-addresses';

/** Makes one of the member's own addresses the default. */
export async function setDefaultAddress(ctx: RequestContext, input: { memberId: string; addressId: string }): Promise<AddressBook> {
  const { memberId, addressId } = input;
  await ownAddress(ctx, memberId, addressId);
  // Stamped after every earlier default, so it wins even against one stamped in the same millisecond.
  const latest = Math.max(0, ...(await bookDocs(ctx, memberId)).map((doc) => doc.defaultAt ?? 0));
  const defaultAt = Math.max(ctx.now, latest + 1);
  await ctx.db.collection('member_addresses').updateWhere({ _id: addressId, memberId }, { defaultAt, updatedAt: ctx.now });
  return listAddresses(ctx, memberId);
}
