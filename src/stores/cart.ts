import Taro from '@tarojs/taro';
import { create } from 'zustand';
import type { CartItemCheck, CartItemState, CartTerms } from '~/types/functions/catalog';
import { yuanText } from '~/core/money/format';
import type { Fen } from '~/types/units';
import type { CloudError } from '../services/cloud';
import * as catalogService from '../services/catalog';
import { toCloudError } from './outcome';

/** Where the cart is kept between visits (Taro storage: wx storage in the mini-program, localStorage in H5). */
export const CART_STORAGE_KEY = 'lm.cart.v1';

/** The server's limits on one order: 50 lines, 99 of each. */
export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

/** One cart line as the member added it, with the price they were shown then. */
export interface CartLine {
  skuId: string;
  productId: string;
  title: string;
  specText: string;
  imageUrl: string;
  quantity: number;
  selected: boolean;
  priceFen: Fen;
  /** The member's price when added or last checked; a different current price is reported once. */
  memberPriceFen: Fen;
  addedAt: number;
}

/** What the last check said of one line; `priceChanged` carries the price the member saw before. */
export interface CartLineCheck {
  state: CartItemState;
  message: string | null;
  stock: number;
  previousMemberPriceFen: Fen | null;
}

export interface CartState {
  lines: CartLine[];
  /** The last check of each line by SKU, from catalog.checkCart. */
  checks: Record<string, CartLineCheck>;
  checkStatus: 'idle' | 'checking' | 'ready' | 'error';
  checkError: CloudError | null;
  /** The shipping rule and coupon thresholds from the last check, for the 凑单 prompt; null until checked. */
  terms: CartTerms | null;
  /** Adds units of a SKU (merging with its line); answers false when the cart is full. */
  add: (line: Omit<CartLine, 'selected' | 'addedAt' | 'quantity'>, quantity: number) => boolean;
  setQuantity: (skuId: string, quantity: number) => void;
  toggle: (skuId: string) => void;
  /** Selects every line that can be bought, or clears the selection. */
  selectAll: (selected: boolean) => void;
  remove: (skuIds: string[]) => void;
  /** Checks every line against the catalogue: current prices, stock, shelf state. */
  validate: () => Promise<void>;
}

/** Whether a line can go to checkout as it stands: in stock for its quantity and on the shelf. */
export function isBuyable(line: Pick<CartLine, 'quantity'>, check: CartLineCheck | undefined): boolean {
  if (!check) return true;
  if (check.state === 'ok' || check.state === 'priceChanged') return true;
  return check.state === 'insufficientStock' && line.quantity <= check.stock;
}

/** The lines that would go to checkout now: selected and buyable. */
export function checkoutLines(state: Pick<CartState, 'lines' | 'checks'>): CartLine[] {
  return state.lines.filter((line) => line.selected && isBuyable(line, state.checks[line.skuId]));
}

/** The estimate the cart shows: member prices of the selected lines, before coupons, points and shipping. */
export function estimateOf(lines: readonly CartLine[]): { count: number; memberFen: Fen; listFen: Fen } {
  return lines.reduce(
    (sum, line) => ({
      count: sum.count + line.quantity,
      memberFen: sum.memberFen + line.memberPriceFen * line.quantity,
      listFen: sum.listFen + line.priceFen * line.quantity,
    }),
    { count: 0, memberFen: 0, listFen: 0 },
  );
}

// Always with fen and, unlike formatFen, without grouping: ¥1299.00.
const priceText = (fen: Fen) => `¥${yuanText(fen)}`;

