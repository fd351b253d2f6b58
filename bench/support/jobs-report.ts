import type { ActionCounts } from './round-trips';
import { ACTION_COLUMNS } from './round-trips';

/** One job's day on the benchmark population. */
export interface JobRow {
  job: string;
  /** What the day held for the job, e.g. `1 Mar, February's points expire`. */
  day: string;
  invocations: number;
  longestSeconds: number;
  seconds: number;
  scanned: number;
  changed: number;
  failed: number;
  trips: number;
  /** The trips by kind (see countKey). */
  tripsByKind: ActionCounts;
  /** Raw better-sqlite3 scan of every row of the job's collection, ms per 1,000 members. */
  rawMsPerThousand: number;
}

const fixed = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The table of `bench:jobs`: time and round trips per 1,000 members, next to the raw scan. */
export function formatJobRows(rows: JobRow[], members: number): string {
  const thousands = members / 1_000;
  const header = [
    'job',
    'day',
    'invocations',
    'longest s',
    'read',
    'changed',
    'failed',
    'trips',
    'ms/1k members',
    'trips/1k members',
    'raw scan ms/1k',
    'ratio',
  ];
  const body = rows.map((row) => {
    const msPerThousand = (row.seconds * 1_000) / thousands;
    return [
      row.job,
      row.day,
      String(row.invocations),
      fixed(row.longestSeconds, 1),
      row.scanned.toLocaleString('en-US'),
      row.changed.toLocaleString('en-US'),
      String(row.failed),
      row.trips.toLocaleString('en-US'),
      fixed(msPerThousand, 2),
      fixed(row.trips / thousands, 1),
      fixed(row.rawMsPerThousand, 2),
      `${fixed(msPerThousand / row.rawMsPerThousand, 2)}x`,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => (cells[column] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** Each job's round trips by kind (transaction start, reads and writes inside one, …), per item changed. */
export function formatTripKinds(rows: JobRow[]): string {
  return rows
    .map((row) => {
      const labelled = Object.entries(row.tripsByKind)
        .sort(([a], [b]) => ACTION_COLUMNS.findIndex(([key]) => key === a) - ACTION_COLUMNS.findIndex(([key]) => key === b))
        .map(([key, count]) => `${ACTION_COLUMNS.find(([known]) => known === key)?.[1] ?? key} ${count.toLocaleString('en-US')}`);
      const perItem = row.changed ? ` (${fixed(row.trips / row.changed, 2)} per item changed)` : '';
      return `${row.job}, ${row.day}: ${labelled.join(', ')}${perItem}`;
    })
    .join('\n');
}
