import type { EpochMs } from './units';

/**
 * `migrations`, `_id` = the migration's id (`0001-points-buckets`): how far a data migration of
 * a deployed database has come. A migration is `done` once; until then `cursor` says where its
 * next page starts, so a run cut short by its time budget carries on where it stopped.
 */
export interface MigrationDoc {
  _id: string;
  description: string;
  status: 'running' | 'done';
  /** Where the next page starts (null: at the beginning). */
  cursor: string | null;
  /** Documents changed so far, over every run. */
  changed: number;
  startedAt: EpochMs;
  finishedAt: EpochMs | null;
}
