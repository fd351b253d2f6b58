import { createJobHandler } from '~/server/jobs/job-handler';
import { releasePointsJob } from '~/server/jobs/points-jobs';

export const main = createJobHandler(releasePointsJob);
