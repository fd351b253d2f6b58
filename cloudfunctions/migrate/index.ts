import { MIGRATIONS } from '~/server/migrations/all-migrations';
import { createMigrateHandler } from '~/server/migrations/migrate-handler';

export const main = createMigrateHandler(MIGRATIONS);
