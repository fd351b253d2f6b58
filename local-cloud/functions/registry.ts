import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleProblem } from './bundle-stamp';

/** A function's `config.json` as WeChat DevTools uploads it, plus the settings the console holds. */
export interface FunctionConfig {
  permissions?: { openapi?: string[] };
  triggers?: { name: string; type: string; config: string }[];
  /** Seconds; the platform's default is 3. */
  timeout?: number;
  /** Environment variables set on the function in the console. */
  envVariables?: Record<string, string>;
}

export interface FunctionDef {
  name: string;
  dir: string;
  bundle: string;
  config: FunctionConfig;
}

const NAME = /^[a-z][a-z0-9-]*$/;

/** Finds every deployable function (`cloudfunctions/<name>/config.json`) and refuses stale bundles loudly. */
export function loadFunctions(root: string, functionsDir: string): Map<string, FunctionDef> {
  const found = new Map<string, FunctionDef>();
  const problems: string[] = [];
  for (const entry of readdirSync(functionsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !NAME.test(entry.name)) continue;
    const dir = join(functionsDir, entry.name);
    if (!existsSync(join(dir, 'config.json'))) continue;
    const problem = bundleProblem(root, dir);
    if (problem) problems.push(`${entry.name}: bundle ${problem}`);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as FunctionConfig;
    found.set(entry.name, { name: entry.name, dir, bundle: join(dir, 'index.js'), config });
  }
  if (problems.length) {
    throw new Error(`[local-cloud] cannot run these functions as built:\n  ${problems.join('\n  ')}\nRun: npm run build:functions`);
  }
  return found;
}
