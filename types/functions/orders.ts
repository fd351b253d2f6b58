import * as z from 'zod';
import type {
  GeoPoint,
  OrderBreakdown,
  OrderDelivery,
  OrderEvent,
  OrderStatus,
  RefundDoc,
  RefundKind,
  ReturnAddress,
  ReturnShipment,
} from '../orders';
import { CARRIERS } from '../orders';
import type { EpochMs, Fen, Points } from '../units';
import { cartItems } from './catalog';
import { couponInstanceId } from './coupons';

const orderId = z.string().regex(/^o[A-Za-z0-9]{10,40}$/, 'must be an order id from this function');
/** A key the client makes once per tap and sends again on a retry of the same tap. */
const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8-64 letters, digits, _ or -');
const text = (max: number) => z.string().trim().min(1).max(max);

export const shippingAddress = z.strictObject({
  name: text(20),
  phone: z.string().regex(/^1[3-9][0-9]{9}$/, 'must be an 11-digit mobile number'),
  region: text(60),
  detail: text(120),
});

export const deliveryChoice = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('delivery'), address: shippingAddress }),
  z.strictObject({ mode: z.literal('pickup'), storeId: z.string().regex(/^[a-z0-9-]{1,32}$/, 'must be a store id') }),
]);

const checkout = {
  items: cartItems,
  couponIds: z.array(couponInstanceId).max(3).default([]),
  /** Points the member wants to use; the server uses at most what the cap and balance allow. */
  pointsRequested: z.number().int().min(0).max(100_000_000).default(0),
};

/** A preview prices delivery before the member has entered an address, and pickup before a store is chosen; placing needs them. */
const previewDelivery = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('delivery'), address: shippingAddress.optional() }),
  z.strictObject({
    mode: z.literal('pickup'),
    storeId: z
      .string()
      .regex(/^[a-z0-9-]{1,32}$/, 'must be a store id')
      .optional(),
  }),
]);

/** Request schemas of the `orders` function, one per action. The caller is always the member acted on. */
export const ordersRequests = {
  preview: z.strictObject({ action: z.literal('preview'), ...checkout, delivery: previewDelivery }),
  place: z.strictObject({
    action: z.literal('place'),
    ...checkout,
    delivery: deliveryChoice,
    /** The payable total the member saw; a different server total is refused with the new breakdown. */
    expectedPayableFen: z.number().int().min(0).max(100_000_000),
    note: z.string().trim().max(100).default(''),
    clientKey,
  }),
  pay: z.strictObject({ action: z.literal('pay'), orderId }),
  cancel: z.strictObject({ action: z.literal('cancel'), orderId, reason: z.string().trim().max(60).default('') }),
  confirmReceipt: z.strictObject({ action: z.literal('confirmReceipt'), orderId }),
  list: z.strictObject({
    action: z.literal('list'),
    status: z.enum(['all', 'pendingPayment', 'paid', 'shipped', 'completed', 'refund']).default('all'),
    pageSize: z.number().int().min(1).max(50).default(20),
    cursor: z.string().max(400).optional(),
  }),
  detail: z.strictObject({ action: z.literal('detail'), orderId }),
  requestRefund: z.strictObject({
    action: z.literal('requestRefund'),
    orderId,
    /** The lines to refund; omitted for the whole order. */
    lineIds: z
      .array(z.string().regex(/^L[0-9]{1,2}$/, 'must be a line id of the order'))
      .min(1)
      .max(50)
      .optional(),
    reason: text(200),
    /** 仅退款 (the default) or 退货退款; an order not yet shipped is refunded only. */
    kind: z.enum(['refundOnly', 'returnAndRefund']).default('refundOnly'),
    clientKey,
  }),
  /** How the member sent back the goods of an approved 退货退款; sent again to correct it until the goods arrive. */
  submitReturnShipment: z.strictObject({
    action: z.literal('submitReturnShipment'),
    orderId,
    refundId: z.string().regex(/^r[A-Za-z0-9]{10,40}$/, 'must be a refund id of the order'),
    carrier: z.enum(CARRIERS).optional(),
    waybillNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,40}$/, 'must be a waybill number'),
  }),
  stores: z.strictObject({ action: z.literal('stores') }),
};

