import { rewardsMain } from '~/server/rewards/routes';

export const main = rewardsMain;
