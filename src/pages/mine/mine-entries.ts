import type { MemberCounts } from '~/types/functions/member';
import type { OrderTab } from '~/src/services/orders';
import { ROUTES } from '~/src/routes';

/** The figures under the member's name, each opening the page it counts. */
export const FIGURES = [
  { key: 'points', label: '积分', url: ROUTES.points },
  { key: 'coupons', label: '优惠券', url: ROUTES.myCoupons },
  { key: 'awaitingPickup', label: '待取礼品', url: ROUTES.redemptions },
] as const;

/** The order row: each step opens the orders list on its tab, with how many orders wait there. */
export const ORDER_STEPS: { tab: OrderTab; label: string; mark: string; count: keyof MemberCounts['orders'] }[] = [
  { tab: 'pendingPayment', label: '待付款', mark: '付', count: 'pendingPayment' },
  { tab: 'paid', label: '待发货', mark: '发', count: 'paid' },
  { tab: 'shipped', label: '待收货', mark: '收', count: 'shipped' },
  { tab: 'refund', label: '退款/售后', mark: '退', count: 'refunding' },
];

/** The member's own pages; `member` ones need a membership, the staff entrance only shows for bound staff. */
export const ENTRIES = [
  { key: 'code', label: '会员码', hint: '到店出示，积分自动累计', url: ROUTES.memberCode, member: true },
  { key: 'check-in', label: '每日签到', hint: '连签有奖', url: ROUTES.checkIn, member: true },
  { key: 'favourites', label: '我的收藏', hint: '', url: ROUTES.favourites, member: true },
  { key: 'address', label: '收货地址', hint: '', url: ROUTES.addresses, member: false },
  { key: 'profile', label: '会员资料', hint: '完善资料送积分', url: ROUTES.memberProfile, member: true },
  { key: 'privacy', label: '消息与隐私', hint: '订阅消息、营销偏好、注销', url: ROUTES.memberProfile, member: true },
] as const;

/** A count as a badge: nothing at 0, 99+ past 99. */
export const badgeText = (count: number): string | null => (count <= 0 ? null : count > 99 ? '99+' : String(count));
