import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleProblem } from '../local-cloud/functions/bundle-stamp';
import { BUNDLE_LIMIT_BYTES, buildFunction, heaviestInputs, oversized } from './build-functions';

const ROOT = resolve(__dirname, '..');
const EMPTY = join(ROOT, 'tests', 'fixtures', 'functions', 'empty');

let out: string;

beforeEach(() => {
  // Inside the repository, as the stamp names inputs relative to it.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  out = mkdtempSync(join(ROOT, '.cache', 'build-functions-'));
});

afterEach(() => {
  rmSync(out, { recursive: true, force: true });
});

test('builds a minified, stamped bundle with its source map beside it', async () => {
  const built = await buildFunction(EMPTY, { outDir: out });

  const code = readFileSync(join(out, 'index.js'), 'utf8');
  expect(built).toMatchObject({ name: 'empty', bytes: Buffer.byteLength(code) });
  expect(code.trimEnd().endsWith('//# sourceMappingURL=index.js.map')).toBe(true);
  const { sources } = JSON.parse(readFileSync(join(out, 'index.js.map'), 'utf8')) as { sources: string[] };
  expect(sources.map((source) => resolve(out, source))).toContain(join(EMPTY, 'index.ts'));
  expect(bundleProblem(ROOT, out)).toBeNull();
});

test('builds without a source map for an upload, removing one left by an earlier build', async () => {
  await buildFunction(EMPTY, { outDir: out });
  await buildFunction(EMPTY, { outDir: out, sourceMaps: false });

  expect(existsSync(join(out, 'index.js.map'))).toBe(false);
  expect(readFileSync(join(out, 'index.js'), 'utf8')).not.toContain('sourceMappingURL');
  expect(bundleProblem(ROOT, out)).toBeNull();
});

test('names every function over the limit, its size and what weighs most in it', () => {
  const heaviest = [
    { input: 'zod', bytes: 457 * 1024 },
    { input: 'server', bytes: 33 * 1024 },
  ];
  const lines = oversized([
    { name: 'orders', bytes: 525 * 1024, heaviest },
    { name: 'points', bytes: BUNDLE_LIMIT_BYTES, heaviest },
  ]);

  expect(lines).toEqual(['orders: bundle is 525.0 KB, over the 300.0 KB limit (heaviest: zod 457.0 KB, server 33.0 KB)']);
});

test('groups a bundle by package and by source folder, heaviest first', () => {
  const output = {
    bytes: 0,
    imports: [],
    exports: [],
    entryPoint: undefined,
    inputs: {
      'server/orders/routes.ts': { bytesInOutput: 300 },
      'server/db/database.ts': { bytesInOutput: 200 },
      '../main/node_modules/zod/v4/core/schemas.js': { bytesInOutput: 900 },
      'node_modules/@noble/hashes/sha256.js': { bytesInOutput: 100 },
      'core/money/format.ts': { bytesInOutput: 50 },
    },
  };

  expect(heaviestInputs(output)).toEqual([
    { input: 'zod', bytes: 900 },
    { input: 'server', bytes: 500 },
    { input: '@noble/hashes', bytes: 100 },
  ]);
});
