/**
 * Cold starts: for every function, the time from a new instance to its first answer, next to an
 * empty function's (one that only answers), as a ratio; the median of several runs, for the
 * bundle built unminified (as before) and as `build:functions` builds it now (minified, with its
 * source map beside it). Prints figures only; it never fails on a number.
 *
 *   npm run bench:cold-start -- [--runs N] [--functions orders,member,…]
 *
 * Two kinds of new instance, each started afresh for every run:
 * - thread: a worker thread of the local cloud's own pool (tsx's loader, the worker shim, then the
 *   bundle), as `npm start` and the tests run functions;
 * - process: a plain `node` process that loads the bundle and calls its `main`, as close to a
 *   platform instance as this machine gets (the platform's own runtime start is not in it).
 * The first request is one every function refuses before any database call (an unknown action; a
 * timer job or the payment callback called by someone else), so what is timed is loading the
 * bundle, its dependencies (wx-server-sdk included) and answering once. Runs go round robin over
 * the functions so that other work on the machine weighs on all of them alike; each cold start's
 * CPU time is shown beside its wall time, being less swayed by that work. In a new process the
 * bundle's own share is timed apart ("own ms": loading the bundle and answering, once
 * wx-server-sdk, which most of a cold start goes to, is loaded): that is what the bundle's size moves.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuildOptions } from '../scripts/build-functions';
import { buildFunction, functionNames } from '../scripts/build-functions';
import type { Cleanups } from './support/bench-main';
import { option, runBench } from './support/bench-main';
import type { InstanceKind } from './support/cold-start-instances';
import { coldStart } from './support/cold-start-instances';
import type { ColdStartRow, VariantFigures } from './support/cold-start-report';
import { formatColdStarts } from './support/cold-start-report';

const ROOT = resolve(__dirname, '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'functions');
/** Fixture functions timed beside the real ones: one that only answers, one that also loads wx-server-sdk. */
const REFERENCES = [
  { name: 'empty', label: '(empty function)' },
  { name: 'sdk-only', label: '(wx-server-sdk only)' },
];
const DEFAULT_RUNS = 5;
const KINDS: { kind: InstanceKind; title: string }[] = [
  { kind: 'thread', title: "new worker thread of the local cloud's pool" },
  { kind: 'process', title: 'new node process, as a platform instance' },
];
const VARIANTS = { unminified: { minify: false, sourceMaps: false }, minified: {} } satisfies Record<string, BuildOptions>;
type Variant = keyof typeof VARIANTS;
/** What every function answers first: none has an action of this name. */
const FIRST_REQUEST = { action: 'coldStart' };

/** `--runs N`: measured cold starts per function, build and kind of instance. */
function runsOption(): number {
  const value = Number(option('--runs') ?? DEFAULT_RUNS);
  if (!Number.isInteger(value) || value < 1) throw new Error('--runs needs a whole number of at least 1');
  return value;
}

/** `--functions a,b`: those functions only (all by default). */
function functionsOption(): string[] {
  const all = functionNames();
  const named = option('--functions')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!named) return all;
  const unknown = named.filter((name) => !all.includes(name));
  if (unknown.length) throw new Error(`--functions: no such function ${unknown.join(', ')} (one of ${all.join(', ')})`);
  return named;
}

/** True when the answer is the refusal every function gives FIRST_REQUEST, so nothing else was timed. */
function refused(answer: unknown): boolean {
  const reply = answer as { error?: { code?: unknown }; errcode?: unknown } | null;
  return reply?.error?.code === 'UNKNOWN_ACTION' || reply?.error?.code === 'NOT_A_TIMER' || reply?.errcode === 403;
}

async function main(cleanups: Cleanups): Promise<void> {
  const runs = runsOption();
  const names = functionsOption();
  // Inside the repository, so the bundles find wx-server-sdk in its node_modules as the real ones do.
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const scratch = mkdtempSync(join(ROOT, '.cache', 'bench-cold-start-'));
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));

  process.stderr.write('  building the bundles unminified and minified\n');
  const bundles = new Map<string, { bundle: string; bytes: number }>();
  const built = (name: string, dir: string, variant: Variant) =>
    buildFunction(dir, { ...VARIANTS[variant], outDir: join(scratch, variant, name) }).then(({ bytes }) =>
      bundles.set(`${variant}/${name}`, { bundle: join(scratch, variant, name, 'index.js'), bytes }),
    );
  await Promise.all(REFERENCES.map(({ name }) => built(name, join(FIXTURES, name), 'minified')));
  for (const variant of Object.keys(VARIANTS) as Variant[])
    await Promise.all(names.map((name) => built(name, join(ROOT, 'cloudfunctions', name), variant)));
  const targets = [
    ...REFERENCES.map(({ name }) => `minified/${name}`),
    ...names.flatMap((name) => (Object.keys(VARIANTS) as Variant[]).map((variant) => `${variant}/${name}`)),
  ];

  console.log(`cold starts: a new instance of each function to its first answer, median of ${runs} runs after one unmeasured round`);
  console.log(
    `machine: ${cpus().length} cores, node ${process.version}, load average ${(loadavg()[0] as number).toFixed(2)} at start ` +
      '(other work on the machine slows every figure; compare the ratios)',
  );
  const times = new Map<string, { wall: number[]; cpu: number[]; own: number[] }>(
    KINDS.flatMap(({ kind }) => targets.map((target) => [`${kind}:${target}`, { wall: [], cpu: [], own: [] }] as const)),
  );
  for (let round = 0; round <= runs; round += 1) {
    process.stderr.write(`  round ${round === 0 ? 'warm-up' : `${round} of ${runs}`}\n`);
    for (const { kind } of KINDS) {
      for (const target of targets) {
        const { bundle } = bundles.get(target) as { bundle: string };
        const name = target.slice(target.indexOf('/') + 1);
        const { ms, cpuMs, ownMs, answer } = await coldStart(kind, name, bundle, FIRST_REQUEST);
        const reference = REFERENCES.some((fixture) => fixture.name === name);
        const expected = reference ? (answer as { ok?: unknown } | null)?.ok === true : refused(answer);
        if (!expected) throw new Error(`${target}: unexpected first answer ${JSON.stringify(answer)}`);
        const measured = times.get(`${kind}:${target}`);
        if (round > 0 && measured) {
          measured.wall.push(ms);
          measured.cpu.push(cpuMs);
          if (ownMs !== undefined) measured.own.push(ownMs);
        }
      }
    }
  }

  const figures = (kind: InstanceKind, target: string): VariantFigures => ({
    bytes: (bundles.get(target) as { bytes: number }).bytes,
    runs: times.get(`${kind}:${target}`)?.wall ?? [],
    cpuRuns: times.get(`${kind}:${target}`)?.cpu ?? [],
    ownRuns: times.get(`${kind}:${target}`)?.own ?? [],
  });
  for (const { kind, title } of KINDS) {
    const rows: ColdStartRow[] = names.map((name) => ({
      name,
      unminified: figures(kind, `unminified/${name}`),
      minified: figures(kind, `minified/${name}`),
    }));
    console.log(`\n${title}: median ms to the first answer, its ratio to the empty function's, CPU ms and own ms`);
    const references = REFERENCES.map(({ name, label }) => ({ label, figures: figures(kind, `minified/${name}`) }));
    console.log(formatColdStarts(references, rows));
  }
}

void runBench(main);
