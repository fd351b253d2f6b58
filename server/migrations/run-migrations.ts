import type { Database } from '../db/database';
import type { Migration } from './migration';

/** What a run did: the migrations it finished, those still to do when its time ran out, and documents changed per migration. */
export interface MigrationRun {
  /** True when every migration is done. */
  done: boolean;
  /** Finished by this run, in order. */
  applied: string[];
  /** Done before this run. */
  skipped: string[];
  /** Not finished yet: a later run carries on. */
  pending: string[];
  /** Documents this run changed, per migration it worked on. */
  changed: Record<string, number>;
}

export interface RunInput {
  db: Database;
  /** The clock: read for each record and to keep within the budget. */
  clock: () => number;
  /** Stop starting pages after this long, leaving time to answer within the function's timeout. */
  budgetMs: number;
  pageSize: number;
}

/**
 * Runs the migrations not yet recorded as done in `migrations`, in order, a page at a time,
 * saving each one's cursor after every page, until all are done or the budget is spent. A
 * migration is marked done only after its last page, and each page is idempotent, so a run cut
 * short, retried or overlapping another leaves the same data.
 */
export async function runMigrations(input: RunInput, migrations: readonly Migration[]): Promise<MigrationRun> {
  const started = input.clock();
  const records = input.db.collection('migrations');
  const run: MigrationRun = { done: false, applied: [], skipped: [], pending: [], changed: {} };
  const ids = migrations.map((migration) => migration.id);
  if (new Set(ids).size !== ids.length || [...ids].sort().join() !== ids.join())
    throw new Error(`migrations must have unique ids in order: ${ids.join(', ')}`);

  // At least one page per run, so a run always makes progress whatever its budget.
  let pages = 0;
  for (const [index, migration] of migrations.entries()) {
    const record = await records.get(migration.id);
    if (record?.status === 'done') {
      run.skipped.push(migration.id);
      continue;
    }
    if (!record) {
      await records.insert({
        _id: migration.id,
        description: migration.description,
        status: 'running',
        cursor: null,
        changed: 0,
        startedAt: input.clock(),
        finishedAt: null,
      });
    }
    let cursor = record?.cursor ?? null;
    let changed = 0;
    for (;;) {
      if (pages > 0 && input.clock() - started >= input.budgetMs) {
        run.pending = ids.slice(index);
        return run;
      }
      const step = await migration.step({ db: input.db, now: input.clock(), pageSize: input.pageSize }, cursor);
      pages += 1;
      changed += step.changed;
      run.changed[migration.id] = changed;
      const _ = input.db.command;
      if (step.cursor === null) {
        await records.updateWhere(
          { _id: migration.id },
          { status: 'done', cursor: null, changed: _.inc(step.changed), finishedAt: input.clock() },
        );
        run.applied.push(migration.id);
        break;
      }
      cursor = step.cursor;
      await records.updateWhere({ _id: migration.id }, { cursor, changed: _.inc(step.changed) });
    }
  }
  run.done = true;
  return run;
}
