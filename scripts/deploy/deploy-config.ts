import { existsSync } from 'node:fs';
import { FUNCTION_VARIABLES } from './function-variables';

/** Everything a deploy needs besides the repository: where to, the brand's keys, and each function's secrets. */
export interface DeployConfig {
  envId: string;
  dryRun: boolean;
  secretId: string;
  secretKey: string;
  appid: string;
  privateKeyPath: string;
  version: string;
  description: string;
  variables: Record<string, string | undefined>;
}

/** The deployer's environment variables the keys are read from. */
export const KEY_VARIABLES = {
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  appid: 'LM_MINIPROGRAM_APPID',
  privateKeyPath: 'LM_MINIPROGRAM_PRIVATE_KEY_PATH',
} as const;

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * Reads the deploy's configuration from its arguments (`--env <envId>`, `--dry-run`,
 * `--appid`, `--private-key <path>`, `--version`, `--desc`) and environment (the keys and the
 * function variables, never arguments, so they stay out of shell history and process lists).
 */
export function readDeployConfig(args: readonly string[], env: Record<string, string | undefined>, packageVersion: string): DeployConfig {
  const envId = option(args, '--env') ?? env.LM_DEPLOY_ENV ?? '';
  return {
    envId,
    dryRun: args.includes('--dry-run'),
    secretId: env[KEY_VARIABLES.secretId] ?? '',
    secretKey: env[KEY_VARIABLES.secretKey] ?? '',
    appid: option(args, '--appid') ?? env[KEY_VARIABLES.appid] ?? '',
    privateKeyPath: option(args, '--private-key') ?? env[KEY_VARIABLES.privateKeyPath] ?? '',
    version: option(args, '--version') ?? packageVersion,
    description: option(args, '--desc') ?? `Loyalty Mall ${packageVersion}${envId ? ` → ${envId}` : ''}`,
    variables: Object.fromEntries(FUNCTION_VARIABLES.map((variable) => [variable.name, env[variable.name] || undefined])),
  };
}

/** Everything a real deploy still needs, one line each; empty when it may go ahead. */
export function missingConfig(config: DeployConfig): string[] {
  const missing: string[] = [];
  if (!config.envId) missing.push('--env <envId>: the cloud environment to deploy to (or LM_DEPLOY_ENV)');
  if (!config.secretId) missing.push(`${KEY_VARIABLES.secretId}: the brand's Tencent Cloud API key id`);
  if (!config.secretKey) missing.push(`${KEY_VARIABLES.secretKey}: the brand's Tencent Cloud API key secret`);
  if (!config.appid) missing.push(`${KEY_VARIABLES.appid} (or --appid): the mini-program's AppID`);
  if (!config.privateKeyPath) missing.push(`${KEY_VARIABLES.privateKeyPath} (or --private-key): the mini-program upload key from 开发设置`);
  else if (!existsSync(config.privateKeyPath)) missing.push(`${KEY_VARIABLES.privateKeyPath}: no file at ${config.privateKeyPath}`);
  for (const variable of FUNCTION_VARIABLES) {
    const value = config.variables[variable.name];
    if (value && value.length < (variable.minLength ?? 1)) missing.push(`${variable.name}: shorter than ${variable.minLength} characters`);
    if (!variable.required || value) continue;
    missing.push(`${variable.name}: ${variable.about}, on ${variable.functions.join(', ')}`);
  }
  return missing;
}
