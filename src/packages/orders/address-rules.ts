import type { AddressInput } from '~/types/addresses';
import type { ShippingAddress } from '~/types/orders';
import { regionText } from '~/core/members/address-book';

/** The form's fields as it shows them: the region is one row with the picker. */
export type AddressField = 'name' | 'phone' | 'region' | 'detail';

/** The same limits as the member function's address schema and the orders function's, checked before sending. */
const RULES: { field: AddressField; label: string; test: (draft: AddressInput) => boolean; message: string }[] = [
  { field: 'name', label: '收货人', test: (d) => d.name.length >= 1 && d.name.length <= 20, message: '请填写收货人姓名（20字以内）' },
  { field: 'phone', label: '手机号', test: (d) => /^1[3-9][0-9]{9}$/.test(d.phone), message: '请填写11位手机号' },
  {
    field: 'region',
    label: '所在地区',
    test: (d) => [d.province, d.city, d.district].every((part) => part.length >= 1 && part.length <= 20),
    message: '请选择所在地区（省 / 市 / 区）',
  },
  {
    field: 'detail',
    label: '详细地址',
    test: (d) => d.detail.length >= 1 && d.detail.length <= 120,
    message: '请填写详细地址（120字以内）',
  },
];

export const ADDRESS_FIELDS = RULES.map(({ field, label }) => ({ field, label }));

export const EMPTY_DRAFT: AddressInput = { name: '', phone: '', province: '', city: '', district: '', detail: '' };

/** The address trimmed, or the first field that is wrong and why. */
export function checkAddress(
  draft: AddressInput,
): { ok: true; address: AddressInput } | { ok: false; field: AddressField; message: string } {
  const address: AddressInput = {
    name: draft.name.trim(),
    phone: draft.phone.replace(/\s+/g, ''),
    province: draft.province.trim(),
    city: draft.city.trim(),
    district: draft.district.trim(),
    detail: draft.detail.trim(),
  };
  const failed = RULES.find((rule) => !rule.test(address));
  return failed ? { ok: false, field: failed.field, message: failed.message } : { ok: true, address };
}

/** The address an order carries. */
export function toShippingAddress(address: AddressInput & { region?: string }): ShippingAddress {
  return {
    name: address.name,
    phone: address.phone,
    region: address.region ?? regionText(address.province, address.city, address.district),
    detail: address.detail,
  };
}

/**
 * A device-kept address back in the form's fields. Its region is one text: three parts are
 * province, city, district; two are a city-level municipality said once (上海市 静安区).
 */
export function draftOf(address: ShippingAddress): AddressInput {
  const parts = address.region.split(/\s+/).filter(Boolean);
  const [province = '', city = '', district = ''] = parts.length === 2 ? [parts[0], parts[0], parts[1]] : parts.length === 3 ? parts : [];
  return { name: address.name, phone: address.phone, province, city, district, detail: address.detail };
}

/** The typed fields of a saved address, for the form to edit. */
export function inputOf(address: AddressInput): AddressInput {
  const { name, phone, province, city, district, detail } = address;
  return { name, phone, province, city, district, detail };
}
