import type { WeappFigures } from './weapp-figures';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The weapp figures: the home page's first render, then a table of setData bytes per list, then every "load more". */
export function formatWeappReport(figures: WeappFigures): string {
  const { home } = figures;
  const header = ['list', 'items', 'first page', 'load more min', 'median', 'max', 'loads', 'largest setData'];
  const rows = figures.lists.map(({ name, walk }) => [
    name,
    String(walk.items),
    kb(walk.openingBytes),
    kb(Math.min(...walk.loadBytes)),
    kb(median(walk.loadBytes)),
    kb(Math.max(...walk.loadBytes)),
    String(walk.loadBytes.length),
    kb(walk.largestBytes),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] as number) : cell.padStart(widths[column] as number))).join('  ');
  return [
    `home page, first render: ${home.setData} setData, the first ${kb(home.firstBytes)}, ${kb(home.totalBytes)} in all until the member card and products are on screen (${Math.round(home.ms)} ms in the harness)`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
    '',
    ...figures.lists.map(
      ({ name, walk }) => `each load more of the ${name} (KB): ${walk.loadBytes.map((bytes) => (bytes / 1024).toFixed(1)).join(' ')}`,
    ),
  ].join('\n');
}
