/**
 * Stands in for `@ant-design/plots` in the admin component tests: the charts draw on a canvas,
 * which jsdom lacks. Each chart renders its kind and the rows it was given, so a test reads what
 * the page would draw.
 */
import type { ReactElement } from 'react';

interface StubProps {
  data?: Record<string, unknown>[];
}

function chart(kind: string) {
  function StubChart({ data = [] }: StubProps): ReactElement {
    return (
      <div data-chart={kind} data-rows={data.length}>
        {data.map((row, i) => (
          <span key={i} className="chart-row">
            {Object.values(row)
              .map((value) => String(value))
              .join(' ')}
          </span>
        ))}
      </div>
    );
  }
  StubChart.displayName = `${kind}Stub`;
  return StubChart;
}

export const Line = chart('Line');
export const Pie = chart('Pie');
export const Funnel = chart('Funnel');
export const Column = chart('Column');
export const Bar = chart('Bar');
export const Area = chart('Area');
