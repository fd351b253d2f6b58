import type { FunctionSpec, IndexSpec, TriggerSpec } from './plan';
import type { SecurityRule } from './security-rules';

/** A function as the platform has it: what the deploy compares with the plan. */
export interface DeployedFunction {
  runtime: string;
  timeout: number;
  memorySize: number;
  env: Record<string, string>;
  triggers: TriggerSpec[];
}

/**
 * The cloud platform, as the deploy uses it: the few calls that create or change what a plan
 * lists, and the reads that tell what is there already, so a second deploy changes nothing that
 * is in place. The real one talks to CloudBase and the mini-program upload service
 * (cloudbase-client.ts); tests use an in-memory one.
 */
export interface DeployClient {
  listCollections(): Promise<string[]>;
  createCollection(name: string): Promise<void>;
  /** The names of the collection's indexes. */
  listIndexes(collection: string): Promise<string[]>;
  createIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  getSecurityRule(collection: string): Promise<SecurityRule | null>;
  setSecurityRule(collection: string, rule: SecurityRule): Promise<void>;
  /** The function, or null when the environment has none of that name. */
  getFunction(name: string): Promise<DeployedFunction | null>;
  /** Creates the function from the built folder `codeDir` (index.js, package.json, config.json) with its configuration, without triggers. */
  createFunction(spec: FunctionSpec, codeDir: string): Promise<void>;
  updateFunctionCode(spec: FunctionSpec, codeDir: string): Promise<void>;
  updateFunctionConfig(spec: FunctionSpec): Promise<void>;
  createTriggers(functionName: string, triggers: TriggerSpec[]): Promise<void>;
  deleteTrigger(functionName: string, triggerName: string): Promise<void>;
  /** Calls the function as the platform's management API does (no OPENID) and answers what it returned. */
  invokeFunction(name: string, event: Record<string, unknown>): Promise<unknown>;
  uploadMiniProgram(upload: { appid: string; projectPath: string; version: string; description: string }): Promise<void>;
}
