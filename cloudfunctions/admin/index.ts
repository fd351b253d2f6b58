import { adminMain } from '~/server/admin/routes';

export const main = adminMain;
