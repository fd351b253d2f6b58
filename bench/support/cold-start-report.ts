/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** One build of a function's bundle and its measured cold starts, one entry per run. */
export interface VariantFigures {
  bytes: number;
  /** Milliseconds from a new instance to its first answer. */
  runs: number[];
  /** CPU milliseconds the same runs took. */
  cpuRuns: number[];
  /** Milliseconds of loading the bundle and answering after wx-server-sdk (empty where not measured). */
  ownRuns: number[];
}

/** A function's cold starts on one kind of instance, for each build of its bundle. */
export interface ColdStartRow {
  name: string;
  unminified: VariantFigures;
  minified: VariantFigures;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (values: number[]) => (values.length ? median(values).toFixed(1) : '-');
const ratio = (value: number, empty: number) => (empty > 0 ? `${(value / empty).toFixed(2)}x` : 'n/a');

/**
 * The table of `bench:cold-start` for one kind of instance: for each build, the bundle's size, the
 * median cold start and its ratio to the empty function's, its CPU time, and the bundle's own
 * share after wx-server-sdk; first for the reference functions (the empty one first), then for
 * every function.
 */
export function formatColdStarts(references: { label: string; figures: VariantFigures }[], rows: ColdStartRow[]): string {
  const emptyMs = median(references[0]?.figures.runs ?? []);
  const cells = (figures: VariantFigures) => [
    kb(figures.bytes),
    ms(figures.runs),
    ratio(median(figures.runs), emptyMs),
    ms(figures.cpuRuns),
    ms(figures.ownRuns),
  ];
  const header = ['function', 'unminified KB', 'ms', 'vs empty', 'cpu ms', 'own ms', 'minified KB', 'ms', 'vs empty', 'cpu ms', 'own ms'];
  const body = [
    ...references.map(({ label, figures }) => [label, ...cells(figures), ...cells(figures)]),
    ...rows.map((row) => [row.name, ...cells(row.unminified), ...cells(row.minified)]),
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => (row[column] as string).length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] as number) : cell.padStart(widths[column] as number))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}
