import { pointsMain } from '~/server/points/routes';

export const main = pointsMain;
