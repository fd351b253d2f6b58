import { couponsMain } from '~/server/coupons/routes';

export const main = couponsMain;
