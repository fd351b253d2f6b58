import { birthdayCouponsJob } from '~/server/jobs/birthday-coupons-job';
import { createJobHandler } from '~/server/jobs/job-handler';

export const main = createJobHandler(birthdayCouponsJob);
