import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { missingBrowserPrerequisites } from '../tests/support/browser-prerequisites';
import { run } from './lib/run';

const ROOT = resolve(__dirname, '..');
const RESULTS = join(ROOT, 'test-results');
const JEST_JSON = join(RESULTS, 'jest.json');

interface Step {
  name: string;
  command: [string, ...string[]];
}

interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
}

/** Checks and builds that gate the test run; the weapp and e2e suites need the built front ends and bundles. */
const STEPS: Step[] = [
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'build functions', command: ['npm', 'run', '--silent', 'build:functions'] },
  // A reduced count of the fuzzer's cases (10,000 per function when run on its own).
  { name: 'fuzz', command: ['npm', 'run', '--silent', 'fuzz', '--', '--cases', '200'] },
  { name: 'build weapp', command: ['npm', 'run', '--silent', 'build:weapp'] },
  { name: 'weapp package sizes', command: ['npm', 'run', '--silent', 'size:weapp'] },
  { name: 'build h5', command: ['npm', 'run', '--silent', 'build:h5'] },
  { name: 'build admin', command: ['npm', 'run', '--silent', 'build:admin'] },
];

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function printSteps(outcomes: Outcome[]): void {
  console.log('\n══ Summary ══');
  for (const outcome of outcomes) console.log(`  ${outcome.ok ? 'ok  ' : 'FAIL'}  ${outcome.name.padEnd(22)} ${seconds(outcome.ms)}`);
}

/**
 * The browser suites need Chromium and the CJK fonts. Checked before anything else, so a
 * machine without them learns in a second what to install instead of after every build.
 */
function browserPrerequisites(): Outcome {
  console.log('\n▶ browser prerequisites');
  const started = performance.now();
  const missing = missingBrowserPrerequisites();
  if (missing) console.log(missing);
  return { name: 'browser prerequisites', ok: missing === null, ms: performance.now() - started };
}

/** `npm test`: browser prerequisites, lint, typecheck, builds, then every Jest project (unit, ui, admin, contract, integration, weapp, e2e), one summary. */
async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  rmSync(JEST_JSON, { force: true });
  const prerequisites = browserPrerequisites();
  if (!prerequisites.ok) {
    printSteps([prerequisites]);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const outcomes: Outcome[] = [prerequisites];
  for (const step of STEPS) {
    console.log(`\n▶ ${step.name}`);
    const started = performance.now();
    const code = await run(step.command[0], step.command.slice(1));
    outcomes.push({ name: step.name, ok: code === 0, ms: performance.now() - started });
  }

  console.log('\n▶ jest');
  const started = performance.now();
  const jestArgs = ['jest', '--json', `--outputFile=${JEST_JSON}`, ...(process.env.CI ? ['--ci'] : [])];
  const code = await run('npx', jestArgs);
  outcomes.push({ name: 'jest', ok: code === 0, ms: performance.now() - started });

  const report = existsSync(JEST_JSON) ? (JSON.parse(readFileSync(JEST_JSON, 'utf8')) as JestReport) : null;
  printSteps(outcomes);
  if (!report) {
    console.log('  Jest wrote no report.');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const failedSuites = report.testResults.filter((suite) => suite.status === 'failed').map((suite) => suite.name.replace(`${ROOT}/`, ''));
  for (const suite of failedSuites) console.log(`  failed suite: ${suite}`);
  const failedSteps = outcomes.filter((outcome) => !outcome.ok && outcome.name !== 'jest').length;
  const skipped = report.numPendingTests ? `, ${report.numPendingTests} skipped` : '';
  console.log(`${report.numPassedTests} passed, ${report.numFailedTests + failedSteps} failed${skipped}`);
  process.exit(outcomes.every((outcome) => outcome.ok) ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
