import type { LocalCloud } from '../../local-cloud/local-cloud';
import type { CouponTerms } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { OrderDoc, StoreDoc } from '~/types/orders';
import { campaignCoupon, oneSkuProduct } from './catalog-fixtures';
import { GatewayClient } from './gateway';
import { stored, storedInOrder } from './stored';
import type { CollectionName, Collections } from '~/types/collections';

/** A one-SKU product with its stock, for checkout tests with numbers that are easy to follow. */
export function addProduct(
  cloud: LocalCloud,
  id: string,
  fields: { title: string; priceFen: number; stock: number; memberPrice?: boolean },
  now = Date.now(),
): string {
  const { product, stock } = oneSkuProduct(id, fields, now);
  cloud.store.insert('products', { ...product });
  cloud.store.insert('sku_stock', { ...stock });
  return stock._id;
}

/** A pickup store. */
export function addStore(cloud: LocalCloud, id: string): void {
  const store: StoreDoc = {
    _id: id,
    name: '测试门店',
    address: '上海市静安区测试路1号',
    phone: '021-00000000',
    openHours: '10:00-22:00',
    status: 'open',
  };
  cloud.store.insert('stores', { ...store });
}

/** Gives a member a coupon instance straight into the store (as a campaign would). */
export function giveCoupon(cloud: LocalCloud, memberId: string, id: string, terms: CouponTerms, now = Date.now()): string {
  const coupon = campaignCoupon(memberId, id, terms, now);
  cloud.store.insert('coupon_instances', { ...coupon });
  return coupon._id;
}

/** A document as the store holds it now. */
export function docOf<N extends CollectionName>(cloud: LocalCloud, collection: N, id: string): Collections[N] {
  return stored(cloud, collection, id);
}

/** Changes fields of a stored document, as a test moving time or state by hand. */
export function patchDoc<N extends CollectionName>(cloud: LocalCloud, collection: N, id: string, fields: Partial<Collections[N]>): void {
  cloud.store.replace(collection, { ...docOf(cloud, collection, id), ...fields });
}

/** Signs in to the admin function as the bootstrap admin and answers a caller with the token filled in. */
export async function adminCaller(cloud: LocalCloud, password: string) {
  const page = new GatewayClient(cloud.url);
  await page.call('admin', { action: 'bootstrapAdmin' });
  const login = await page.call<{ ok: boolean; data: { token: string } }>('admin', { action: 'login', username: 'admin', password });
  const token = login.body.data.token;
  return <T = unknown>(action: string, payload: Record<string, unknown> = {}) => page.call<T>('admin', { action, token, ...payload });
}

/** The only member in the store (each test cloud starts empty). */
export function onlyMember(cloud: LocalCloud): MemberDoc {
  const members = storedInOrder(cloud, 'members');
  expect(members).toHaveLength(1);
  return members[0] as MemberDoc;
}

/** A member's orders as stored, oldest first. */
export function ordersOf(cloud: LocalCloud, memberId: string): OrderDoc[] {
  return storedInOrder(cloud, 'orders').filter((order) => order.memberId === memberId);
}
