/** One of a member's coupons. */
export interface CouponRef {
  instanceId: string;
  memberId: string;
}

/** One of a member's coupons, as an order holds or uses it. */
export interface OrderCouponRef extends CouponRef {
  orderId: string;
}
