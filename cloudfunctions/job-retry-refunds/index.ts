import { createJobHandler } from '~/server/jobs/job-handler';
import { retryRefundsJob } from '~/server/orders/retry-refunds-job';

export const main = createJobHandler(retryRefundsJob);
