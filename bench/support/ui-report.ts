import type { ScrollFigures } from './ui-scroll';

/** One page of the stress pass and what it did. */
export interface UiCaseResult {
  name: string;
  expected: number;
  pageSize: number;
  figures: ScrollFigures;
  /** Cloud function calls the page made while scrolling. */
  calls: number;
}

const ms = (value: number | null) =>
  value === null ? 'n/a' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;

/** The figures as a fixed-width table, one row per page, then a line for anything that did not finish. */
export function formatUiTable(results: UiCaseResult[]): string {
  const header = [
    'page',
    'items',
    'calls',
    'first render',
    'scroll-through',
    'longest frame',
    'frames >50ms',
    'long tasks',
    'long task total',
    'longest task',
    'DOM nodes',
  ];
  const rows = results.map(({ name, expected, calls, figures: f }) => [
    name,
    `${f.items}/${expected}`,
    String(calls),
    ms(f.firstRenderMs),
    ms(f.scrollThroughMs),
    ms(f.longestFrameMs),
    `${f.slowFrames}/${f.frames}`,
    String(f.longTasks.count),
    ms(f.longTasks.totalMs),
    ms(f.longTasks.longestMs),
    f.domNodes.toLocaleString('en-US'),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] as number) : cell.padStart(widths[column] as number))).join('  ');
  const notes = results.flatMap(({ name, expected, pageSize, figures: f }) => {
    if (f.reachedEnd && f.items === expected) return [];
    const why = f.stalled ? 'stopped loading' : f.reachedEnd ? 'said it had no more' : 'ran out of time';
    return [`note: ${name} ${why} at ${f.items} of ${expected} items (${Math.ceil(f.items / pageSize)} pages of ${pageSize}).`];
  });
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ...notes].join('\n');
}
