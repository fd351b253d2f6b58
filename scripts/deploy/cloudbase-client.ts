import { dirname, basename } from 'node:path';
import type { DeployClient, DeployedFunction } from './deploy-client';
import type { FunctionSpec, IndexSpec, TriggerSpec } from './plan';
import type { SecurityRule } from './security-rules';

/** The platform packages are loaded only by a real deploy, so tests and dry runs need neither installed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const load = (name: string): Promise<Loose> => import(name);

/** The brand's keys and where to deploy. */
export interface CloudBaseKeys {
  envId: string;
  secretId: string;
  secretKey: string;
  privateKeyPath: string;
}

/** The platform's name for a function setting, and its value. */
function functionFields(spec: FunctionSpec) {
  return {
    name: spec.name,
    runtime: spec.runtime,
    timeout: spec.timeout,
    memorySize: spec.memorySize,
    envVariables: spec.env,
    handler: 'index.main',
    // wx-server-sdk is installed in the cloud from the function's package.json.
    installDependency: true,
  };
}

/** A timer's cron as the platform reports it: the expression itself, or `{"cron": "…"}`. */
function cronOf(description: string): string {
  try {
    const parsed = JSON.parse(description) as { cron?: string };
    return parsed.cron ?? description;
  } catch {
    return description;
  }
}

/**
 * The deploy's client for a WeChat cloud (CloudBase) environment: collections, indexes, security
 * rules and functions through `@cloudbase/manager-node` with the brand's API key, and the
 * mini-program upload through `miniprogram-ci` with its upload key.
 */
export async function cloudBaseClient(keys: CloudBaseKeys): Promise<DeployClient> {
  const loaded = await load('@cloudbase/manager-node');
  const CloudBase = loaded.default ?? loaded;
  const manager = new CloudBase({ secretId: keys.secretId, secretKey: keys.secretKey, envId: keys.envId });
  const { database, functions } = manager;
  const commonService = () => manager.commonService();

  return {
    async listCollections() {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const { Collections = [], Pager } = await database.listCollections({ MgoLimit: 100, MgoOffset: offset });
        names.push(...Collections.map((collection: { CollectionName: string }) => collection.CollectionName));
        if (Collections.length < 100 || names.length >= (Pager?.Total ?? 0)) return names;
      }
    },
    async createCollection(name) {
      await database.createCollection(name);
    },
    async listIndexes(collection) {
      const { Indexes = [] } = await database.describeCollection(collection);
      return Indexes.map((index: { Name: string }) => index.Name);
    },
    async createIndexes(collection, indexes: IndexSpec[]) {
      await database.updateCollection(collection, {
        CreateIndexes: indexes.map((index) => ({
          IndexName: index.name,
          MgoKeySchema: {
            MgoIsUnique: index.unique,
            MgoIndexKeys: index.fields.map((field) => ({ Name: field.path, Direction: String(field.order) })),
          },
        })),
      });
    },
    async getSecurityRule(collection) {
      const answer = await commonService().call({ Action: 'DescribeSafeRule', Param: { EnvId: keys.envId, CollectionName: collection } });
      if (answer?.AclTag !== 'CUSTOM' || !answer.Rule) return null;
      return JSON.parse(answer.Rule) as SecurityRule;
    },
    async setSecurityRule(collection, rule) {
      await commonService().call({
        Action: 'ModifySafeRule',
        Param: { EnvId: keys.envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) },
      });
    },
    async getFunction(name): Promise<DeployedFunction | null> {
      let detail: Loose;
      try {
        detail = await functions.getFunctionDetail(name);
      } catch (error) {
        if (
          /ResourceNotFound|not exist|不存在/i.test(String((error as Error).message ?? error) + String((error as { code?: string }).code))
        )
          return null;
        throw error;
      }
      const variables: { Key: string; Value: string }[] = detail.Environment?.Variables ?? [];
      const triggers: TriggerSpec[] = (detail.Triggers ?? [])
        .filter((trigger: { Type: string }) => trigger.Type === 'timer')
        .map((trigger: { TriggerName: string; TriggerDesc: string }) => ({
          name: trigger.TriggerName,
          type: 'timer',
          config: cronOf(trigger.TriggerDesc),
        }));
      return {
        runtime: detail.Runtime,
        timeout: Number(detail.Timeout),
        memorySize: Number(detail.MemorySize),
        env: Object.fromEntries(variables.map((variable) => [variable.Key, variable.Value])),
        triggers,
      };
    },
    async createFunction(spec, codeDir) {
      // The platform zips `<functionRootPath>/<name>`: the upload must sit in a folder of the function's name.
      if (basename(codeDir) !== spec.name) throw new Error(`the upload of ${spec.name} must be in a folder of that name, not ${codeDir}`);
      await functions.createFunction({ func: { ...functionFields(spec), triggers: [] }, functionRootPath: dirname(codeDir), force: false });
    },
    async updateFunctionCode(spec, codeDir) {
      await functions.updateFunctionCode({ func: functionFields(spec), functionRootPath: dirname(codeDir) });
    },
    async updateFunctionConfig(spec) {
      await functions.updateFunctionConfig(functionFields(spec));
    },
    async createTriggers(functionName, triggers) {
      await functions.createFunctionTriggers(functionName, triggers);
    },
    async deleteTrigger(functionName, triggerName) {
      await functions.deleteFunctionTrigger(functionName, triggerName);
    },
    async invokeFunction(name, event) {
      const answer = await functions.invokeFunction(name, event);
      if (answer.ErrMsg) throw new Error(`${name}: ${answer.ErrMsg}`);
      return JSON.parse(answer.RetMsg);
    },
    async uploadMiniProgram({ appid, projectPath, version, description }) {
      const loadedCi = await load('miniprogram-ci');
      const ci = loadedCi.default ?? loadedCi;
      const project = new ci.Project({
        appid,
        type: 'miniProgram',
        projectPath,
        privateKeyPath: keys.privateKeyPath,
        ignores: ['node_modules/**/*'],
      });
      await ci.upload({ project, version, desc: description, setting: { es6: true, minify: true }, robot: 1 });
    },
  };
}
