import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildFunction, oversized } from './build-functions';
import { applyPlan } from './deploy/apply-plan';
import { cloudBaseClient } from './deploy/cloudbase-client';
import { missingConfig, readDeployConfig } from './deploy/deploy-config';
import { describePlan } from './deploy/describe-plan';
import { buildPlan } from './deploy/plan';
import { npmRun } from './lib/run';

const ROOT = resolve(__dirname, '..');

/** Builds the mini-program for `envId` and each function's upload (index.js without maps, package.json, config.json) under `outDir`. */
async function build(envId: string, functionNames: string[], outDir: string): Promise<void> {
  console.log('Building the mini-program…');
  await npmRun('build:weapp', { TARO_APP_CLOUD_ENV: envId });
  console.log('Building the functions…');
  rmSync(outDir, { recursive: true, force: true });
  const built = await Promise.all(
    functionNames.map(async (name) => {
      const target = join(outDir, name);
      mkdirSync(target, { recursive: true });
      for (const file of ['package.json', 'config.json']) copyFileSync(join(ROOT, 'cloudfunctions', name, file), join(target, file));
      return buildFunction(join(ROOT, 'cloudfunctions', name), { outDir: target, sourceMaps: false });
    }),
  );
  const over = oversized(built);
  if (over.length) throw new Error(over.join('\n'));
}

/** `npm run deploy -- --env <envId> [--dry-run]`: the whole product into a WeChat cloud environment, or its plan. */
async function main(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const config = readDeployConfig(process.argv.slice(2), process.env, version);
  const plan = buildPlan({ root: ROOT, ...config });
  const missing = missingConfig(config);

  if (config.dryRun) {
    for (const line of describePlan(plan)) console.log(line);
    if (missing.length) console.log(['', 'A deploy would also need:', ...missing.map((line) => `  ${line}`)].join('\n'));
    return;
  }
  if (missing.length) {
    console.error(['Not deploying: missing configuration', ...missing.map((line) => `  ${line}`)].join('\n'));
    process.exit(1);
  }

  const functionsDir = join(ROOT, '.deploy', config.envId, 'functions');
  await build(
    config.envId,
    plan.functions.map((fn) => fn.name),
    functionsDir,
  );
  const client = await cloudBaseClient(config);
  await applyPlan(client, plan, { functionsDir, log: (line) => console.log(`  ${line}`) });
  console.log(`Deployed to ${config.envId}.`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
