import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { nearestStore } from '~/core/orders/nearest-store';
import type { OrderPreview, OrdersResponses, OrderView } from '~/types/functions/orders';
import type { ShippingAddress } from '~/types/orders';
import * as ordersService from '../services/orders';
import type { CheckoutRequest, PlaceRequest } from '../services/orders';
import { newClientKey } from '../utils/client-key';
import { useAddressStore } from './addresses';
import { useCartStore } from './cart';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt, refused, toCloudError } from './outcome';

/** Where the last delivery address and pickup store are remembered between checkouts. */
export const ADDRESS_STORAGE_KEY = 'lm.address.v1';
export const STORE_STORAGE_KEY = 'lm.pickup-store.v1';
/** Where the checkout being built is kept, so that a reload (or WeChat reclaiming the page) does not lose it. */
export const CHECKOUT_STORAGE_KEY = 'lm.checkout.v1';

export type DeliveryMode = 'delivery' | 'pickup';
export type PickupStore = OrdersResponses['stores']['items'][number];

export interface CheckoutItem {
  skuId: string;
  quantity: number;
}

export interface CheckoutState {
  items: CheckoutItem[];
  /** Whether the items came from the cart (bought lines leave it) or from 立即购买. */
  source: 'cart' | 'buyNow';
  mode: DeliveryMode;
  address: ShippingAddress | null;
  /** Whether the address was picked or typed for this checkout, so the member's default no longer replaces it. */
  addressChosen: boolean;
  storeId: string | null;
  /** The store preselected as nearest to the member, marked 离你最近 in the list. */
  nearestStoreId: string | null;
  stores: Loadable<PickupStore[]>;
  couponIds: string[];
  /** Once the member has chosen coupons themselves, the best one is no longer picked for them. */
  couponsChosen: boolean;
  /** Points asked for: the member's balance when the toggle is on (the server caps it), else 0. */
  pointsRequested: number;
  note: string;
  preview: Loadable<OrderPreview>;
  /** True while a preview for the latest choices is on its way (the one on screen may be stale). */
  previewing: boolean;
  /** Something the checkout changed on its own, to tell the member once (e.g. a coupon that stopped applying). */
  notice: string | null;
  /** The key of the order being placed; kept across retries of the same order. */
  clientKey: string;
  placing: boolean;
  begin: (items: CheckoutItem[], source: 'cart' | 'buyNow') => void;
  refresh: () => Promise<void>;
  loadStores: () => Promise<void>;
  setMode: (mode: DeliveryMode) => void;
  /** A guest's address, typed at checkout and remembered on this device. */
  setAddress: (address: ShippingAddress) => void;
  /** An address from the member's book, for this order only (the book keeps it on the server). */
  chooseAddress: (address: ShippingAddress) => void;
  /** A member's checkout starts at their default address; a book still empty leaves the address as it is. */
  takeDefaultAddress: () => Promise<void>;
  setStore: (storeId: string) => void;
  setCoupons: (couponIds: string[]) => void;
  setUsePoints: (on: boolean) => void;
  setNote: (note: string) => void;
  clearNotice: () => void;
  /**
   * Places the order for the payable total on screen. Fails as NEEDS_INPUT when something is
   * still to choose or load, and as PRICE_CHANGED with the new breakdown already on screen.
   */
  submit: () => Promise<Outcome<OrderView>>;
}

function readStored<T>(key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const stored: unknown = Taro.getStorageSync(key);
    const parsed: unknown = typeof stored === 'string' && stored.startsWith('{') ? JSON.parse(stored) : stored;
    return valid(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isAddress(value: unknown): value is ShippingAddress {
  if (typeof value !== 'object' || value === null) return false;
  const address = value as Record<string, unknown>;
  return ['name', 'phone', 'region', 'detail'].every((field) => typeof address[field] === 'string' && address[field] !== '');
}

const isStoreId = (value: unknown): value is string => typeof value === 'string' && value !== '';

function remember(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, typeof value === 'string' ? value : JSON.stringify(value));
  } catch (err) {
    console.error('[checkout] could not remember', key, err);
  }
}

/** Taro's synchronous storage, which both the weapp and H5 have, so the checkout is restored before the page renders. */
const taroStorage = {
  getItem: (key: string): string | null => {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : null;
  },
  setItem: (key: string, value: string): void => {
    try {
      Taro.setStorageSync(key, value);
    } catch (err) {
      console.error('[checkout] could not keep the checkout', err);
    }
  },
  removeItem: (key: string): void => Taro.removeStorageSync(key),
};

