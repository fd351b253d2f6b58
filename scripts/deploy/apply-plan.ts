import type { MigrationRun } from '~/server/migrations/run-migrations';
import type { DeployClient, DeployedFunction } from './deploy-client';
import type { DeployPlan, FunctionSpec, TriggerSpec } from './plan';
import { MIGRATE_FUNCTION } from './plan';

const ADMIN_FUNCTION = 'admin';
const INITIAL_PASSWORD = 'ADMIN_INITIAL_PASSWORD';

/** Where the built functions are, and how to report progress. */
export interface ApplyOptions {
  /** The folder holding each function's upload (`<dir>/<name>/index.js`, package.json, config.json). */
  functionsDir: string;
  log: (line: string) => void;
  /** How many times `migrate` may be called before the deploy gives up on finishing the migrations. */
  maxMigrateCalls?: number;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sortedEntries = (env: Record<string, string>) => Object.entries(env).sort(([a], [b]) => a.localeCompare(b));

function configDiffers(spec: FunctionSpec, deployed: DeployedFunction): boolean {
  return (
    spec.timeout !== deployed.timeout ||
    spec.memorySize !== deployed.memorySize ||
    spec.runtime !== deployed.runtime ||
    !sameJson(sortedEntries(spec.env), sortedEntries(deployed.env))
  );
}

const triggerKey = (trigger: TriggerSpec) => `${trigger.name}|${trigger.type}|${trigger.config}`;

async function collections(client: DeployClient, plan: DeployPlan, log: ApplyOptions['log']): Promise<void> {
  const existing = new Set(await client.listCollections());
  for (const { name, indexes } of plan.collections) {
    if (!existing.has(name)) {
      await client.createCollection(name);
      log(`collection ${name}: created`);
    }
    const present = new Set(await client.listIndexes(name));
    const missing = indexes.filter((index) => !present.has(index.name));
    if (missing.length) {
      await client.createIndexes(name, missing);
      log(`collection ${name}: indexes ${missing.map((index) => index.name).join(', ')} created`);
    }
  }
}

async function functions(client: DeployClient, plan: DeployPlan, options: ApplyOptions): Promise<void> {
  for (const spec of plan.functions) {
    const codeDir = `${options.functionsDir}/${spec.name}`;
    const deployed = await client.getFunction(spec.name);
    if (!deployed) {
      await client.createFunction(spec, codeDir);
      options.log(`function ${spec.name}: created`);
    } else {
      // The code is uploaded every time: the platform keeps no digest the deploy could compare.
      await client.updateFunctionCode(spec, codeDir);
      if (configDiffers(spec, deployed)) {
        await client.updateFunctionConfig(spec);
        options.log(`function ${spec.name}: code and configuration updated`);
      } else options.log(`function ${spec.name}: code updated`);
    }
    const wanted = new Set(spec.triggers.map(triggerKey));
    const current = deployed?.triggers ?? [];
    const kept = new Set<string>();
    for (const trigger of current) {
      if (wanted.has(triggerKey(trigger))) kept.add(triggerKey(trigger));
      else {
        await client.deleteTrigger(spec.name, trigger.name);
        options.log(`function ${spec.name}: trigger ${trigger.name} removed`);
      }
    }
    const added = spec.triggers.filter((trigger) => !kept.has(triggerKey(trigger)));
    if (added.length) {
      await client.createTriggers(spec.name, added);
      options.log(`function ${spec.name}: ${added.map((trigger) => `trigger ${trigger.name} (${trigger.config})`).join(', ')} created`);
    }
  }
}

async function rules(client: DeployClient, plan: DeployPlan, log: ApplyOptions['log']): Promise<void> {
  for (const { collection, rule } of plan.rules) {
    if (sameJson(await client.getSecurityRule(collection), rule)) continue;
    await client.setSecurityRule(collection, rule);
    log(`collection ${collection}: security rule ${JSON.stringify(rule)} applied`);
  }
}

/** Calls `migrate` until every migration is done; each call works within its time budget and the next carries on. */
async function migrations(client: DeployClient, options: ApplyOptions): Promise<void> {
  const maxCalls = options.maxMigrateCalls ?? 100;
  for (let call = 1; call <= maxCalls; call += 1) {
    const answer = (await client.invokeFunction(MIGRATE_FUNCTION, {})) as {
      ok: boolean;
      data?: MigrationRun;
      error?: { code: string; message: string };
    };
    if (!answer?.ok || !answer.data) throw new Error(`${MIGRATE_FUNCTION} failed: ${JSON.stringify(answer?.error ?? answer)}`);
    const run = answer.data;
    for (const id of run.applied) options.log(`migration ${id}: applied (${run.changed[id] ?? 0} documents changed)`);
    if (run.done) {
      if (call === 1 && run.applied.length === 0) options.log('migrations: none pending');
      return;
    }
    options.log(`migrations: ${run.pending.join(', ')} still running, calling ${MIGRATE_FUNCTION} again`);
  }
  throw new Error(`migrations not finished after ${maxCalls} calls of ${MIGRATE_FUNCTION}; run the deploy again to carry on`);
}

/**
 * On a deploy that sets ADMIN_INITIAL_PASSWORD: installs the default programme and creates the
 * first admin account (bootstrapAdmin is a no-op once the account exists).
 */
async function bootstrap(client: DeployClient, plan: DeployPlan, log: ApplyOptions['log']): Promise<void> {
  const admin = plan.functions.find((fn) => fn.name === ADMIN_FUNCTION);
  if (!admin?.env[INITIAL_PASSWORD]) return;
  const answer = (await client.invokeFunction(ADMIN_FUNCTION, { action: 'bootstrapAdmin' })) as {
    ok: boolean;
    data?: { created: boolean; username: string };
    error?: unknown;
  };
  if (!answer?.ok || !answer.data) throw new Error(`bootstrapAdmin failed: ${JSON.stringify(answer?.error ?? answer)}`);
  log(
    answer.data.created
      ? `admin account ${answer.data.username}: created with ${INITIAL_PASSWORD}; deploy again without it to take it off the function`
      : `admin account ${answer.data.username}: exists already`,
  );
}

/**
 * Makes the environment match the plan, in an order where each step has what it needs: the
 * collections and their indexes, the functions with their configuration and timer triggers, the
 * security rules, the pending data migrations (run by the `migrate` function just uploaded), the
 * first admin account when the deploy sets its password, and last the mini-program, which only reaches users once the back end it calls is in place. Each
 * step creates only what is missing or different, so a second deploy creates nothing.
 */
export async function applyPlan(client: DeployClient, plan: DeployPlan, options: ApplyOptions): Promise<void> {
  await collections(client, plan, options.log);
  await functions(client, plan, options);
  await rules(client, plan, options.log);
  await migrations(client, options);
  await bootstrap(client, plan, options.log);
  await client.uploadMiniProgram(plan.miniProgram);
  options.log(`mini-program ${plan.miniProgram.appid}: version ${plan.miniProgram.version} uploaded`);
}
