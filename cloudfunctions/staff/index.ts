import { staffMain } from '~/server/staff/routes';

export const main = staffMain;
