import type { ShopSettings } from '~/types/orders';

/** The shop settings a new environment starts with: ¥8 delivery, free from ¥99, 30 minutes to pay, 7 days to ask for a refund. */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  _id: 'shop',
  shippingFeeFen: 800,
  freeShippingThresholdFen: 9_900,
  payMinutes: 30,
  refundDays: 7,
};
