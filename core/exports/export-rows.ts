import { addressFor, birthdayFor, phoneFor } from '../access/member-data';
import { STATUS_TEXT } from '../orders/order-machine';
import type { AdminRole, MemberDoc } from '~/types/documents';
import type { ExportKind } from '~/types/exports';
import type { OrderDoc } from '~/types/orders';
import type { LedgerEntryDoc, LedgerKind } from '~/types/points';
import type { EpochMs, Fen } from '~/types/units';

/** Each export's header row. */
export const EXPORT_HEADERS: Record<ExportKind, readonly string[]> = {
  members: ['会员ID', '会员号', '昵称', '手机号', '生日', '等级', '可用积分', '待入账积分', '状态', '注册时间'],
  ledger: ['流水ID', '会员ID', '类型', '可用积分变动', '待入账积分变动', '原因', '变动后可用积分', '时间'],
  orders: [
    '订单ID',
    '订单号',
    '会员ID',
    '状态',
    '商品原价',
    '会员优惠',
    '优惠券',
    '积分抵扣',
    '运费',
    '运费减免',
    '实付',
    '配送方式',
    '收货人',
    '电话',
    '地区',
    '地址',
    '下单时间',
    '支付时间',
  ],
};

const LEDGER_KIND_TEXT: Record<LedgerKind, string> = {
  earn: '购物得积分',
  release: '积分入账',
  checkin: '签到',
  profile: '完善资料',
  adjust: '人工调整',
  spend: '积分使用',
  refund: '退款退回',
  clawback: '退款扣回',
  expire: '积分过期',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Shanghai wall-clock time, `2026-06-01 10:00:00`. */
export function shanghaiTime(ms: EpochMs | null): string | null {
  if (ms === null) return null;
  const t = new Date(ms + 8 * 3_600_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** Fen as yuan with two decimals, `12.50`. */
export const yuan = (fen: Fen): string => (fen / 100).toFixed(2);

type Cell = string | number | null;

/** A member's row; the phone and birthday as the exporting role may see them. */
export function memberRow(member: MemberDoc, role: AdminRole, tierName: (tierId: string) => string): Cell[] {
  return [
    member._id,
    member.memberNo,
    member.nickname,
    phoneFor(role, member.phone),
    birthdayFor(role, member.birthday),
    tierName(member.tierId),
    member.points.available,
    member.points.pending,
    member.status === 'deleted' ? '已注销' : '正常',
    shanghaiTime(member.joinedAt),
  ];
}

/** A ledger entry's row. */
export function ledgerRow(entry: LedgerEntryDoc): Cell[] {
  return [
    entry._id,
    entry.memberId,
    LEDGER_KIND_TEXT[entry.kind] ?? entry.kind,
    entry.available,
    entry.pending,
    entry.reason,
    entry.balanceAfter.available,
    shanghaiTime(entry.createdAt),
  ];
}

/** An order's row; the consignee's name, phone and street as the exporting role may see them. */
export function orderRow(order: OrderDoc, role: AdminRole): Cell[] {
  const { delivery } = order;
  const address = delivery.mode === 'delivery' ? addressFor(role, delivery.address) : null;
  return [
    order._id,
    order.orderNo,
    order.memberId,
    STATUS_TEXT[order.status],
    yuan(order.listFen),
    yuan(order.memberDiscountFen),
    yuan(order.couponDiscountFen),
    yuan(order.pointsDiscountFen),
    yuan(order.shippingFeeFen),
    yuan(order.shippingDiscountFen),
    yuan(order.payableFen),
    delivery.mode === 'delivery' ? '快递' : `自提（${delivery.storeName}）`,
    address?.name ?? null,
    address?.phone ?? null,
    address?.region ?? null,
    address?.detail ?? null,
    shanghaiTime(order.createdAt),
    shanghaiTime(order.paidAt),
  ];
}
