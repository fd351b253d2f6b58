import type { CouponTemplateStatus } from '~/types/coupons';

/** The statuses a template may move to each status from: pause and resume freely, end for good. */
export const TEMPLATE_STATUS_FROM: Readonly<Record<CouponTemplateStatus, readonly CouponTemplateStatus[]>> = {
  active: ['paused'],
  paused: ['active'],
  ended: ['active', 'paused'],
};

/** The statuses a template in `status` may be set to next; none once it has ended. */
export function nextTemplateStatuses(status: CouponTemplateStatus): CouponTemplateStatus[] {
  return (Object.keys(TEMPLATE_STATUS_FROM) as CouponTemplateStatus[]).filter((to) => TEMPLATE_STATUS_FROM[to].includes(status));
}