/** One of the member's coupons at checkout: whether it applies to this order, and why not. */
export interface CheckoutCoupon {
  id: string;
  title: string;
  faceText: string;
  conditionText: string;
  validTo: EpochMs;
  selected: boolean;
  /** What it takes off this order if chosen on its own. */
  discountFen: Fen;
  /** Why it cannot be used on this order (in Chinese); null when it can. */
  unusableReason: string | null;
}

export interface PreviewLine {
  lineId: string;
  skuId: string;
  productId: string;
  title: string;
  specText: string;
  imageUrl: string;
  unitPriceFen: Fen;
  memberUnitPriceFen: Fen;
  quantity: number;
  listFen: Fen;
  memberFen: Fen;
  couponFen: Fen;
  pointsFen: Fen;
  paidFen: Fen;
}

/** The server's breakdown of an order; the same numbers the order will carry. */
export type { OrderBreakdown };

export interface OrderPreview {
  lines: PreviewLine[];
  breakdown: OrderBreakdown;
  coupons: CheckoutCoupon[];
  points: {
    available: Points;
    /** The most points this order can take (cap and balance), and what they would save. */
    usableMax: Points;
    usableMaxFen: Fen;
    pointsPerYuan: number;
    maxRedeemPercent: number;
  };
  tier: { id: string; name: string; memberPricePercent: number };
  shipping: { feeFen: Fen; freeThresholdFen: Fen | null; tierFreeThresholdFen: Fen | null };
}

export type RefundView = {
  id: string;
  kind: RefundKind;
  /** 退货退款, once approved: where to send the goods, what the member said they sent, when they arrived. */
  returnTo: ReturnAddress | null;
  returnShipment: ReturnShipment | null;
  returnReceivedAt: EpochMs | null;
} & Pick<
  RefundDoc,
  | 'refundNo'
  | 'lineIds'
  | 'reason'
  | 'status'
  | 'amountFen'
  | 'pointsReturned'
  | 'pointsClawedBack'
  | 'couponPolicy'
  | 'reviewNote'
  | 'requestedAt'
  | 'reviewedAt'
  | 'refundedAt'
>;

export interface OrderLineView extends PreviewLine {
  refundId: string | null;
}

/** An order as its member sees it. */
export interface OrderView {
  id: string;
  orderNo: string;
  status: OrderStatus;
  lines: OrderLineView[];
  breakdown: OrderBreakdown;
  couponIds: string[];
  delivery: OrderDelivery;
  note: string;
  payDeadline: EpochMs;
  paidAt: EpochMs | null;
  shippedAt: EpochMs | null;
  completedAt: EpochMs | null;
  cancelledAt: EpochMs | null;
  cancelReason: string | null;
  refundedFen: Fen;
  timeline: OrderEvent[];
  refunds: RefundView[];
  /** What the member may do now. */
  can: { pay: boolean; cancel: boolean; confirmReceipt: boolean; requestRefund: boolean };
  createdAt: EpochMs;
}

/**
 * What `wx.requestPayment` needs to pay an order (`payment`), or `paid` when nothing was left
 * to pay. In the local cloud the payment is simulated: confirm it at /dev/payments/<outTradeNo>/confirm.
 */
export interface PaymentStart {
  orderId: string;
  outTradeNo: string;
  payableFen: Fen;
  paid: boolean;
  payment: { timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string } | null;
}

export interface OrdersResponses {
  preview: OrderPreview;
  place: OrderView;
  pay: PaymentStart;
  cancel: OrderView;
  confirmReceipt: OrderView;
  list: { items: OrderView[]; nextCursor: string | null };
  detail: OrderView;
  requestRefund: OrderView;
  submitReturnShipment: OrderView;
  stores: { items: { id: string; name: string; address: string; phone: string; openHours: string; location: GeoPoint | null }[] };
}
