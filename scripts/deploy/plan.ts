import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '~/server/migrations/all-migrations';
import { FUNCTION_VARIABLES } from './function-variables';
import type { SecurityRule } from './security-rules';
import { readSecurityRules, rulesFor } from './security-rules';

/** The Node.js runtime functions run on: the bundles target node16 (scripts/build-functions.ts). */
export const FUNCTION_RUNTIME = 'Nodejs16.13';
/** The platform's defaults, for a config.json that does not say. */
export const DEFAULT_TIMEOUT_S = 20;
export const DEFAULT_MEMORY_MB = 256;
/** The function that runs the data migrations (server/migrations). */
export const MIGRATE_FUNCTION = 'migrate';

export interface IndexSpec {
  name: string;
  unique: boolean;
  fields: { path: string; order: 1 | -1 }[];
}

export interface TriggerSpec {
  name: string;
  type: 'timer';
  /** 7-field cron (seconds first), Asia/Shanghai. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  /** Every variable the function gets, with its value (a dry run without the values has none). */
  env: Record<string, string>;
  triggers: TriggerSpec[];
  /** openapi permissions from config.json (uploaded with it in config.json). */
  openapi: string[];
}

export interface DeployPlan {
  envId: string;
  collections: { name: string; indexes: IndexSpec[] }[];
  functions: FunctionSpec[];
  rules: { collection: string; rule: SecurityRule }[];
  migrations: { id: string; description: string }[];
  miniProgram: { appid: string; version: string; description: string; projectPath: string };
}

/** What the plan is made for; the values of secrets are absent in a dry run without them. */
export interface PlanInput {
  root: string;
  envId: string;
  appid: string;
  version: string;
  description: string;
  /** The deployer's environment, where function variables are read from. */
  variables: Record<string, string | undefined>;
}

interface FunctionConfig {
  timeout?: number;
  memorySize?: number;
  runtime?: string;
  envVariables?: Record<string, string>;
  triggers?: TriggerSpec[];
  permissions?: { openapi?: string[] };
}

type DeclaredIndex = Omit<IndexSpec, 'unique'> & { unique?: boolean };

export function readCollections(functionsDir: string): Record<string, { indexes: DeclaredIndex[] }> {
  return JSON.parse(readFileSync(join(functionsDir, 'collections.json'), 'utf8')) as Record<string, { indexes: DeclaredIndex[] }>;
}

/** Every deployable function: a folder under cloudfunctions/ with a config.json. */
export function deployableFunctions(functionsDir: string): string[] {
  return readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(functionsDir, entry.name, 'config.json')))
    .map((entry) => entry.name)
    .sort();
}

function functionSpec(functionsDir: string, name: string, variables: PlanInput['variables']): FunctionSpec {
  const config = JSON.parse(readFileSync(join(functionsDir, name, 'config.json'), 'utf8')) as FunctionConfig;
  const env: Record<string, string> = { ...config.envVariables };
  for (const variable of FUNCTION_VARIABLES) {
    const value = variables[variable.name];
    if (variable.functions.includes(name) && value) env[variable.name] = value;
  }
  return {
    name,
    runtime: config.runtime ?? FUNCTION_RUNTIME,
    timeout: config.timeout ?? DEFAULT_TIMEOUT_S,
    memorySize: config.memorySize ?? DEFAULT_MEMORY_MB,
    env,
    triggers: (config.triggers ?? []).map(({ name: trigger, type, config: cron }) => ({ name: trigger, type, config: cron })),
    openapi: config.permissions?.openapi ?? [],
  };
}

/** The whole deployment, read from the repository: collections.json, each function's config.json, security-rules.json and the migrations. */
export function buildPlan(input: PlanInput): DeployPlan {
  const functionsDir = join(input.root, 'cloudfunctions');
  const collections = readCollections(functionsDir);
  const names = Object.keys(collections);
  return {
    envId: input.envId,
    collections: names.map((name) => ({
      name,
      indexes: (collections[name] as { indexes: DeclaredIndex[] }).indexes.map((index) => ({ ...index, unique: index.unique ?? false })),
    })),
    functions: deployableFunctions(functionsDir).map((name) => functionSpec(functionsDir, name, input.variables)),
    rules: rulesFor(names, readSecurityRules(functionsDir)),
    migrations: MIGRATIONS.map(({ id, description }) => ({ id, description })),
    miniProgram: {
      appid: input.appid,
      version: input.version,
      description: input.description,
      projectPath: join(input.root, 'dist', 'weapp'),
    },
  };
}
