import * as z from 'zod';
import type { EpochMs } from './units';

/** How many addresses one member may keep. */
export const ADDRESS_BOOK_MAX = 20;

/**
 * `member_addresses`: one document per saved delivery address. `_id` is `<memberId>:<clientKey>`,
 * the key the client made for the 新增 tap, so a retried add finds the address it made.
 * The default is the address with the latest `defaultAt` (see core/members/address-book).
 */
export interface AddressDoc {
  _id: string;
  memberId: string;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  /** The province, city and district joined as the order's `ShippingAddress.region` shows them. */
  region: string;
  detail: string;
  /** When the member (or the book, for a first or replacement default) made it the default; null when never. */
  defaultAt: EpochMs | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

const part = (label: string) => z.string().trim().min(1, `请选择所在地区（${label}）`).max(20, `${label}名称过长`);

/** The fields a member types for one address; the same limits as the address form and the orders function. */
export const addressFields = {
  name: z.string().trim().min(1, '请填写收货人姓名（20字以内）').max(20, '请填写收货人姓名（20字以内）'),
  phone: z.string().regex(/^1[3-9][0-9]{9}$/, '请填写11位手机号'),
  province: part('省'),
  city: part('市'),
  district: part('区县'),
  detail: z.string().trim().min(1, '请填写详细地址（120字以内）').max(120, '请填写详细地址（120字以内）'),
};

/** The fields of one address as typed, before the server joins the region text. */
export type AddressInput = { [K in keyof typeof addressFields]: string };

/** One address as its owner sees it. */
export interface AddressView {
  id: string;
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  region: string;
  detail: string;
  isDefault: boolean;
}

/** The member's address book: the default first, then the newest. */
export interface AddressBook {
  items: AddressView[];
  max: number;
}
