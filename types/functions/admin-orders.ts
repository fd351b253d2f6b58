import * as z from 'zod';
import type { OrderDoc, RefundDoc } from '../orders';

const orderId = z.string().regex(/^o[A-Za-z0-9]{10,40}$/, 'must be an order id');
const refundId = z.string().regex(/^r[A-Za-z0-9]{10,40}$/, 'must be a refund id');
const pageSize = z.number().int().min(1).max(100).default(20);
const cursor = z.string().max(400).optional();

/** The order and refund actions of the `admin` function, without `action` and `token`. */
export const adminOrdersInputs = {
  listOrders: z.strictObject({
    status: z.enum(['pendingPayment', 'paid', 'shipped', 'completed', 'cancelled', 'refunded']).optional(),
    pageSize,
    cursor,
  }),
  shipOrder: z.strictObject({
    orderId,
    trackingNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,40}$/, 'must be a tracking number'),
  }),
  /** Hands over a paid pickup order at the till, by the code the member shows. */
  completePickup: z.strictObject({ pickupCode: z.string().regex(/^[0-9]{6}$/, 'must be a 6-digit pickup code') }),
  listRefunds: z.strictObject({ status: z.enum(['requested', 'refunding', 'refunded', 'rejected']).optional(), pageSize, cursor }),
  approveRefund: z.strictObject({ refundId }),
  rejectRefund: z.strictObject({ refundId, note: z.string().trim().min(2).max(100) }),
};

export interface AdminOrdersResponses {
  listOrders: { items: OrderDoc[]; nextCursor: string | null };
  shipOrder: OrderDoc;
  completePickup: OrderDoc;
  listRefunds: { items: RefundDoc[]; nextCursor: string | null };
  approveRefund: RefundDoc;
  rejectRefund: RefundDoc;
}
