import { createJobHandler } from '~/server/jobs/job-handler';
import { cancelUnpaidJob } from '~/server/orders/cancel-unpaid-job';

export const main = createJobHandler(cancelUnpaidJob);
