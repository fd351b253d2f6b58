/** Throughput of one operation at one concurrency, on each of the three targets. */
export interface CaseResult {
  operation: string;
  concurrency: number;
  ceiling: number;
  localCloud: number;
  rawSqlite: number;
}

const opsPerSecond = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : 'n/a');

/** Formats the results as a fixed-width table, one row per case. */
export function formatTable(results: CaseResult[]): string {
  const header = ['operation', 'conc', 'ceiling ops/s', 'local-cloud ops/s', 'raw sqlite ops/s', 'local/ceiling', 'local/raw'];
  const rows = results.map((r) => [
    r.operation,
    String(r.concurrency),
    opsPerSecond(r.ceiling),
    opsPerSecond(r.localCloud),
    opsPerSecond(r.rawSqlite),
    percent(r.localCloud, r.ceiling),
    percent(r.localCloud, r.rawSqlite),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] as number) : cell.padStart(widths[column] as number))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
