import { table } from './loyalty-report';

/** One throughput case: a catalogue mix at one number of concurrent buyers. */
export interface OrderThroughputRow {
  mix: string;
  buyers: number;
  orders: number;
  failures: number;
  seconds: number;
  ordersPerSecond: number;
  /** Wall time of one successful order (place, pay, payment applied), in ms. */
  p50: number;
  p95: number;
  tripsPerOrder: number;
  /** The average minimum over the orders of the run (it mixes standard and one-line orders). */
  minimum: number;
  txStartsPerOrder: number;
  /** Payment records written during the run: one per order paid. */
  paid: number;
  ranOut: boolean;
  /** CPU used by this process and by the local cloud during the run, in cores (1 = one core busy). */
  ownCpu: number;
  cloudCpu: number;
}

/** The `q` quantile (0–1) of `values`, nearest rank; 0 for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const ratio = (measured: number, minimum: number) => (minimum > 0 ? `${(measured / minimum).toFixed(2)}x` : 'n/a');

/** Throughput, latency and round trips per order of each case. */
export function formatOrderThroughput(rows: OrderThroughputRow[]): string {
  const header = [
    'SKUs',
    'buyers',
    'orders',
    'orders/s',
    'p50 ms',
    'p95 ms',
    'trips/order',
    'minimum',
    'ratio',
    'tx/order',
    'trips/s',
    'cpu here',
    'cpu cloud',
    'paid',
    'errors',
  ];
  const body = rows.map((row) => [
    row.mix,
    String(row.buyers),
    row.orders.toLocaleString('en-US'),
    `${row.ordersPerSecond.toFixed(1)}${row.ranOut ? '*' : ''}`,
    row.p50.toFixed(0),
    row.p95.toFixed(0),
    row.tripsPerOrder.toFixed(2),
    row.minimum.toFixed(2),
    ratio(row.tripsPerOrder, row.minimum),
    row.txStartsPerOrder.toFixed(2),
    Math.round((row.tripsPerOrder * row.orders) / row.seconds).toLocaleString('en-US'),
    `${Math.round(100 * row.ownCpu)} %`,
    `${Math.round(100 * row.cloudCpu)} %`,
    row.paid.toLocaleString('en-US'),
    String(row.failures),
  ]);
  return table(header, body, 1);
}
