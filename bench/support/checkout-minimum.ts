import type { OrderShape } from './checkout-fixtures';

/** The three requests one order makes: placing it, starting payment, and the payment being applied. */
export type Phase = 'place' | 'pay' | 'callback';
export const PHASES: Phase[] = ['place', 'pay', 'callback'];

/** What each phase runs, as the benchmark labels its rows. */
export const PHASE_LABELS: Record<Phase, string> = {
  place: 'placeOrder',
  pay: 'startPayment',
  callback: 'pay-callback (applyPayment)',
};

/** The fewest round trips of one phase, as numbered reasons. */
export interface PhaseMinimum {
  trips: number;
  parts: { trips: number; why: string }[];
}

const phase = (parts: [trips: number, why: string][]): PhaseMinimum => {
  const kept = parts.filter(([trips]) => trips > 0).map(([trips, why]) => ({ trips, why }));
  return { trips: kept.reduce((sum, part) => sum + part.trips, 0), parts: kept };
};

/**
 * The fewest database round trips an uncontended order of `shape` needs, from what must be
 * read and written for it to be priced by the server, to hold stock, coupon and points without
 * overselling or double-spending, and to be paid exactly once with its loyalty effects. Each
 * document operation is one request on WeChat cloud (a transaction's start, reads, writes and
 * commit each too). The member arrives with the request (the route reads it by OPENID), and
 * the programme and shop settings are cached per instance.
 */
export function orderMinimum(shape: OrderShape): Record<Phase, PhaseMinimum> {
  const { lines, coupons } = shape;
  return {
    place: phase([
      [1, "products read (one `_id in` query for the cart's prices and shelf state)"],
      [coupons > 0 ? 1 : 0, 'coupon read (terms and window of the chosen coupon)'],
      [1, "order insert (its _id comes from the client's order key, so a retry meets the duplicate)"],
      [
        lines,
        "stock: one guarded update per line, taking the units only if there are enough and writing the order's hold entry in the same update " +
          '(so a retried hold or release is a no-op and buyers of one SKU never conflict)',
      ],
      [coupons, 'coupon lock: guarded update issued → locked (no read: the coupon was just read for pricing)'],
      [
        shape.usesPoints ? 8 : 0,
        'points spend: start, entry read (its key), member read, read of the bucket that covers it, bucket write, member write, entry insert, commit',
      ],
      [1, 'order write: open for payment'],
    ]),
    pay: phase([
      [1, 'order read (owner, state, amount)'],
      [
        1,
        'order write: payment started (a later cancel must close the WeChat Pay order); plus one cloudPay.unifiedOrder call, not a database request',
      ],
    ]),
    callback: phase([
      [1, 'order read by out_trade_no'],
      [1, 'order write: paid, guarded on pendingPayment'],
      [1, 'payment record insert (its _id is the transaction id)'],
      [coupons, 'coupon use: guarded update locked → used'],
      [lines, "held stock sold: one guarded update per line removing the order's hold entry"],
      [
        7,
        'earn posting: start, entry read, member read, pending-lot write, member write (carrying the last-paid date), entry insert, commit',
      ],
      [2, "qualifying spend: record insert + rolling-window sum (the member's tier came with the earn posting)"],
      [lines, "sales count: one update per line's product (the quantities differ, so one multi-document update cannot do it)"],
    ]),
  };
}

/** All three phases of an order of `shape`. */
export const orderTotalMinimum = (shape: OrderShape) => Object.values(orderMinimum(shape)).reduce((sum, part) => sum + part.trips, 0);

/** The extra round trips of an order placed and paid through the `orders` function's routes rather than the use-cases. */
export const ROUTE_MINIMUM = {
  trips: 2,
  why: 'each of the two requests (place, pay) identifies its member: 1 member read by OPENID each; the placed order is answered from what placeOrder returned',
};

/** A place where the orders code makes more round trips than the minimum, with the count for an order of a given shape. */
export interface Excess {
  phase: Phase;
  trips: (shape: OrderShape) => number;
  where: string;
  why: string;
}

/**
 * Where the orders code spends more than `orderMinimum`, as read from the code; the measured
 * counts show whether these add up. Before the resumable-steps runner the list also held: the
 * order read before pricing, the progress writes after the stock holds and after the coupon
 * locks, the coupon read before its lock, the stock read after the holds, the coupon list of
 * an order without a coupon, the order read after the payment-start write and the order read
 * after the paid move (see BEFORE in before-after.ts for the figures then).
 */
export const EXCESS: Excess[] = [
  {
    phase: 'place',
    trips: () => 1,
    where: 'server/catalog/load-cart-products.ts readStock, called by buildCheckout',
    why: 'a stock snapshot at placement, for a clear message before anything is held; the guarded updates alone decide',
  },
  {
    phase: 'pay',
    trips: () => 1,
    where: 'server/orders/start-payment.ts startPayment (order read after unifiedOrder)',
    why: 'a cancel that ran while WeChat Pay created the payment closed nothing (the payment did not exist yet): this read finds the cancelled order and closes the payment, so a cancelled order is never payable',
  },
  {
    phase: 'callback',
    trips: (shape) => shape.coupons,
    where: 'server/coupons/use-coupon.ts loadOwnCoupon',
    why: 'reads the coupon before the guarded locked → used update, which alone decides',
  },
  {
    phase: 'callback',
    trips: () => 1,
    where: 'server/tiers/qualifying-spend.ts (member read)',
    why: "reads the member for its tier (alongside the rolling sum, so no extra wait) right after the earn posting's transaction read it",
  },
  {
    phase: 'callback',
    trips: () => 1,
    where: 'server/orders/apply-payment.ts finishPaymentEffects (lastPaidAt)',
    why: "a separate member write; postEntry's memberFields could carry it in the earn posting's member write (a separate write is still needed when an order earns no points)",
  },
];

/** Route overhead beyond ROUTE_MINIMUM. */
export const ROUTE_EXCESS = {
  trips: 0,
  where: 'server/orders/routes.ts place',
  why: 'none: the place route answers the order placeOrder gave back, and reads refunds only for a replayed order that has some',
};
