import { CodedError } from '~/core/coded-error';
import { defaultAddressId, successorOf } from '~/core/members/address-book';
import type { AddressBook } from '~/types/addresses';
import type { RequestContext } from '../runtime/wx';
import { bookDocs } from './address-docs';
import { listAddresses } from './list-addresses';

/** Deletes one of the member's own addresses; when it was the default, the newest remaining one takes over. */
export async function removeAddress(ctx: RequestContext, input: { memberId: string; addressId: string }): Promise<AddressBook> {
  const { memberId, addressId } = input;
  const addresses = ctx.db.collection('member_addresses');
  const doc = await addresses.get(addressId);
  if (doc && doc.memberId !== memberId) throw new CodedError('NOT_FOUND', '地址不存在或已删除');
  // A retry after the delete went through finds nothing left to do.
  if (!doc) return listAddresses(ctx, memberId);
  const docs = await bookDocs(ctx, memberId);
  await addresses.remove(addressId);
  if (defaultAddressId(docs) === addressId) {
    const next = successorOf(docs, addressId);
    if (next) await addresses.updateWhere({ _id: next._id, memberId }, { defaultAt: ctx.now, updatedAt: ctx.now });
  }
  return listAddresses(ctx, memberId);
}
