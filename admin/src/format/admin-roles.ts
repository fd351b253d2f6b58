import type { AdminRole } from '~/types/documents';

/** An admin role as the brand calls it. */
export const ADMIN_ROLE_TEXT: Record<AdminRole, string> = {
  owner: '所有者',
  operator: '运营',
  analyst: '数据分析',
  storeManager: '门店经理',
  support: '客服',
};

/** What each role may do, in a line, for choosing one. */
export const ADMIN_ROLE_SCOPE: Record<AdminRole, string> = {
  owner: '全部功能，包括账号管理',
  operator: '会员、商品、优惠券、订单、退款与店员等日常运营',
  analyst: '只读查看会员、订单、退款、任务运行与操作日志',
  storeManager: '查看订单、提货核销，管理本门店店员',
  support: '查看会员、订单与退款，为会员调整积分、作废优惠券',
};

/** The roles in the order they are offered. */
export const ADMIN_ROLE_ORDER: readonly AdminRole[] = ['operator', 'support', 'analyst', 'storeManager', 'owner'];
