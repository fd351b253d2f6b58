import { createPayCallback } from '~/server/orders/pay-callback';

export const main = createPayCallback();