const LOCATION_WAIT_MS = 5_000;

/** The device's position when the member allows it; null when refused or unavailable (nothing is preselected then). */
async function whereAmI(): Promise<{ latitude: number; longitude: number } | null> {
  try {
    // Stores are placed in GCJ-02, as WeChat answers; browsers only give WGS-84, some 500 m off in
    // Shanghai, which is close enough to tell which store is nearest.
    const located = Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
    // A position that takes longer than a member waits for preselects nothing.
    const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOCATION_WAIT_MS));
    const found = await Promise.race([located, late]);
    if (!found) return null;
    const { latitude, longitude } = found;
    return Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : null;
  } catch {
    return null;
  }
}

/** What a new checkout starts from: the member's choices for the last one are not carried over. */
function freshChoices(): Pick<
  CheckoutState,
  'addressChosen' | 'couponIds' | 'couponsChosen' | 'pointsRequested' | 'note' | 'preview' | 'previewing' | 'notice' | 'clientKey'
> {
  return {
    addressChosen: false,
    couponIds: [],
    couponsChosen: false,
    pointsRequested: 0,
    note: '',
    preview: idle(),
    previewing: false,
    notice: null,
    clientKey: newClientKey(),
  };
}

/** Answers from older previews are dropped: only the latest request's preview is shown. */
let previewSeq = 0;

