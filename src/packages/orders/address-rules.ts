import type { ShippingAddress } from '~/types/orders';

/** The same limits as the orders function's address schema, checked before sending. */
const RULES: { field: keyof ShippingAddress; label: string; test: (value: string) => boolean; message: string }[] = [
  { field: 'name', label: '收货人', test: (v) => v.length >= 1 && v.length <= 20, message: '请填写收货人姓名（20字以内）' },
  { field: 'phone', label: '手机号', test: (v) => /^1[3-9][0-9]{9}$/.test(v), message: '请填写11位手机号' },
  { field: 'region', label: '所在地区', test: (v) => v.length >= 1 && v.length <= 60, message: '请填写所在地区，如「上海市 静安区」' },
  { field: 'detail', label: '详细地址', test: (v) => v.length >= 1 && v.length <= 120, message: '请填写详细地址（120字以内）' },
];

export const ADDRESS_FIELDS = RULES.map(({ field, label }) => ({ field, label }));

/** The address trimmed, or the first field that is wrong and why. */
export function checkAddress(
  draft: ShippingAddress,
): { ok: true; address: ShippingAddress } | { ok: false; field: keyof ShippingAddress; message: string } {
  const address: ShippingAddress = {
    name: draft.name.trim(),
    phone: draft.phone.replace(/\s+/g, ''),
    region: draft.region.trim(),
    detail: draft.detail.trim(),
  };
  const failed = RULES.find((rule) => !rule.test(address[rule.field]));
  return failed ? { ok: false, field: failed.field, message: failed.message } : { ok: true, address };
}
