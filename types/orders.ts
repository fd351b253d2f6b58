import type { EpochMs, Fen, Points } from './units';

/**
 * An order's life. `placing` holds stock, coupons and points step by step (`progress`); a
 * placement that cannot finish gives back what it took and ends `failed`. Then
 * pendingPayment → paid → shipped → completed for delivery, pendingPayment → paid → completed
 * (picked up with the pickup code) for store pickup; pendingPayment → cancelled by the member
 * or when the payment deadline passes; any paid state → refunded once every line is refunded.
 */
export type OrderStatus = 'placing' | 'failed' | 'pendingPayment' | 'cancelled' | 'paid' | 'shipped' | 'completed' | 'refunded';

export type PlacementProgress = 'created' | 'stockHeld' | 'couponsLocked' | 'pointsHeld';

export interface ShippingAddress {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

/** The carriers an order ships with (the admin page offers these). */
export const CARRIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '京东物流', 'EMS', '其他'] as const;
export type Carrier = (typeof CARRIERS)[number];

export type OrderDelivery =
  | {
      mode: 'delivery';
      address: ShippingAddress;
      trackingNo: string | null;
      /** Who carries it, set when shipped; absent on orders shipped before carriers were recorded. */
      carrier?: Carrier | null;
    }
  | { mode: 'pickup'; storeId: string; storeName: string; pickupCode: string | null };

export interface OrderLine {
  lineId: string;
  productId: string;
  skuId: string;
  title: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: Fen;
  quantity: number;
  listFen: Fen;
  memberFen: Fen;
  couponFen: Fen;
  pointsFen: Fen;
  /** Points used on this line: the order's points split over lines by their points discount. */
  pointsUsed: Points;
  paidFen: Fen;
  /** The refund that refunded this line, once one has. */
  refundId: string | null;
}

export interface OrderEvent {
  status:
    | OrderStatus
    | 'refundRequested'
    | 'refundRejected'
    | 'refundApproved'
    | 'lineRefunded'
    | 'returnApproved'
    | 'returnShipped'
    | 'returnReceived';
  at: EpochMs;
  note: string;
}

/** An order's totals, as priced by core/pricing: what the checkout previews and the order carries. */
export interface OrderBreakdown {
  listFen: Fen;
  memberDiscountFen: Fen;
  goodsSubtotalFen: Fen;
  couponDiscountFen: Fen;
  pointsUsed: Points;
  pointsDiscountFen: Fen;
  shippingFeeFen: Fen;
  shippingDiscountFen: Fen;
  payableFen: Fen;
  /** Points the order earns once paid. */
  pointsToEarn: Points;
}

/**
 * `orders` collection. `_id` is derived from the member and the client's order key, so a
 * retried placement finds the first order. `orderNo` is the number members and staff read, and
 * the payment's out_trade_no.
 */
