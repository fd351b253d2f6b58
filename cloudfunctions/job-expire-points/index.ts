import { createJobHandler } from '~/server/jobs/job-handler';
import { expirePointsJob } from '~/server/jobs/points-jobs';

export const main = createJobHandler(expirePointsJob);
