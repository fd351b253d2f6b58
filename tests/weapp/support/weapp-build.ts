import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newestMtime } from '../../../scripts/lib/freshness';

const ROOT = resolve(__dirname, '../../..');

/** Where `npm run build:weapp` writes the mini-program. */
export const WEAPP_DIR = join(ROOT, 'dist', 'weapp');

/** What the weapp build compiles: a change to any of these makes `dist/weapp` stale. */
const BUILD_INPUTS = [
  'src',
  'types',
  'core',
  'config/index.ts',
  'config/prod.ts',
  'config/design-width.ts',
  'babel.config.js',
  'package.json',
];

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
}

/** The built mini-program as app.json describes it. */
export interface WeappBuild {
  dir: string;
  /** Every page route, main package first, as WeChat names them (`packages/orders/pages/list/index`). */
  routes: string[];
  /** The subpackage roots (`packages/orders`). */
  subpackageRoots: string[];
  /** The tab bar's pages: opened with switchTab only. */
  tabRoutes: string[];
}

/**
 * Why `dist/weapp` cannot be tested as it is (missing, or older than what it is built from), or
 * null when it is current. Test files under src/ do not count: they are not part of the build.
 */
export function weappBuildProblem(): string | null {
  const appJs = join(WEAPP_DIR, 'app.js');
  if (!existsSync(join(WEAPP_DIR, 'app.json')) || !existsSync(appJs)) return `${WEAPP_DIR} has no built mini-program`;
  const built = statSync(appJs).mtimeMs;
  const newest = newestMtime(
    BUILD_INPUTS.map((input) => join(ROOT, input)),
    (path) => !/\.test\.tsx?$|\/src\/test\//.test(path),
  );
  if (newest > built) return `${WEAPP_DIR} is older than its sources`;
  return null;
}

/** Reads app.json of the current build; throws with what to run when the build is missing or stale. */
export function currentWeappBuild(): WeappBuild {
  const problem = weappBuildProblem();
  if (problem) throw new Error(`${problem}.\nRun: npm run build:weapp`);
  const app = JSON.parse(readFileSync(join(WEAPP_DIR, 'app.json'), 'utf8')) as AppJson;
  const subPackages = app.subPackages ?? [];
  return {
    dir: WEAPP_DIR,
    routes: [...app.pages, ...subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))],
    subpackageRoots: subPackages.map((sub) => sub.root),
    tabRoutes: (app.tabBar?.list ?? []).map((tab) => tab.pagePath),
  };
}
