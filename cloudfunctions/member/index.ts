import { memberMain } from '~/server/members/routes';

export const main = memberMain;
