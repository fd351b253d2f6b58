import { runCampaignsJob } from '~/server/jobs/run-campaigns-job';
import { createJobHandler } from '~/server/jobs/job-handler';

export const main = createJobHandler(runCampaignsJob);
