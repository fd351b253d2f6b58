import type { AdminProgrammeResponses } from '~/types/functions/admin-programme';
import type { RequestContext } from '../runtime/wx';
import { currentProgramme, scheduledVersions, snapshotOf, versionView } from './programme-versions';

/** How many versions the history shows, newest first. */
const HISTORY_SIZE = 100;

/** The rules in effect, the versions scheduled after them, the history, and the coupon templates the rules may name. */
export async function getProgramme(ctx: RequestContext): Promise<AdminProgrammeResponses['getProgramme']> {
  const [current, scheduled, history, templates] = await Promise.all([
    currentProgramme(ctx, ctx.now),
    scheduledVersions(ctx, ctx.now),
    ctx.db.collection('programme_versions').find({}, { orderBy: [['version', 'desc']], limit: HISTORY_SIZE }),
    ctx.db.collection('coupon_templates').find({}, { orderBy: [['createdAt', 'desc']], limit: 200, fields: ['title', 'status'] }),
  ]);
  const last = scheduled[scheduled.length - 1];
  return {
    current,
    scheduled: scheduled.map(versionView),
    latest: last ? snapshotOf(last) : current,
    history: history.map(versionView),
    templates: templates.map((template) => ({ templateId: template._id, title: template.title, status: template.status })),
    now: ctx.now,
  };
}