/** The checkout being prepared: what is bought, how it arrives, coupons, points, and the server's price for it. */
export const useCheckoutStore = create<CheckoutState>()(
  persist(
    (set, get) => {
      /** The preview: delivery is priced before an address is entered, pickup before a store is chosen. */
      const previewRequest = (): CheckoutRequest => {
        const { items, couponIds, pointsRequested, mode, address, storeId } = get();
        if (mode === 'pickup') return { items, couponIds, pointsRequested, delivery: storeId ? { mode, storeId } : { mode } };
        return { items, couponIds, pointsRequested, delivery: address ? { mode, address } : { mode } };
      };

      /** What placing needs beyond the preview: the address, or the pickup store. */
      const placeDelivery = (): PlaceRequest['delivery'] | null => {
        const { mode, address, storeId } = get();
        if (mode === 'pickup') return storeId ? { mode, storeId } : null;
        return address ? { mode, address } : null;
      };

      const changed = (fields: Partial<CheckoutState>) => {
        set({ ...fields, clientKey: newClientKey() });
        void get().refresh();
      };

      return {
        items: [],
        source: 'cart',
        mode: 'delivery',
        address: readStored(ADDRESS_STORAGE_KEY, isAddress),
        storeId: readStored(STORE_STORAGE_KEY, isStoreId),
        nearestStoreId: null,
        stores: idle(),
        ...freshChoices(),
        placing: false,

        begin: (items, source) => set({ items, source, ...freshChoices() }),

        refresh: async () => {
          const body = previewRequest();
          const seq = (previewSeq += 1);
          if (body.items.length === 0) {
            set({ preview: idle(), previewing: false });
            return;
          }
          const current = get().preview;
          set({ preview: { ...current, status: current.data ? current.status : 'loading', error: null }, previewing: true });
          try {
            const preview = await ordersService.previewOrder(body);
            if (seq !== previewSeq) return;
            set({ preview: { status: 'ready', data: preview, error: null }, previewing: false });
            const best = preview.coupons[0];
            if (!get().couponsChosen && get().couponIds.length === 0 && best && best.unusableReason === null && best.discountFen > 0) {
              set({ couponIds: [best.id] });
              await get().refresh();
            }
          } catch (err) {
            if (seq !== previewSeq) return;
            const error = toCloudError(err);
            const couponId = error.details?.couponId;
            // A chosen coupon that stopped applying (say, a delivery coupon on a pickup order) is dropped, and the member told why.
            if (error.code === 'NOT_ELIGIBLE' && typeof couponId === 'string' && get().couponIds.includes(couponId)) {
              set({ couponIds: get().couponIds.filter((id) => id !== couponId), notice: `已取消不可用的优惠券：${error.message}` });
              await get().refresh();
              return;
            }
            const latest = get().preview;
            set({
              preview:
                latest.data && error.code === 'NETWORK' ? { ...latest, status: 'ready', error } : { status: 'error', data: null, error },
              previewing: false,
            });
          }
        },

        loadStores: async () => {
          await loadInto(
            () => get().stores,
            (stores) => set({ stores }),
            async () => (await ordersService.listStores()).items,
          );
          const stores = get().stores.data ?? [];
          const chosen = get().storeId;
          if (chosen && stores.some((store) => store.id === chosen)) return;
          // No store chosen yet (or the remembered one closed): the nearest, when the member lets us know where they are.
          if (chosen) set({ storeId: null });
          const here = await whereAmI();
          const nearest = here ? nearestStore(stores, here) : null;
          if (nearest && !get().storeId && get().mode === 'pickup') {
            set({ nearestStoreId: nearest.id });
            get().setStore(nearest.id);
          }
        },

        setMode: (mode) => {
          if (mode === get().mode) return;
          changed({ mode });
        },

        setAddress: (address) => {
          remember(ADDRESS_STORAGE_KEY, address);
          changed({ address, addressChosen: true, mode: 'delivery' });
        },

        chooseAddress: (address) => changed({ address, addressChosen: true, mode: 'delivery' }),

        takeDefaultAddress: async () => {
          await useAddressStore.getState().load();
          const chosen = useAddressStore.getState().book.data?.items.find((item) => item.isDefault);
          if (!chosen || get().addressChosen) return;
          const address: ShippingAddress = { name: chosen.name, phone: chosen.phone, region: chosen.region, detail: chosen.detail };
          const current = get().address;
          if (current && (Object.keys(address) as (keyof ShippingAddress)[]).every((field) => current[field] === address[field])) return;
          changed({ address });
        },

        setStore: (storeId) => {
          remember(STORE_STORAGE_KEY, storeId);
          changed({ storeId, mode: 'pickup' });
        },

        setCoupons: (couponIds) => changed({ couponIds, couponsChosen: true }),

        setUsePoints: (on) => changed({ pointsRequested: on ? Math.max(0, get().preview.data?.points.available ?? 0) : 0 }),

        setNote: (note) => set({ note }),

        clearNotice: () => set({ notice: null }),

        submit: async () => {
          if (get().placing) return refused('NEEDS_INPUT', '订单正在提交，请稍候');
          const body = previewRequest();
          const delivery = placeDelivery();
          if (!delivery) return refused('NEEDS_INPUT', get().mode === 'pickup' ? '请选择自提门店' : '请填写收货地址');
          const shown = get().preview.data;
          if (!shown || get().preview.status !== 'ready' || get().previewing) return refused('NEEDS_INPUT', '订单金额正在更新，请稍候');
          set({ placing: true });
          try {
            const placed = await attempt(() =>
              ordersService.placeOrder({
                ...body,
                delivery,
                expectedPayableFen: shown.breakdown.payableFen,
                note: get().note.trim(),
                clientKey: get().clientKey,
              }),
            );
            if (placed.ok) {
              if (get().source === 'cart') useCartStore.getState().remove(placed.value.lines.map((line) => line.skuId));
              // Placed: the checkout is done, and a reload must not offer the same goods again.
              set({ items: [], clientKey: newClientKey() });
              return placed;
            }
            const fresh = placed.error?.details?.preview as OrderPreview | undefined;
            if (placed.code === 'PRICE_CHANGED' && fresh) {
              set({ preview: { status: 'ready', data: fresh, error: null } });
              return placed;
            }
            // Only a lost answer may have placed the order: keep its key so the retry finds it.
            if (placed.code !== 'NETWORK') set({ clientKey: newClientKey() });
            return placed;
          } finally {
            set({ placing: false });
          }
        },
      };
    },
    {
      name: CHECKOUT_STORAGE_KEY,
      storage: createJSONStorage(() => taroStorage),
      // What the member chose; prices, stores and the preview are always asked for again.
      partialize: (state) => ({
        items: state.items,
        source: state.source,
        mode: state.mode,
        address: state.address,
        addressChosen: state.addressChosen,
        couponIds: state.couponIds,
        couponsChosen: state.couponsChosen,
        pointsRequested: state.pointsRequested,
        note: state.note,
        clientKey: state.clientKey,
      }),
    },
  ),
);
