import { createJobHandler } from '~/server/jobs/job-handler';
import { reviewTiersJob } from '~/server/jobs/review-tiers-job';

export const main = createJobHandler(reviewTiersJob);
