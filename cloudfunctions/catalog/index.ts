import { catalogMain } from '~/server/catalog/routes';

export const main = catalogMain;
