import { createJobHandler } from '~/server/jobs/job-handler';
import { clearTillJob } from '~/server/jobs/clear-till-job';

export const main = createJobHandler(clearTillJob);
