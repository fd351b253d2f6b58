import type { DashboardView } from '~/types/functions/admin-dashboard';

/** A day's label on the charts: today's figures run only to the last refresh. */
export function dayLabel(day: { day: string; partial: boolean }): string {
  return day.partial ? `${day.day.slice(5)}（部分数据）` : day.day.slice(5);
}

const yuan = (fen: number) => Math.round(fen) / 100;

/** The rows each chart draws, from the dashboard's answer. */
export function chartData(view: DashboardView) {
  return {
    gmv: view.days.map((day) => ({ day: dayLabel(day), value: yuan(day.gmvFen) })),
    counts: view.days.flatMap((day) => [
      { day: dayLabel(day), series: '支付订单', value: day.paidOrders },
      { day: dayLabel(day), series: '新增会员', value: day.newMembers },
    ]),
    tiers: view.tiers.filter((tier) => tier.members > 0).map((tier) => ({ tier: tier.name, value: tier.members })),
    funnel: [
      { stage: '新增会员', value: view.current.funnel.joined },
      { stage: '首单', value: view.current.funnel.firstPurchases },
      { stage: '复购（第二单）', value: view.current.funnel.secondPurchases },
    ],
    points: view.days.flatMap((day) => [
      { day: dayLabel(day), kind: '发放', value: day.pointsIssued },
      { day: dayLabel(day), kind: '消耗', value: day.pointsRedeemed },
      { day: dayLabel(day), kind: '过期', value: day.pointsExpired },
    ]),
    coupons: view.coupons.flatMap((row) => [
      { template: row.title, kind: '发放', value: row.issued },
      { template: row.title, kind: '使用', value: row.used },
    ]),
    channels: view.days.flatMap((day) => [
      { day: dayLabel(day), channel: '线上商城', value: yuan(day.onlineFen) },
      { day: dayLabel(day), channel: '门店', value: yuan(day.storeFen) },
    ]),
  };
}
