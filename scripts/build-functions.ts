import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { BundleStamp } from '../local-cloud/functions/bundle-stamp';
import { bannerFor, bundleProblem, inputsDigest, STAMP_FILE } from '../local-cloud/functions/bundle-stamp';
import { zodWithoutJsonSchema } from './lib/zod-without-json-schema';

const ROOT = resolve(__dirname, '..');
const FUNCTIONS = join(ROOT, 'cloudfunctions');
/** This script is an input of every bundle: a change to how bundles are built makes them all stale. */
const BUILD_SCRIPT = relative(ROOT, __filename);
const BUILD_PLUGIN = relative(ROOT, join(__dirname, 'lib', 'zod-without-json-schema.ts'));

/** The most a built function may weigh: the platform loads the whole bundle on every cold start. */
export const BUNDLE_LIMIT_BYTES = 300 * 1024;

export interface BuildOptions {
  /** Minify (the default); the unminified form is for comparing cold starts. */
  minify?: boolean;
  /** Write `index.js.map` beside the bundle (the default); off for an upload, which must not carry maps. */
  sourceMaps?: boolean;
  /** Where to write the bundle, its map and its stamp; the function's own folder by default. */
  outDir?: string;
}

export interface BuiltFunction {
  name: string;
  /** Size of index.js, the file the platform loads. */
  bytes: number;
  /** The packages (or first-level source folders) that weigh most in the bundle, heaviest first. */
  heaviest: { input: string; bytes: number }[];
}

/** Every deployable function: a folder under cloudfunctions/ with an index.ts. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FUNCTIONS, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** Groups a bundle's inputs by npm package (or first-level source folder) and answers the heaviest. */
export function heaviestInputs(output: Metafile['outputs'][string], count = 3): { input: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const inPackage = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const key = inPackage ? (inPackage[1] as string) : (input.split('/')[0] as string);
    totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/**
 * Bundles one function with everything it imports into a self-contained, minified CommonJS
 * index.js with its source map beside it (wx-server-sdk stays external: the platform installs it
 * from the function's package.json), stamped with the digest of its sources so a stale bundle is
 * caught before it runs.
 */
export async function buildFunction(dir: string, options: BuildOptions = {}): Promise<BuiltFunction> {
  const name = basename(dir);
  const outDir = options.outDir ?? dir;
  const sourceMaps = options.sourceMaps ?? true;
  const common = {
    entryPoints: [join(dir, 'index.ts')],
    bundle: true,
    platform: 'node' as const,
    target: 'node16',
    format: 'cjs' as const,
    external: ['wx-server-sdk'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    absWorkingDir: ROOT,
    logLevel: 'warning' as const,
    plugins: [zodWithoutJsonSchema],
  };
  const probe = await build({ ...common, write: false, metafile: true });
  const inputs = [...Object.keys(probe.metafile.inputs), BUILD_SCRIPT, BUILD_PLUGIN];
  const digest = inputsDigest(ROOT, inputs);
  const outfile = join(outDir, 'index.js');
  const result = await build({
    ...common,
    outfile,
    minify: options.minify ?? true,
    sourcemap: sourceMaps ? 'linked' : false,
    banner: { js: bannerFor(digest) },
    metafile: true,
  });
  if (!sourceMaps) rmSync(`${outfile}.map`, { force: true });
  const stamp: BundleStamp = { inputs, digest };
  writeFileSync(join(outDir, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  const output = result.metafile.outputs[relative(ROOT, outfile)];
  if (!output) throw new Error(`${name}: esbuild reported no output for ${outfile}`);
  return { name, bytes: output.bytes, heaviest: heaviestInputs(output) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One line per function over the size limit, naming its size and what weighs most in it. */
export function oversized(built: BuiltFunction[], limitBytes = BUNDLE_LIMIT_BYTES): string[] {
  return built
    .filter((fn) => fn.bytes > limitBytes)
    .map(
      (fn) =>
        `${fn.name}: bundle is ${kb(fn.bytes)}, over the ${kb(limitBytes)} limit ` +
        `(heaviest: ${fn.heaviest.map((part) => `${part.input} ${kb(part.bytes)}`).join(', ')})`,
    );
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
  const sourceMaps = !process.argv.includes('--no-source-maps');
  const started = performance.now();
  const built = await Promise.all(names.map((name) => buildFunction(join(FUNCTIONS, name), { sourceMaps })));
  for (const { name, bytes } of built) console.log(`  ${name.padEnd(28)} ${kb(bytes).padStart(9)}`);
  console.log(
    `built ${built.length} functions in ${Math.round(performance.now() - started)} ms, minified` +
      `${sourceMaps ? ', each with index.js.map beside it (not for upload)' : ', without source maps'}; limit ${kb(BUNDLE_LIMIT_BYTES)} each`,
  );
  const over = oversized(built);
  if (over.length) {
    for (const line of over) console.error(line);
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