export interface OrderDoc extends OrderBreakdown {
  _id: string;
  orderNo: string;
  memberId: string;
  status: OrderStatus;
  progress: PlacementProgress;
  /** Why a placement failed (an error code), when it did. */
  failure: { code: string; message: string } | null;
  leaseUntil: EpochMs;
  lines: OrderLine[];
  couponIds: string[];
  delivery: OrderDelivery;
  note: string;
  /** Unpaid orders are cancelled after this. */
  payDeadline: EpochMs;
  /** Set when a payment was started with WeChat Pay (or the local simulation). */
  paymentStartedAt: EpochMs | null;
  transactionId: string | null;
  paidAt: EpochMs | null;
  shippedAt: EpochMs | null;
  completedAt: EpochMs | null;
  cancelledAt: EpochMs | null;
  cancelReason: string | null;
  /** Refunded so far, in fen and points. */
  refundedFen: Fen;
  refundedPoints: Points;
  /** Whether the order took its stock, and the lines whose stock went back when refunded before shipping. */
  stockHeld: boolean;
  stockReturned: string[];
  /** Set once a cancelled or failed order has given back its stock, coupons and points. */
  holdsReturned: boolean;
  /** Whether the member ever asked for a refund (the orders list's 退款/售后 tab). */
  hasRefund: boolean;
  /**
   * The refund that last asked for each line (lineId → refund `_id`), claimed in the transaction
   * that creates it, so two requests for a line cannot both be taken; a rejected refund frees its
   * lines. Absent on orders never asked to refund.
   */
  refundHolds?: Record<string, string>;
  timeline: OrderEvent[];
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/**
 * A refund's life: requested → refunding → refunded (仅退款), or requested → awaitingReturn →
 * refunding → refunded (退货退款: the money goes back once the goods are received); requested or
 * awaitingReturn → rejected.
 */
export type RefundStatus = 'requested' | 'awaitingReturn' | 'rejected' | 'refunding' | 'refunded';

/** 仅退款: the money back, the goods stay (or never left); 退货退款: the goods come back first. */
export type RefundKind = 'refundOnly' | 'returnAndRefund';

/** Where returned goods go, and what the member should know (shop settings, copied onto a return when approved). */
export interface ReturnAddress {
  name: string;
  phone: string;
  address: string;
  note: string;
}

/** How the member says they sent the goods back. */
export interface ReturnShipment {
  carrier: Carrier | null;
  waybillNo: string;
  at: EpochMs;
}

/** The steps of an approved refund, in order (server/orders/refund-steps). */
export type RefundProgress =
  | 'pending'
  | 'lines'
  | 'paidBack'
  | 'restocked'
  | 'pointsReturned'
  | 'pointsClawedBack'
  | 'couponsReturned'
  | 'spendLowered'
  | 'codeFreed'
  | 'done';

/**
 * `refunds` collection. `_id` is derived from the order and the client's refund key. Lines are
 * refunded whole; the amount is what those lines paid (plus the shipping fee on a full refund
 * before shipping).
 */
export interface RefundDoc {
  _id: string;
  refundNo: string;
  orderId: string;
  orderNo: string;
  memberId: string;
  lineIds: string[];
  reason: string;
  status: RefundStatus;
  /** Absent on refunds asked for before there were kinds: those are 仅退款. */
  kind?: RefundKind;
  /** What the lines paid when asked; once approved (the lines marked refunded), what is paid back. */
  amountFen: Fen;
  /** The amount when asked, kept as it was (absent on refunds asked for before it was recorded). */
  requestedFen?: Fen;
  /** Points used on the refunded lines, given back. */
  pointsReturned: Points;
  /** Points the refunded lines earned, taken back. */
  pointsClawedBack: Points;
  /** What happened to the order's coupons: returned on a full refund, kept as used otherwise. */
  couponPolicy: 'returned' | 'kept';
  restock: boolean;
  reviewedBy: string | null;
  reviewNote: string | null;
  requestedAt: EpochMs;
  reviewedAt: EpochMs | null;
  refundedAt: EpochMs | null;
  /** 退货退款: where the goods go back (set when approved), what the member sent, and when the goods arrived. */
  returnTo?: ReturnAddress | null;
  returnShipment?: ReturnShipment | null;
  returnReceivedAt?: EpochMs | null;
  /** `pending` until every step of the approved refund is taken (each idempotent, so none is recorded on its own), then `done`. */
  progress: RefundProgress;
  /** The WeChat Pay refund calls that failed while paying it back (absent before the first failure). */
  payBack?: RefundPayBackFailures;
  /** Set when a person must settle the refund: WeChat Pay reported it abnormal, or its retries ran out. */
  abnormal?: RefundAbnormal | null;
  updatedAt: EpochMs;
}

/** How often paying a refund back failed, the last error, and when: the retry job's record of its attempts. */
export interface RefundPayBackFailures {
  failedAttempts: number;
  lastError: string;
  lastFailedAt: EpochMs;
}

/**
 * A refund a person must look at: WeChat Pay's asynchronous result said it did not reach the
 * member (`CHANGE`: the account refused it, `REFUNDCLOSE`: closed), or every retry of the call failed.
 */
export interface RefundAbnormal {
  source: 'wechat' | 'retries';
  /** WeChat Pay's refund_status, for a `wechat` one. */
  refundStatus: string | null;
  reason: string;
  at: EpochMs;
}

/** What a pickup code hands over: a paid pickup order, or a reward redeemed for pickup. */
export type PickupCodeOwner = { orderId: string } | { redemptionId: string };

/**
 * `pickup_codes`: `_id` is the code staff type in at the till (six digits for an order, eight for
 * a reward), naming what it hands over. A handed-over code is kept, marked, for 30 days; a
 * refunded order's code is freed.
 */
export type PickupCodeDoc = { _id: string; createdAt: EpochMs; handedOverAt?: EpochMs | null } & PickupCodeOwner;

/** `payments` collection: one document per confirmed WeChat Pay transaction, `_id` = `pay:<transactionId>`. */
export interface PaymentDoc {
  _id: string;
  orderId: string;
  outTradeNo: string;
  transactionId: string;
  totalFee: Fen;
  /** Whether the order accepted this payment; a late payment on a cancelled order is refunded. */
  outcome: 'applied' | 'refundedLate';
  receivedAt: EpochMs;
}

/** `stores` collection: where pickup orders are collected. */
export interface StoreDoc {
  _id: string;
  name: string;
  address: string;
  phone: string;
  openHours: string;
  status: 'open' | 'closed';
  /**
   * Days points from an in-store purchase stay pending (the store's returns policy); absent or
   * null: the programme's pending days.
   */
  pointsPendingDays?: number | null;
  /** Where the store is (GCJ-02, as WeChat's location answers), so checkout can preselect the nearest; absent when not set. */
  location?: GeoPoint | null;
  /** Whether shoppers may choose it for pickup at checkout; absent: yes. */
  pickupEnabled?: boolean;
  /** When an admin last changed it; absent for a store never edited. */
  updatedAt?: EpochMs;
}

/** A point on the map in GCJ-02 degrees, the system WeChat's location and maps use in mainland China. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** `settings/shop`: the shop's own numbers, editable by admins. */
export interface ShopSettings {
  _id: 'shop';
  /** Delivery fee, and the goods total (at member prices) from which delivery is free; null = never free by amount. */
  shippingFeeFen: Fen;
  freeShippingThresholdFen: Fen | null;
  /** Minutes a member has to pay before the order is cancelled. */
  payMinutes: number;
  /** Days after completion during which a member may ask for a refund. */
  refundDays: number;
  /** Where 退货退款 goods are sent back. */
  returnAddress: ReturnAddress;
}

/**
 * What carrying out a refund would do if approved now (or did, once its lines are refunded):
 * computed by core/orders/refund-plan from the order as it is, the same plan the approval fixes.
 */
export interface RefundPreview {
  refundId: string;
  refundNo: string;
  orderNo: string;
  kind: RefundKind;
  status: RefundStatus;
  /** Paid back through WeChat Pay, the shipping fee included when it comes back. */
  amountFen: Fen;
  /** What the lines came to when the member asked (the order may have shipped since). */
  requestedFen: Fen;
  shippingBackFen: Fen;
  /** Points used on the lines, given back; points the lines earned, taken back. */
  pointsReturned: Points;
  pointsClawedBack: Points;
  couponPolicy: 'returned' | 'kept';
  /** How many of the order's coupons come back to the member. */
  couponsReturned: number;
  /** Units put back in stock (for 退货退款, once the goods are received). */
  stockReturned: { skuId: string; title: string; quantity: number }[];
  lines: { lineId: string; title: string; quantity: number; paidFen: Fen }[];
  /** What approving does: pays back at once, or waits for the goods (退货退款). */
  next: 'payBack' | 'awaitReturn';
}
