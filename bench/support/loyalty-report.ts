import type { ActionCounts } from './round-trips';
import { ACTION_COLUMNS, totalOf } from './round-trips';

/** Round trips of one use-case's calls, by action, averaged over `calls` sequential uncontended calls. */
export interface PerCallCounts {
  useCase: string;
  calls: number;
  failures: number;
  counts: ActionCounts;
  minimum: number;
}

/** One throughput case: a use-case, a fixture, a concurrency. */
export interface ThroughputRow {
  useCase: string;
  fixture: string;
  concurrency: number;
  calls: number;
  failures: number;
  seconds: number;
  opsPerSecond: number;
  tripsPerCall: number;
  minimum: number;
  ranOut: boolean;
  /** CPU used by this process and by the local cloud during the run, in cores (1 = one core busy). */
  ownCpu: number;
  cloudCpu: number;
}

const decimal = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
const ratio = (measured: number, minimum: number) => (minimum > 0 ? `${(measured / minimum).toFixed(2)}x` : 'n/a');

/** A fixed-width table; the first `left` columns are left-aligned. */
export function table(header: string[], rows: string[][], left = 1): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < left ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The action columns that any row used, known ones first in protocol order, then any others. */
function usedColumns(all: ActionCounts[]): [string, string][] {
  const used = new Set(all.flatMap((counts) => Object.keys(counts)));
  const known = ACTION_COLUMNS.filter(([key]) => used.has(key));
  const others = [...used].filter((key) => !ACTION_COLUMNS.some(([k]) => k === key)).map((key): [string, string] => [key, key]);
  return [...known, ...others];
}

/** Round trips per call by action, next to the minimum; plus which actions no call issued. */
export function formatPerCall(rows: PerCallCounts[]): string {
  const columns = usedColumns(rows.map((row) => row.counts));
  const header = ['use-case', ...columns.map(([, label]) => label), 'total', 'minimum', 'ratio'];
  const body = rows.map((row) => {
    const total = totalOf(row.counts) / row.calls;
    return [
      row.failures ? `${row.useCase} (${row.failures} failed)` : row.useCase,
      ...columns.map(([key]) => decimal((row.counts[key] ?? 0) / row.calls)),
      decimal(total),
      String(row.minimum),
      ratio(total, row.minimum),
    ];
  });
  const unused = ACTION_COLUMNS.filter(([key]) => !columns.some(([k]) => k === key)).map(([key]) => key.replace(/^database\./, ''));
  return `${table(header, body)}\n(no call issued: ${unused.join(', ')})`;
}

/** Throughput and round trips per call of each case. */
export function formatThroughput(rows: ThroughputRow[]): string {
  const header = [
    'use-case',
    'fixture',
    'conc',
    'calls',
    'ops/s',
    'trips/call',
    'minimum',
    'ratio',
    'trips/s',
    'cpu here',
    'cpu cloud',
    'errors',
  ];
  const body = rows.map((row) => [
    row.useCase,
    row.fixture,
    String(row.concurrency),
    row.calls.toLocaleString('en-US'),
    `${Math.round(row.opsPerSecond).toLocaleString('en-US')}${row.ranOut ? '*' : ''}`,
    row.tripsPerCall.toFixed(2),
    String(row.minimum),
    ratio(row.tripsPerCall, row.minimum),
    Math.round((row.tripsPerCall * row.calls) / row.seconds).toLocaleString('en-US'),
    `${Math.round(100 * row.ownCpu)} %`,
    `${Math.round(100 * row.cloudCpu)} %`,
    String(row.failures),
  ]);
  return table(header, body, 2);
}
