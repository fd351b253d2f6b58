import { CodedError } from '~/core/coded-error';
import { newAddress } from '~/core/members/address-book';
import type { AddressBook, AddressInput } from '~/types/addresses';
import { ADDRESS_BOOK_MAX } from '~/types/addresses';
import type { RequestContext } from '../runtime/wx';
import { bookDocs } from './address-docs';
import { listAddresses } from './list-addresses';

const full = () => new CodedError('LIMIT_REACHED', `最多保存${ADDRESS_BOOK_MAX}个收货地址，请先删除不用的地址`);

/** Adds an address to the member's book; the first becomes the default. A retry with the same key adds nothing. */
export async function addAddress(
  ctx: RequestContext,
  input: { memberId: string; clientKey: string; fields: AddressInput },
): Promise<AddressBook & { addressId: string }> {
  const { memberId, clientKey, fields } = input;
  // The client key is part of the id, so a retried add meets its own address and stops there.
  const id = `${memberId}:${clientKey}`;
  const addresses = ctx.db.collection('member_addresses');
  if (!(await addresses.get(id))) {
    const docs = await bookDocs(ctx, memberId);
    if (docs.length >= ADDRESS_BOOK_MAX) throw full();
    const inserted = await addresses.insert(newAddress({ id, memberId, fields, first: docs.length === 0, now: ctx.now }));
    // Two adds at once may both pass the count above: the one that finds the book over the cap takes itself back out.
    if (inserted && (await addresses.count({ memberId })) > ADDRESS_BOOK_MAX) {
      await addresses.remove(id);
      throw full();
    }
  }
  return { ...(await listAddresses(ctx, memberId)), addressId: id };
}
