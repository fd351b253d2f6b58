import { addressFieldsOf } from '~/core/members/address-book';
import type { AddressBook, AddressInput } from '~/types/addresses';
import type { RequestContext } from '../runtime/wx';
import { ownAddress } from './address-docs';
import { listAddresses } from './list-addresses';

/** Changes one of the member's own addresses; sending the same fields again changes nothing more. */
export async function updateAddress(
  ctx: RequestContext,
  input: { memberId: string; addressId: string; fields: AddressInput },
): Promise<AddressBook & { addressId: string }> {
  const { memberId, addressId, fields } = input;
  await ownAddress(ctx, memberId, addressId);
  await ctx.db.collection('member_addresses').updateWhere({ _id: addressId, memberId }, { ...addressFieldsOf(fields), updatedAt: ctx.now });
  return { ...(await listAddresses(ctx, memberId)), addressId };
}
