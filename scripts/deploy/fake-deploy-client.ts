import type { DeployClient, DeployedFunction } from './deploy-client';
import type { FunctionSpec, IndexSpec, TriggerSpec } from './plan';
import type { SecurityRule } from './security-rules';

/** A call the deploy made that changed the environment. */
export interface Change {
  call: string;
  target: string;
}

/**
 * An environment in memory, as the deploy sees the platform: collections with index names,
 * functions with their configuration and triggers, security rules, an uploaded mini-program,
 * and a `migrate` function whose answers the test gives. Records every call that changes it.
 */
export class FakeDeployClient implements DeployClient {
  readonly collections = new Map<string, IndexSpec[]>();
  readonly rules = new Map<string, SecurityRule>();
  readonly functions = new Map<string, DeployedFunction & { codeDir: string; uploads: number }>();
  readonly uploads: { appid: string; version: string }[] = [];
  readonly changes: Change[] = [];
  readonly invocations: string[] = [];
  /** Whether bootstrapAdmin made the first admin account. */
  adminCreated = false;

  /** What `migrate` answers, call after call (the last answer repeats). */
  constructor(
    private readonly migrateAnswers: unknown[] = [{ ok: true, data: { done: true, applied: [], skipped: [], pending: [], changed: {} } }],
  ) {}

  private change(call: string, target: string): void {
    this.changes.push({ call, target });
  }

  async listCollections() {
    return [...this.collections.keys()];
  }
  async createCollection(name: string) {
    if (this.collections.has(name)) throw new Error(`collection ${name} exists`);
    this.collections.set(name, []);
    this.change('createCollection', name);
  }
  async listIndexes(collection: string) {
    return (this.collections.get(collection) ?? []).map((index) => index.name);
  }
  async createIndexes(collection: string, indexes: IndexSpec[]) {
    const present = this.collections.get(collection);
    if (!present) throw new Error(`no collection ${collection}`);
    for (const index of indexes) {
      if (present.some((existing) => existing.name === index.name)) throw new Error(`index ${collection}.${index.name} exists`);
      present.push(index);
      this.change('createIndex', `${collection}.${index.name}`);
    }
  }
  async getSecurityRule(collection: string) {
    return this.rules.get(collection) ?? null;
  }
  async setSecurityRule(collection: string, rule: SecurityRule) {
    if (!this.collections.has(collection)) throw new Error(`no collection ${collection}`);
    this.rules.set(collection, rule);
    this.change('setSecurityRule', collection);
  }
  async getFunction(name: string) {
    const fn = this.functions.get(name);
    return fn
      ? { runtime: fn.runtime, timeout: fn.timeout, memorySize: fn.memorySize, env: { ...fn.env }, triggers: [...fn.triggers] }
      : null;
  }
  async createFunction(spec: FunctionSpec, codeDir: string) {
    if (this.functions.has(spec.name)) throw new Error(`function ${spec.name} exists`);
    const { runtime, timeout, memorySize, env } = spec;
    this.functions.set(spec.name, { runtime, timeout, memorySize, env: { ...env }, triggers: [], codeDir, uploads: 1 });
    this.change('createFunction', spec.name);
  }
  async updateFunctionCode(spec: FunctionSpec, codeDir: string) {
    const fn = this.mustHave(spec.name);
    fn.codeDir = codeDir;
    fn.uploads += 1;
  }
  async updateFunctionConfig(spec: FunctionSpec) {
    const fn = this.mustHave(spec.name);
    Object.assign(fn, { runtime: spec.runtime, timeout: spec.timeout, memorySize: spec.memorySize, env: { ...spec.env } });
    this.change('updateFunctionConfig', spec.name);
  }
  async createTriggers(functionName: string, triggers: TriggerSpec[]) {
    const fn = this.mustHave(functionName);
    for (const trigger of triggers) {
      if (fn.triggers.some((existing) => existing.name === trigger.name)) throw new Error(`trigger ${functionName}.${trigger.name} exists`);
      fn.triggers.push({ ...trigger });
      this.change('createTrigger', `${functionName}.${trigger.name}`);
    }
  }
  async deleteTrigger(functionName: string, triggerName: string) {
    const fn = this.mustHave(functionName);
    fn.triggers = fn.triggers.filter((trigger) => trigger.name !== triggerName);
    this.change('deleteTrigger', `${functionName}.${triggerName}`);
  }
  async invokeFunction(name: string, event: Record<string, unknown>) {
    this.mustHave(name);
    if (name === 'admin' && event.action === 'bootstrapAdmin') {
      this.invocations.push('admin.bootstrapAdmin');
      const created = !this.adminCreated;
      this.adminCreated = true;
      return { ok: true, data: { created, username: 'admin' } };
    }
    this.invocations.push(name);
    const count = this.invocations.filter((called) => called === name).length;
    return this.migrateAnswers[Math.min(count, this.migrateAnswers.length) - 1];
  }
  async uploadMiniProgram(upload: { appid: string; version: string }) {
    this.uploads.push({ appid: upload.appid, version: upload.version });
  }

  private mustHave(name: string) {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`no function ${name}`);
    return fn;
  }
}