/** Folds the server's check into the cart: refreshed line facts, problems per line, and price changes against what was shown. */
export function applyChecks(
  lines: readonly CartLine[],
  results: readonly CartItemCheck[],
): { lines: CartLine[]; checks: Record<string, CartLineCheck> } {
  const bySku = new Map(results.map((result) => [result.skuId, result]));
  const checks: Record<string, CartLineCheck> = {};
  const next = lines.map((line) => {
    const result = bySku.get(line.skuId);
    if (!result) return line;
    if (result.state !== 'ok') {
      checks[line.skuId] = { state: result.state, message: result.message, stock: result.stock, previousMemberPriceFen: null };
      const gone = result.state === 'notFound' || result.state === 'offShelf' || result.state === 'soldOut';
      return gone ? { ...line, selected: false } : line;
    }
    const changed = result.memberPriceFen !== line.memberPriceFen;
    checks[line.skuId] = changed
      ? {
          state: 'priceChanged',
          message: `价格已${result.memberPriceFen > line.memberPriceFen ? '上调' : '下调'}：${priceText(line.memberPriceFen)} → ${priceText(result.memberPriceFen)}`,
          stock: result.stock,
          previousMemberPriceFen: line.memberPriceFen,
        }
      : { state: 'ok', message: null, stock: result.stock, previousMemberPriceFen: null };
    return {
      ...line,
      title: result.title || line.title,
      specText: result.specText,
      imageUrl: result.imageUrl || line.imageUrl,
      priceFen: result.priceFen,
      memberPriceFen: result.memberPriceFen,
    };
  });
  return { lines: next, checks };
}

function readStoredLines(): CartLine[] {
  try {
    const stored: unknown = Taro.getStorageSync(CART_STORAGE_KEY);
    const parsed: unknown = typeof stored === 'string' && stored ? JSON.parse(stored) : stored;
    return Array.isArray(parsed) ? (parsed as CartLine[]).filter((line) => typeof line?.skuId === 'string' && line.quantity > 0) : [];
  } catch {
    return [];
  }
}

const clampQuantity = (quantity: number) => Math.max(1, Math.min(MAX_LINE_QUANTITY, Math.floor(quantity)));

/** The shopping cart, kept in storage; checked against the catalogue whenever the cart opens. */
export const useCartStore = create<CartState>()((set, get) => ({
  lines: readStoredLines(),
  checks: {},
  checkStatus: 'idle',
  checkError: null,
  terms: null,

  add: (line, quantity) => {
    const lines = get().lines;
    const existing = lines.find((item) => item.skuId === line.skuId);
    if (existing) {
      set({
        lines: lines.map((item) =>
          item.skuId === line.skuId ? { ...item, ...line, selected: true, quantity: clampQuantity(item.quantity + quantity) } : item,
        ),
      });
      return true;
    }
    if (lines.length >= MAX_CART_LINES) return false;
    set({ lines: [{ ...line, quantity: clampQuantity(quantity), selected: true, addedAt: Date.now() }, ...lines] });
    return true;
  },

  setQuantity: (skuId, quantity) => {
    set({ lines: get().lines.map((line) => (line.skuId === skuId ? { ...line, quantity: clampQuantity(quantity) } : line)) });
  },

  toggle: (skuId) => {
    const { lines, checks } = get();
    set({
      lines: lines.map((line) =>
        line.skuId === skuId && (line.selected || isBuyable(line, checks[skuId])) ? { ...line, selected: !line.selected } : line,
      ),
    });
  },

  selectAll: (selected) => {
    const { lines, checks } = get();
    set({ lines: lines.map((line) => ({ ...line, selected: selected && isBuyable(line, checks[line.skuId]) })) });
  },

  remove: (skuIds) => {
    const { lines, checks } = get();
    const rest = { ...checks };
    skuIds.forEach((skuId) => delete rest[skuId]);
    set({ lines: lines.filter((line) => !skuIds.includes(line.skuId)), checks: rest });
  },

  validate: async () => {
    const asked = get().lines;
    if (asked.length === 0) {
      set({ checks: {}, checkStatus: 'ready', checkError: null });
      return;
    }
    set({ checkStatus: 'checking', checkError: null });
    try {
      const { items, ...terms } = await catalogService.checkCart(asked.map((line) => ({ skuId: line.skuId, quantity: line.quantity })));
      // Lines changed while the check was in flight keep their own facts; the next check sees them.
      const { lines, checks } = applyChecks(get().lines, items);
      set({ lines, checks: { ...get().checks, ...checks }, checkStatus: 'ready', terms });
    } catch (err) {
      set({ checkStatus: 'error', checkError: toCloudError(err) });
    }
  },
}));

// Every change to the lines is written through, so the cart survives closing the mini-program.
useCartStore.subscribe((state, previous) => {
  if (state.lines === previous.lines) return;
  try {
    Taro.setStorageSync(CART_STORAGE_KEY, JSON.stringify(state.lines));
  } catch (err) {
    console.error('[cart] could not save the cart', err);
  }
});
