import { toAddressBook } from '~/core/members/address-book';
import type { AddressBook } from '~/types/addresses';
import type { RequestContext } from '../runtime/wx';
import { bookDocs } from './address-docs';

/** The member's address book, the default first. */
export async function listAddresses(ctx: RequestContext, memberId: string): Promise<AddressBook> {
  return toAddressBook(await bookDocs(ctx, memberId));
}
