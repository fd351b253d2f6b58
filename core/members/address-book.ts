import type { AddressBook, AddressDoc, AddressInput, AddressView } from '~/types/addresses';
import { ADDRESS_BOOK_MAX } from '~/types/addresses';
import type { EpochMs } from '~/types/units';

/**
 * The region text an order shows: province, city and district with spaces, a city that repeats
 * its province (北京市 北京市 东城区) said once.
 */
export function regionText(province: string, city: string, district: string): string {
  const parts = [province, city, district].map((part) => part.trim()).filter((part) => part !== '');
  return parts.filter((part, i) => part !== parts[i - 1]).join(' ');
}

/**
 * The default address: the one made default last. Deciding it on read keeps exactly one
 * default however two writes interleave; with no stamp at all, the newest address is it.
 */
export function defaultAddressId(docs: readonly AddressDoc[]): string | null {
  let best: AddressDoc | null = null;
  for (const doc of docs) {
    if (!best) best = doc;
    else {
      const a = doc.defaultAt ?? -1;
      const b = best.defaultAt ?? -1;
      if (a > b || (a === b && (doc.createdAt > best.createdAt || (doc.createdAt === best.createdAt && doc._id > best._id)))) best = doc;
    }
  }
  return best?._id ?? null;
}

/** The address that takes over when `removedId`, the default, goes: the newest of the rest. */
export function successorOf(docs: readonly AddressDoc[], removedId: string): AddressDoc | null {
  const rest = docs.filter((doc) => doc._id !== removedId);
  return rest.reduce<AddressDoc | null>((newest, doc) => (!newest || doc.createdAt > newest.createdAt ? doc : newest), null);
}

/** The stored fields of a typed address: trimmed, with the joined region text. */
export function addressFieldsOf(input: AddressInput): Omit<AddressDoc, '_id' | 'memberId' | 'defaultAt' | 'createdAt' | 'updatedAt'> {
  const province = input.province.trim();
  const city = input.city.trim();
  const district = input.district.trim();
  return {
    name: input.name.trim(),
    phone: input.phone.trim(),
    province,
    city,
    district,
    region: regionText(province, city, district),
    detail: input.detail.trim(),
  };
}

/** A new address document; the first one in a book is its default. */
export function newAddress(input: { id: string; memberId: string; fields: AddressInput; first: boolean; now: EpochMs }): AddressDoc {
  return {
    _id: input.id,
    memberId: input.memberId,
    ...addressFieldsOf(input.fields),
    defaultAt: input.first ? input.now : null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** The member's book as they see it: the default first, then the newest. */
export function toAddressBook(docs: readonly AddressDoc[]): AddressBook {
  const defaultId = defaultAddressId(docs);
  const items: AddressView[] = [...docs]
    .sort((a, b) => Number(b._id === defaultId) - Number(a._id === defaultId) || b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1))
    .map((doc) => ({
      id: doc._id,
      name: doc.name,
      phone: doc.phone,
      province: doc.province,
      city: doc.city,
      district: doc.district,
      region: doc.region,
      detail: doc.detail,
      isDefault: doc._id === defaultId,
    }));
  return { items, max: ADDRESS_BOOK_MAX };
}
