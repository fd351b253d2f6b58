import { resolve } from 'node:path';
import { applyPlan } from './apply-plan';
import { FakeDeployClient } from './fake-deploy-client';
import { FUNCTION_VARIABLES } from './function-variables';
import type { DeployPlan } from './plan';
import { buildPlan, deployableFunctions, readCollections } from './plan';

const ROOT = resolve(__dirname, '../..');
const VARIABLES = Object.fromEntries(
  FUNCTION_VARIABLES.map((variable) => [variable.name, `value-of-${variable.name}-0123456789abcdef0123`]),
);

function plan(): DeployPlan {
  return buildPlan({
    root: ROOT,
    envId: 'brand-prod-1a2b',
    appid: 'wx0123456789abcdef',
    version: '1.2.3',
    description: 'test',
    variables: VARIABLES,
  });
}

async function deploy(client: FakeDeployClient, deployPlan = plan()): Promise<string[]> {
  const lines: string[] = [];
  await applyPlan(client, deployPlan, { functionsDir: '/build/functions', log: (line) => lines.push(line) });
  return lines;
}

describe('the deploy plan, applied to a fake platform', () => {
  const collections = readCollections(`${ROOT}/cloudfunctions`);

  it('creates every collection and index, every function with its configuration and triggers, every rule, then migrates and uploads', async () => {
    const client = new FakeDeployClient();
    await deploy(client);

    expect([...client.collections.keys()].sort()).toEqual(Object.keys(collections).sort());
    for (const [name, { indexes }] of Object.entries(collections)) {
      expect(client.collections.get(name)?.map((index) => [index.name, index.unique, index.fields])).toEqual(
        indexes.map((index) => [index.name, index.unique ?? false, index.fields]),
      );
    }
    expect([...client.rules.keys()].sort()).toEqual(Object.keys(collections).sort());
    for (const rule of client.rules.values()) expect(rule).toEqual({ read: false, write: false });

    const names = deployableFunctions(`${ROOT}/cloudfunctions`);
    expect(names).toEqual(expect.arrayContaining(['admin', 'member', 'migrate', 'job-expire-points']));
    expect([...client.functions.keys()].sort()).toEqual(names);
    for (const name of names) {
      const config = (await import(`${ROOT}/cloudfunctions/${name}/config.json`)) as {
        timeout?: number;
        triggers?: { name: string; config: string }[];
      };
      const deployed = client.functions.get(name);
      expect(deployed).toMatchObject({
        runtime: 'Nodejs16.13',
        timeout: config.timeout ?? 20,
        memorySize: 256,
        codeDir: `/build/functions/${name}`,
      });
      expect(deployed?.triggers.map((trigger) => [trigger.name, trigger.type, trigger.config])).toEqual(
        (config.triggers ?? []).map((trigger) => [trigger.name, 'timer', trigger.config]),
      );
      const expectedEnv = FUNCTION_VARIABLES.filter((variable) => variable.functions.includes(name)).map((variable) => variable.name);
      expect(Object.keys(deployed?.env ?? {}).sort()).toEqual(expectedEnv.sort());
    }
    expect(client.functions.get('admin')?.env.ADMIN_TOKEN_SECRET).toBe(VARIABLES.ADMIN_TOKEN_SECRET);
    expect(client.functions.get('migrate')?.env).toEqual({ LM_PHONE_HASH_SECRET: VARIABLES.LM_PHONE_HASH_SECRET });
    expect(client.invocations).toEqual(['migrate', 'admin.bootstrapAdmin']);
    expect(client.adminCreated).toBe(true);
    expect(client.uploads).toEqual([{ appid: 'wx0123456789abcdef', version: '1.2.3' }]);
  });

  it('changes nothing that is in place on a second deploy: it only uploads the code and the mini-program again', async () => {
    const client = new FakeDeployClient();
    await deploy(client);
    const state = {
      collections: [...client.collections],
      rules: [...client.rules],
      functions: [...client.functions].map(([name, { uploads: _uploads, ...fn }]) => [name, fn]),
    };
    client.changes.length = 0;

    const lines = await deploy(client);
    expect(client.changes).toEqual([]);
    expect({
      collections: [...client.collections],
      rules: [...client.rules],
      functions: [...client.functions].map(([name, { uploads: _uploads, ...fn }]) => [name, fn]),
    }).toEqual(state);
    expect([...client.functions.values()].every((fn) => fn.uploads === 2)).toBe(true);
    expect(lines).toContain('migrations: none pending');
    expect(lines).toContain('admin account admin: exists already');
    expect(client.uploads).toHaveLength(2);
  });

  it('brings a drifted environment back to the plan: a changed timeout, a stale trigger, an opened rule, a missing index', async () => {
    const client = new FakeDeployClient();
    await deploy(client);
    const job = client.functions.get('job-expire-points');
    if (!job) throw new Error('job-expire-points was not deployed');
    job.timeout = 3;
    job.triggers = [{ name: 'old-hourly', type: 'timer', config: '0 0 * * * * *' }];
    client.rules.set('members', { read: true, write: false });
    client.collections.set('orders', []);
    client.changes.length = 0;

    await deploy(client);
    expect(client.changes).toEqual(
      expect.arrayContaining([
        { call: 'updateFunctionConfig', target: 'job-expire-points' },
        { call: 'deleteTrigger', target: 'job-expire-points.old-hourly' },
        { call: 'createTrigger', target: 'job-expire-points.every-10-minutes' },
        { call: 'setSecurityRule', target: 'members' },
        ...(collections.orders?.indexes ?? []).map((index) => ({ call: 'createIndex', target: `orders.${index.name}` })),
      ]),
    );
    expect(client.functions.get('job-expire-points')).toMatchObject({
      timeout: 60,
      triggers: [{ name: 'every-10-minutes', config: '0 */10 * * * * *' }],
    });
    expect(client.rules.get('members')).toEqual({ read: false, write: false });
  });

  it('calls migrate again while migrations are pending, and stops the deploy before the upload when one fails', async () => {
    const pending = {
      ok: true,
      data: { done: false, applied: ['0001-points-buckets'], skipped: [], pending: ['0002-member-search-keys'], changed: {} },
    };
    const finished = {
      ok: true,
      data: { done: true, applied: ['0002-member-search-keys'], skipped: ['0001-points-buckets'], pending: [], changed: {} },
    };
    const client = new FakeDeployClient([pending, pending, finished]);
    const lines = await deploy(client);
    expect(client.invocations.filter((name) => name === 'migrate')).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('migration '))).toEqual([
      'migration 0001-points-buckets: applied (0 documents changed)',
      'migration 0001-points-buckets: applied (0 documents changed)',
      'migration 0002-member-search-keys: applied (0 documents changed)',
    ]);

    const failing = new FakeDeployClient([{ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } }]);
    await expect(deploy(failing)).rejects.toThrow(/migrate failed: .*INTERNAL/);
    expect(failing.uploads).toEqual([]);
  });

  it('makes the first admin account only on a deploy that sets its password, and takes the password off later', async () => {
    const client = new FakeDeployClient();
    const { ADMIN_INITIAL_PASSWORD: _password, ...later } = VARIABLES;
    await deploy(client, buildPlan({ root: ROOT, envId: 'e', appid: 'wx1', version: '1', description: '', variables: later }));
    expect(client.invocations).toEqual(['migrate']);
    expect(client.functions.get('admin')?.env).not.toHaveProperty('ADMIN_INITIAL_PASSWORD');

    await deploy(client);
    expect(client.functions.get('admin')?.env).toHaveProperty('ADMIN_INITIAL_PASSWORD');
    client.changes.length = 0;
    await deploy(client, buildPlan({ root: ROOT, envId: 'e', appid: 'wx1', version: '1', description: '', variables: later }));
    expect(client.changes).toEqual([{ call: 'updateFunctionConfig', target: 'admin' }]);
    expect(client.functions.get('admin')?.env).not.toHaveProperty('ADMIN_INITIAL_PASSWORD');
  });
});
