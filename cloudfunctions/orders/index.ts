import { ordersMain } from '~/server/orders/routes';

export const main = ordersMain;
