import fs from 'node:fs';
import path from 'node:path';

/** The project's budget for the main package (WeChat's own limit is 2 MB). */
export const MAIN_PACKAGE_LIMIT_BYTES = 1024 * 1024;
/** WeChat's limit on any one subpackage. */
export const SUBPACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

/** DevTools' own settings sit beside the code but are not part of any package. */
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json']);

export interface PackageSize {
  /** `main`, or the subpackage root as written in app.json. */
  name: string;
  files: number;
  bytes: number;
  limitBytes: number;
}

export interface WeappSizeReport {
  main: PackageSize;
  subpackages: PackageSize[];
  totalBytes: number;
  /** Packages at or above their limit. */
  overLimit: PackageSize[];
  /** Source maps were found: a watch build, whose sizes say nothing about the upload. */
  hasSourceMaps: boolean;
}

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : entry.isFile() ? [full] : [];
  });
}

function normaliseRoot(root: string): string {
  return root.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

/** Measures a built weapp directory: the main package and each subpackage named in app.json. */
export function measureWeapp(distDir: string): WeappSizeReport {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => normaliseRoot(sub.root));

  const main: PackageSize = { name: 'main', files: 0, bytes: 0, limitBytes: MAIN_PACKAGE_LIMIT_BYTES };
  const subpackages = roots.map<PackageSize>((root) => ({
    name: root,
    files: 0,
    bytes: 0,
    limitBytes: SUBPACKAGE_LIMIT_BYTES,
  }));

  let hasSourceMaps = false;
  for (const file of listFiles(distDir)) {
    const relative = path.relative(distDir, file).split(path.sep).join('/');
    if (NOT_PACKAGED.has(relative)) continue;
    if (relative.endsWith('.map')) hasSourceMaps = true;
    const owner = subpackages.find((sub) => relative.startsWith(`${sub.name}/`)) ?? main;
    owner.files += 1;
    owner.bytes += fs.statSync(file).size;
  }

  const all = [main, ...subpackages];
  return {
    main,
    subpackages,
    totalBytes: all.reduce((sum, pkg) => sum + pkg.bytes, 0),
    overLimit: all.filter((pkg) => pkg.bytes >= pkg.limitBytes),
    hasSourceMaps,
  };
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

/** Renders the report as a plain-text table, sizes in KB. */
export function formatReport(report: WeappSizeReport): string {
  const rows = [report.main, ...report.subpackages].map((pkg) => [
    pkg.name,
    String(pkg.files),
    kb(pkg.bytes),
    kb(pkg.limitBytes),
    pkg.bytes >= pkg.limitBytes ? 'OVER' : `${((pkg.bytes / pkg.limitBytes) * 100).toFixed(1)}%`,
  ]);
  const header = ['package', 'files', 'size KB', 'limit KB', 'used'];
  const footer = ['total', String(rows.reduce((n, row) => n + Number(row[1]), 0)), kb(report.totalBytes), '', ''];
  const table = [header, ...rows, footer];
  const widths = header.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line), rule, line(footer)].join('\n');
}

function main(): number {
  const distDir = path.resolve(process.argv[2] ?? 'dist/weapp');
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error(`${path.join(distDir, 'app.json')} not found: run \`npm run build:weapp\` first.`);
    return 2;
  }
  const report = measureWeapp(distDir);
  console.log(formatReport(report));
  if (report.hasSourceMaps) {
    console.warn('\nSource maps found: this looks like a watch build. Measure a production build instead.');
  }
  for (const pkg of report.overLimit) {
    console.error(`\n${pkg.name} is ${kb(pkg.bytes)} KB, at or over its ${kb(pkg.limitBytes)} KB limit.`);
  }
  return report.overLimit.length > 0 ? 1 : 0;
}

// Run only as a command (`tsx scripts/size-weapp.ts`), not when a test imports the module.
if (path.basename(process.argv[1] ?? '').startsWith('size-weapp')) {
  process.exitCode = main();
}
