import { create } from 'zustand';
import type { AddressBook, AddressInput, AddressView } from '~/types/addresses';
import * as addressesService from '../services/addresses';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt } from './outcome';

export interface AddressesState {
  book: Loadable<AddressBook>;
  /** True while a change is on its way; the pages ignore a second tap meanwhile. */
  saving: boolean;
  /** Fields picked from WeChat's address list on the book page, for the form it opens to take. */
  prefill: AddressInput | null;
  load: () => Promise<void>;
  /** Adds an address; answers the saved address as the book now lists it. */
  add: (fields: AddressInput, clientKey: string) => Promise<Outcome<AddressView>>;
  update: (addressId: string, fields: AddressInput) => Promise<Outcome<AddressView>>;
  remove: (addressId: string) => Promise<Outcome<AddressBook>>;
  setDefault: (addressId: string) => Promise<Outcome<AddressBook>>;
  setPrefill: (fields: AddressInput | null) => void;
  /** Forgets the book (the account was deleted, or another person signed in). */
  reset: () => void;
}

/** The signed-in member's server-side address book. */
export const useAddressStore = create<AddressesState>()((set, get) => {
  /** Runs a change; on success the answered book replaces the one on screen. */
  const change = async <T extends AddressBook>(call: () => Promise<T>): Promise<Outcome<T>> => {
    set({ saving: true });
    try {
      const outcome = await attempt(call);
      if (outcome.ok) set({ book: { status: 'ready', data: outcome.value, error: null } });
      return outcome;
    } finally {
      set({ saving: false });
    }
  };

  const saved = (outcome: Outcome<AddressBook & { addressId: string }>): Outcome<AddressView> => {
    if (!outcome.ok) return outcome;
    const address = outcome.value.items.find((item) => item.id === outcome.value.addressId);
    return address ? { ok: true, value: address } : { ok: false, code: 'NOT_FOUND', message: '地址不存在或已删除', error: null };
  };

  return {
    book: idle(),
    saving: false,
    prefill: null,

    load: () =>
      loadInto(
        () => get().book,
        (book) => set({ book }),
        () => addressesService.listAddresses(),
      ),

    add: async (fields, clientKey) => saved(await change(() => addressesService.addAddress(fields, clientKey))),

    update: async (addressId, fields) => saved(await change(() => addressesService.updateAddress(addressId, fields))),

    remove: (addressId) => change(() => addressesService.removeAddress(addressId)),

    setDefault: (addressId) => change(() => addressesService.setDefaultAddress(addressId)),

    setPrefill: (prefill) => set({ prefill }),

    reset: () => set({ book: idle(), prefill: null }),
  };
});
