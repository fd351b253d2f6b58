import { comebackCouponsJob } from '~/server/jobs/comeback-coupons-job';
import { createJobHandler } from '~/server/jobs/job-handler';

export const main = createJobHandler(comebackCouponsJob);
