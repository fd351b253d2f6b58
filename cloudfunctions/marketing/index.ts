import { marketingMain } from '~/server/marketing/routes';

export const main = marketingMain;
