import type { ApiResult } from '~/types/api';
import { wxContext } from '../db/cloud';
import type { Database } from '../db/database';
import { database } from '../db/database';
import type { Migration } from './migration';
import type { MigrationRun } from './run-migrations';
import { runMigrations } from './run-migrations';

/** Sources a person can call from: the mini-program and the HTTP access service. */
const PEOPLE = /(^|,)(wx_client|wx_http)(,|$)/;

/** Time a run may spend before it stops starting pages: the function's 60 s timeout less room to answer. */
const DEFAULT_BUDGET_MS = 45_000;
/** Documents per page: one `in` read and a guarded update each, well within one request's limits. */
const DEFAULT_PAGE_SIZE = 100;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * The `migrate` function's `main`: runs pending data migrations (`done: false` when its time
 * budget ran out first; call it again). Only the deploy may start it, through the platform's
 * management API: a caller with an OPENID or from the HTTP access service gets FORBIDDEN.
 * `LM_MIGRATE_BUDGET_MS` and `LM_MIGRATE_PAGE_SIZE` override the budget and page size.
 */
export function createMigrateHandler(migrations: readonly Migration[]) {
  let db: Database | undefined;
  return async function main(): Promise<ApiResult<MigrationRun>> {
    const { openid, source } = wxContext();
    if (openid || PEOPLE.test(source)) return { ok: false, error: { code: 'FORBIDDEN', message: 'migrate runs from the deploy only' } };
    db ??= database();
    const run = await runMigrations(
      {
        db,
        clock: Date.now,
        budgetMs: envNumber('LM_MIGRATE_BUDGET_MS', DEFAULT_BUDGET_MS),
        pageSize: envNumber('LM_MIGRATE_PAGE_SIZE', DEFAULT_PAGE_SIZE),
      },
      migrations,
    );
    return { ok: true, data: run };
  };
}
