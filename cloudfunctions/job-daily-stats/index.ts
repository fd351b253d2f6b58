import { createJobHandler } from '~/server/jobs/job-handler';
import { dailyStatsJob } from '~/server/jobs/daily-stats-job';

export const main = createJobHandler(dailyStatsJob);
