import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LocalCloud } from '../local-cloud/local-cloud';
import { startLocalCloud } from '../local-cloud/local-cloud';
import type { MigrationRun } from '../server/migrations/run-migrations';
import { isStale } from './lib/freshness';
import { upgradeLocalMedia } from './lib/upgrade-local-media';
import { npmRun } from './lib/run';
import { DEMO_MEDIA_DIR } from './seed/demo-products';
import { seedDemoMembers, seedDemoShop } from './seed/seed-demo';

const ROOT = resolve(__dirname, '..');
const DATA = join(ROOT, '.local-cloud');
const PORT = Number(process.env.PORT ?? 8787);

interface LocalSecrets {
  adminTokenSecret: string;
  memberCodeSecret: string;
  phoneHashSecret: string;
}

/** Secrets the functions need, made once per checkout (each when first missing) and kept with the local data. */
function localSecrets(): LocalSecrets {
  const file = join(DATA, 'secrets.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const secrets: LocalSecrets = {
    adminTokenSecret: stored.adminTokenSecret ?? randomBytes(32).toString('base64url'),
    memberCodeSecret: stored.memberCodeSecret ?? randomBytes(32).toString('base64url'),
    phoneHashSecret: stored.phoneHashSecret ?? randomBytes(32).toString('base64url'),
  };
  if ((Object.keys(secrets) as (keyof LocalSecrets)[]).some((name) => stored[name] !== secrets[name])) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/** Runs the pending data migrations through the `migrate` function, as `npm run deploy` does; answers those applied. */
async function migrateLocal(cloud: LocalCloud): Promise<string[]> {
  const applied: string[] = [];
  for (;;) {
    const answer = (await cloud.invoke('migrate', {}, { source: '' })) as { ok: boolean; data?: MigrationRun; error?: unknown };
    if (!answer.ok || !answer.data) throw new Error(`the data migrations failed: ${JSON.stringify(answer.error ?? answer)}`);
    applied.push(...answer.data.applied);
    if (answer.data.done) return applied;
  }
}

/** Builds what is missing or older than its sources. */
async function buildWhatIsStale(): Promise<void> {
  await npmRun('build:functions');
  const shared = ['types', 'core', 'package.json'].map((p) => join(ROOT, p));
  if (isStale(join(ROOT, 'dist/h5/index.html'), [join(ROOT, 'src'), join(ROOT, 'config'), ...shared])) {
    console.log('Building the H5 storefront…');
    await npmRun('build:h5');
  }
  if (isStale(join(ROOT, 'dist/admin/index.html'), [join(ROOT, 'admin'), ...shared])) {
    console.log('Building the admin page…');
    await npmRun('build:admin');
  }
}

/** `npm start`: the whole product on this machine, on the embedded database. */
async function main(): Promise<void> {
  await buildWhatIsStale();
  mkdirSync(DATA, { recursive: true });
  const firstStart = !existsSync(join(DATA, 'cloud.db'));
  const chosenPassword = process.env.LM_ADMIN_PASSWORD;
  const initialPassword = chosenPassword ?? randomBytes(9).toString('base64url');

  const secrets = localSecrets();
  // The simulated WeChat Pay accepts any sub-merchant; production sets the brand's own.
  const PAYMENT_ENV = { LM_SUB_MCH_ID: '1900000109' };
  const cloud = await startLocalCloud({
    root: ROOT,
    dataDir: DATA,
    port: PORT,
    mediaDir: DEMO_MEDIA_DIR,
    functionEnv: {
      admin: {
        ADMIN_TOKEN_SECRET: secrets.adminTokenSecret,
        ADMIN_INITIAL_PASSWORD: initialPassword,
        LM_PHONE_HASH_SECRET: secrets.phoneHashSecret,
        ...PAYMENT_ENV,
      },
      marketing: { ADMIN_TOKEN_SECRET: secrets.adminTokenSecret },
      member: { LM_MEMBER_CODE_SECRET: secrets.memberCodeSecret, LM_PHONE_HASH_SECRET: secrets.phoneHashSecret },
      migrate: { LM_PHONE_HASH_SECRET: secrets.phoneHashSecret },
      staff: { LM_MEMBER_CODE_SECRET: secrets.memberCodeSecret },
      orders: PAYMENT_ENV,
      'pay-callback': PAYMENT_ENV,
      'job-cancel-unpaid': PAYMENT_ENV,
      'job-retry-refunds': PAYMENT_ENV,
    },
  });

  const demo = firstStart ? seedDemoMembers(cloud, Date.now(), console.log) : null;
  // A database made by an older checkout gets the data migrations a deployed one gets.
  const migrated = await migrateLocal(cloud);
  if (migrated.length > 0) console.log(`Applied the data migrations ${migrated.join(', ')}.`);
  // Also on a database made before the storefront had a catalogue.
  seedDemoShop(cloud, Date.now(), demo, console.log);
  // Member profiles (tags, RFM, lifecycle), refreshed now so the admin page and the dashboard's lifecycle counts show them at once.
  const profiles = (await cloud.runTimer('job-refresh-profiles')) as { ok: boolean; error?: unknown };
  if (!profiles.ok) console.log(`The member profiles could not be refreshed: ${JSON.stringify(profiles.error)}`);
  // The dashboard's daily figures, brought up to date now rather than at the job's next tick.
  const rollup = (await cloud.runTimer('job-daily-stats')) as { ok: boolean; data?: { scanned: number } | null; error?: unknown };
  if (!rollup.ok) console.log(`The dashboard's daily figures could not be brought up to date: ${JSON.stringify(rollup.error)}`);
  // Catalogues seeded before the demo pictures lived in cloud storage.
  const moved = upgradeLocalMedia(cloud.store, cloud.storage);
  if (moved > 0) console.log(`Moved the pictures of ${moved} catalogue entries of an older local database to cloud storage.`);
  const bootstrap = (await cloud.invoke('admin', { action: 'bootstrapAdmin' })) as { ok: boolean; data?: { created: boolean } };
  if (!bootstrap.ok) throw new Error(`could not create the first admin: ${JSON.stringify(bootstrap)}`);

  console.log('\nLoyalty Mall is running locally');
  console.log(`  Storefront (H5):  ${cloud.url}/`);
  console.log(`  Admin page:       ${cloud.url}/admin/`);
  console.log(`  Database:         ${join(DATA, 'cloud.db')}`);
  console.log(`  Dev endpoints:    ${cloud.url}/dev/outbox  ${cloud.url}/dev/payments`);
  if (bootstrap.data?.created) {
    console.log(
      chosenPassword
        ? '  Admin sign-in:    admin / the password in LM_ADMIN_PASSWORD'
        : `  Admin sign-in:    admin / ${initialPassword}   (shown once; only its hash is stored)`,
    );
  }
  console.log('Press Ctrl+C to stop.\n');

  const stop = () => {
    console.log('\nStopping…');
    cloud.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
