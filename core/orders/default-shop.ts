import type { ShopSettings } from '~/types/orders';

/**
 * The shop settings a new environment starts with: ¥8 delivery, free from ¥99, 30 minutes to pay,
 * 7 days to ask for a refund, returns to the shop's after-sales desk.
 */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  _id: 'shop',
  shippingFeeFen: 800,
  freeShippingThresholdFen: 9_900,
  payMinutes: 30,
  refundDays: 7,
  returnAddress: {
    name: '售后服务中心',
    phone: '400-820-8820',
    address: '上海市静安区南京西路 1 号 售后部',
    note: '请在包裹内附上订单号，勿寄到付；我们收到商品后 1–3 个工作日内原路退款。',
  },
};
