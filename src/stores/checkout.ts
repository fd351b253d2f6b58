import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { OrderPreview, OrdersResponses, OrderView } from '~/types/functions/orders';
import type { ShippingAddress } from '~/types/orders';
import * as ordersService from '../services/orders';
import type { CheckoutRequest, PlaceRequest } from '../services/orders';
import { newClientKey } from '../utils/client-key';
import { useCartStore } from './cart';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt, refused, toCloudError } from './outcome';

/** Where the last delivery address and pickup store are remembered between checkouts. */
export const ADDRESS_STORAGE_KEY = 'lm.address.v1';
export const STORE_STORAGE_KEY = 'lm.pickup-store.v1';

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
  storeId: string | null;
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
  setAddress: (address: ShippingAddress) => void;
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

/** Answers from older previews are dropped: only the latest request's preview is shown. */
let previewSeq = 0;

/** The checkout being prepared: what is bought, how it arrives, coupons, points, and the server's price for it. */
export const useCheckoutStore = create<CheckoutState>()((set, get) => {
  /** The preview: delivery is priced before an address is entered; pickup needs its store. */
  const previewRequest = (): CheckoutRequest | null => {
    const { items, couponIds, pointsRequested, mode, address, storeId } = get();
    if (mode === 'pickup') return storeId ? { items, couponIds, pointsRequested, delivery: { mode, storeId } } : null;
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
    stores: idle(),
    couponIds: [],
    couponsChosen: false,
    pointsRequested: 0,
    note: '',
    preview: idle(),
    previewing: false,
    notice: null,
    clientKey: newClientKey(),
    placing: false,

    begin: (items, source) => {
      set({
        items,
        source,
        couponIds: [],
        couponsChosen: false,
        pointsRequested: 0,
        note: '',
        preview: idle(),
        previewing: false,
        notice: null,
        clientKey: newClientKey(),
      });
    },

    refresh: async () => {
      const body = previewRequest();
      const seq = (previewSeq += 1);
      if (!body || body.items.length === 0) {
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
          preview: latest.data && error.code === 'NETWORK' ? { ...latest, status: 'ready', error } : { status: 'error', data: null, error },
          previewing: false,
        });
      }
    },

    loadStores: () =>
      loadInto(
        () => get().stores,
        (stores) => set({ stores }),
        async () => (await ordersService.listStores()).items,
      ),

    setMode: (mode) => {
      if (mode === get().mode) return;
      changed({ mode });
    },

    setAddress: (address) => {
      remember(ADDRESS_STORAGE_KEY, address);
      changed({ address, mode: 'delivery' });
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
      if (!body || !delivery) return refused('NEEDS_INPUT', get().mode === 'pickup' ? '请选择自提门店' : '请填写收货地址');
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
          set({ clientKey: newClientKey() });
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
});
