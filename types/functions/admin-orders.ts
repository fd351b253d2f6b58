import * as z from 'zod';
import type { OrderDoc, RefundDoc, RefundPreview } from '../orders';
import { CARRIERS } from '../orders';
import type { ApiError } from '../errors';

const orderId = z.string().regex(/^o[A-Za-z0-9]{10,40}$/, 'must be an order id');
const refundId = z.string().regex(/^r[A-Za-z0-9]{10,40}$/, 'must be a refund id');
const pageSize = z.number().int().min(1).max(100).default(20);
const cursor = z.string().max(400).optional();
/** A Shanghai calendar day. */
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day as YYYY-MM-DD');
const carrier = z.enum(CARRIERS);
const trackingNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{6,40}$/, 'must be a tracking number');
/** The amount the admin saw in the preview: a different amount now is refused with PRICE_CHANGED and the new preview. */
const expectedRefundFen = z.number().int().min(0).max(100_000_000);

/** The most orders one batch ships. */
export const SHIP_BATCH_MAX = 50;

/** The order and refund actions of the `admin` function, without `action` and `token`. */
export const adminOrdersInputs = {
  /**
   * Orders newest first, narrowed by status, order number, member (a 10-digit member number or an
   * 11-digit mobile number) and the Shanghai days they were placed (both ends included).
   */
  listOrders: z.strictObject({
    status: z.enum(['pendingPayment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded']).optional(),
    orderNo: z
      .string()
      .trim()
      .regex(/^[0-9]{6,32}$/, 'must be an order number')
      .optional(),
    member: z
      .string()
      .trim()
      .regex(/^(?:[0-9]{10}|1[3-9][0-9]{9})$/, 'must be a member number or a mobile number')
      .optional(),
    createdFrom: day.optional(),
    createdTo: day.optional(),
    pageSize,
    cursor,
  }),
  shipOrder: z.strictObject({ orderId, carrier, trackingNo }),
  /** Ships several paid delivery orders with one carrier, a tracking number each; each order succeeds or fails on its own. */
  shipOrders: z.strictObject({
    carrier,
    items: z
      .array(z.strictObject({ orderId, trackingNo }))
      .min(1)
      .max(SHIP_BATCH_MAX)
      .refine((items) => new Set(items.map((item) => item.orderId)).size === items.length, 'an order is listed twice'),
  }),
  /** Hands over a paid pickup order at the till, by the code the member shows. */
  completePickup: z.strictObject({ pickupCode: z.string().regex(/^[0-9]{6}$/, 'must be a 6-digit pickup code') }),
  listRefunds: z.strictObject({
    status: z.enum(['requested', 'awaitingReturn', 'refunding', 'refunded', 'rejected']).optional(),
    pageSize,
    cursor,
  }),
  /** What approving (or confirming the return of) a refund would pay back and give back now. */
  previewRefund: z.strictObject({ refundId }),
  /** 仅退款: pays back at once; 退货退款: agrees to the return, and the money waits for the goods. */
  approveRefund: z.strictObject({ refundId, expectedRefundFen }),
  /** 退货退款: the goods arrived; pays back. */
  confirmReturnReceived: z.strictObject({ refundId, expectedRefundFen }),
  rejectRefund: z.strictObject({ refundId, note: z.string().trim().min(2).max(100) }),
};

/**
 * An order as the admin list shows it: with its member's nickname and member number, and whether
 * a refund of it waits for review (it cannot ship or be handed over until that is decided).
 */
export type AdminOrderRow = OrderDoc & { member: { memberNo: string; nickname: string } | null; refundAwaitingReview: boolean };

/** How shipping one order of a batch went. */
export type ShipOutcome = { orderId: string; ok: true; order: OrderDoc } | { orderId: string; ok: false; error: ApiError };

export interface AdminOrdersResponses {
  listOrders: { items: AdminOrderRow[]; nextCursor: string | null };
  shipOrder: OrderDoc;
  shipOrders: { results: ShipOutcome[] };
  completePickup: OrderDoc;
  listRefunds: { items: RefundDoc[]; nextCursor: string | null };
  previewRefund: RefundPreview;
  approveRefund: RefundDoc;
  confirmReturnReceived: RefundDoc;
  rejectRefund: RefundDoc;
}
