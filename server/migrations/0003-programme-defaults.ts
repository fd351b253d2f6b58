import { DEFAULT_APPROVAL_THRESHOLD, DEFAULT_EXPIRY_NOTICE_DAYS } from '~/core/tiers/default-programme';
import type { Migration } from './migration';

/** Settings added to the programme since it was first stored, with the value the code assumed while they were absent. */
const ADDED_POINTS_SETTINGS = {
  expiryNoticeDays: DEFAULT_EXPIRY_NOTICE_DAYS,
  approvalThreshold: DEFAULT_APPROVAL_THRESHOLD,
} as const;

/**
 * A programme stored before `points.expiryNoticeDays` and `points.approvalThreshold` existed
 * gets them, with the defaults the code used in their absence, so the admin page shows and edits
 * real values. A value an admin set already is never overwritten (each field is set only where absent).
 */
export const programmeDefaults: Migration = {
  id: '0003-programme-defaults',
  description: 'settings/programme gets points.expiryNoticeDays and points.approvalThreshold where absent (their defaults)',
  async step(ctx) {
    const _ = ctx.db.command;
    let changed = 0;
    for (const [field, value] of Object.entries(ADDED_POINTS_SETTINGS)) {
      const path = `points.${field}`;
      changed += await ctx.db.collection('settings').updateWhere({ _id: 'programme', [path]: _.exists(false) }, { [path]: value });
    }
    return { cursor: null, changed };
  },
};
