import type { Database } from '../db/database';

/** What a migration's step gets: the database, the run's clock reading and how many documents a page holds. */
export interface MigrationContext {
  db: Database;
  now: number;
  pageSize: number;
}

/** One page of a migration: where the next page starts (null when the migration is complete) and how many documents changed. */
export interface MigrationStep {
  cursor: string | null;
  changed: number;
}

/**
 * A versioned change to the data of a deployed database. `step` migrates one page after
 * `cursor` (null: from the start) and must be idempotent: a page done twice (a retried run, two
 * runs at once) changes nothing the second time.
 */
export interface Migration {
  /** `NNNN-what-it-does`; migrations run in the order of their ids. */
  id: string;
  /** One line saying what it changes and why. */
  description: string;
  step(ctx: MigrationContext, cursor: string | null): Promise<MigrationStep>;
}
