import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { missingConfig, readDeployConfig } from './deploy-config';
import { describePlan } from './describe-plan';
import { FUNCTION_VARIABLES } from './function-variables';
import { buildPlan } from './plan';

const ROOT = resolve(__dirname, '../..');
const SECRET = 's'.repeat(40);

describe('the deploy configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lm-deploy-'));
    writeFileSync(join(dir, 'private.key'), 'key');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const complete = () => ({
    TENCENTCLOUD_SECRETID: 'AKID',
    TENCENTCLOUD_SECRETKEY: 'secret',
    LM_MINIPROGRAM_APPID: 'wx0123456789abcdef',
    LM_MINIPROGRAM_PRIVATE_KEY_PATH: join(dir, 'private.key'),
    ...Object.fromEntries(FUNCTION_VARIABLES.map((variable) => [variable.name, variable.name === 'LM_SUB_MCH_ID' ? '1900000109' : SECRET])),
  });

  it('lists everything missing at once: env id, keys, appid, upload key and each required function variable', () => {
    const missing = missingConfig(readDeployConfig([], {}, '1.0.0'));
    const required = FUNCTION_VARIABLES.filter((variable) => variable.required).map((variable) => variable.name);
    expect(missing.map((line) => line.split(/[: ]/)[0])).toEqual([
      '--env',
      'TENCENTCLOUD_SECRETID',
      'TENCENTCLOUD_SECRETKEY',
      'LM_MINIPROGRAM_APPID',
      'LM_MINIPROGRAM_PRIVATE_KEY_PATH',
      ...required,
    ]);
    expect(missing.join('\n')).not.toMatch(/ADMIN_INITIAL_PASSWORD/);
  });

  it('accepts a complete configuration, and refuses a short secret and an upload key that is not there', () => {
    expect(missingConfig(readDeployConfig(['--env', 'brand-prod'], complete(), '1.0.0'))).toEqual([]);
    const flawed = { ...complete(), LM_PHONE_HASH_SECRET: 'short', LM_MINIPROGRAM_PRIVATE_KEY_PATH: join(dir, 'nothing.key') };
    expect(missingConfig(readDeployConfig(['--env=brand-prod'], flawed, '1.0.0'))).toEqual([
      `LM_MINIPROGRAM_PRIVATE_KEY_PATH: no file at ${join(dir, 'nothing.key')}`,
      'LM_PHONE_HASH_SECRET: shorter than 32 characters',
    ]);
  });

  it('prints the whole plan without any key, and never a secret', () => {
    const config = readDeployConfig(['--dry-run'], { ADMIN_TOKEN_SECRET: SECRET }, '1.0.0');
    const plan = buildPlan({ root: ROOT, ...config });
    const text = describePlan(plan).join('\n');
    for (const { name } of plan.collections) expect(text).toContain(`   ${name}`);
    for (const fn of plan.functions) {
      expect(text).toContain(`   ${fn.name}: ${fn.runtime}, timeout ${fn.timeout} s, memory ${fn.memorySize} MB`);
      for (const trigger of fn.triggers) expect(text).toContain(`trigger ${trigger.name}: timer "${trigger.config}"`);
    }
    for (const migration of plan.migrations) expect(text).toContain(migration.id);
    expect(text).toContain('ADMIN_TOKEN_SECRET=(set)');
    expect(text).toContain('LM_SUB_MCH_ID=(not set)');
    expect(text).not.toContain(SECRET);
  });

  it('refuses a real deploy with missing configuration before building anything', () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/deploy.ts', '--env', 'brand-prod'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Not deploying: missing configuration');
    expect(result.stderr).toContain('TENCENTCLOUD_SECRETID');
    expect(result.stderr).not.toContain('--env <envId>');
    expect(result.stdout).not.toContain('Building');
  });
});
