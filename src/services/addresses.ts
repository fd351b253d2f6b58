import type { AddressBook, AddressInput } from '~/types/addresses';
import type { MemberResponses } from '~/types/functions/member';
import { callFunction } from './cloud';

/** The member's address book, the default first; NOT_A_MEMBER for a guest. */
export function listAddresses(): Promise<AddressBook> {
  return callFunction('member', 'listAddresses', {});
}

/** Adds an address; `clientKey` is made once per form, so a retried save adds it once. */
export function addAddress(fields: AddressInput, clientKey: string): Promise<MemberResponses['addAddress']> {
  return callFunction('member', 'addAddress', { ...fields, clientKey });
}

/** Changes one of the member's addresses. */
export function updateAddress(addressId: string, fields: AddressInput): Promise<MemberResponses['updateAddress']> {
  return callFunction('member', 'updateAddress', { ...fields, addressId });
}

/** Deletes one of the member's addresses; the server hands the default on when it was the default. */
export function removeAddress(addressId: string): Promise<AddressBook> {
  return callFunction('member', 'removeAddress', { addressId });
}

/** Makes one of the member's addresses the default. */
export function setDefaultAddress(addressId: string): Promise<AddressBook> {
  return callFunction('member', 'setDefaultAddress', { addressId });
}
