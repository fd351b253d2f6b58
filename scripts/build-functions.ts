import { build } from 'esbuild';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { BundleStamp } from '../local-cloud/functions/bundle-stamp';
import { bannerFor, bundleProblem, inputsDigest, STAMP_FILE } from '../local-cloud/functions/bundle-stamp';

const ROOT = resolve(__dirname, '..');
const FUNCTIONS = join(ROOT, 'cloudfunctions');

/** Every deployable function: a folder under cloudfunctions/ with an index.ts. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FUNCTIONS, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Bundles one function with everything it imports into a self-contained CommonJS index.js
 * (wx-server-sdk stays external: the platform installs it from the function's package.json),
 * stamped with the digest of its sources so a stale bundle is caught before it runs.
 */
export async function buildFunction(dir: string): Promise<{ name: string; bytes: number }> {
  const name = basename(dir);
  const common = {
    entryPoints: [join(dir, 'index.ts')],
    bundle: true,
    platform: 'node' as const,
    target: 'node16',
    format: 'cjs' as const,
    external: ['wx-server-sdk'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning' as const,
  };
  const probe = await build({ ...common, write: false, metafile: true });
  const inputs = Object.keys(probe.metafile.inputs).map((input) => relative(ROOT, resolve(ROOT, input)));
  const digest = inputsDigest(ROOT, inputs);
  const result = await build({ ...common, outfile: join(dir, 'index.js'), banner: { js: bannerFor(digest) }, metafile: true });
  const stamp: BundleStamp = { inputs, digest };
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  return { name, bytes };
}

async function main(): Promise<void> {
  const names = functionNames();
  if (process.argv.includes('--check')) {
    const stale = names.map((name) => [name, bundleProblem(ROOT, join(FUNCTIONS, name))] as const).filter(([, problem]) => problem);
    for (const [name, problem] of stale) console.error(`${name}: bundle ${problem}`);
    if (stale.length) {
      console.error('Run: npm run build:functions');
      process.exit(1);
    }
    console.log(`${names.length} function bundles are current`);
    return;
  }
  const started = performance.now();
  const built = await Promise.all(names.map((name) => buildFunction(join(FUNCTIONS, name))));
  for (const { name, bytes } of built) console.log(`  ${name.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
  console.log(`built ${built.length} functions in ${Math.round(performance.now() - started)} ms`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
