import { createJobHandler } from '~/server/jobs/job-handler';
import { refreshProfilesJob } from '~/server/jobs/refresh-profiles-job';

export const main = createJobHandler(refreshProfilesJob);
