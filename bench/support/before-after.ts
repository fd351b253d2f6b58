/** A round-trip figure measured before the resumable-steps runner, and the one measured now. */
export interface RoundTripChange {
  what: string;
  before: { trips: number; minimum: number };
  now: { trips: number; minimum: number };
  /** The ratio the work aimed for, at most. */
  target: number;
}

/**
 * Round trips per call against the minimum before the steps runner, as bench:checkout and
 * bench:loyalty printed them on commit fb25989 (quoted in the issue "One shape for the next
 * wave", item 10): an order and its payment averaged over the spread single-buyer run, a claim and a redemption
 * over 20 sequential calls.
 */
export const BEFORE = {
  order: { trips: 46.5, minimum: 34.8 },
  claim: { trips: 9, minimum: 5 },
  redemption: { trips: 19, minimum: 17 },
} as const;

const ratio = ({ trips, minimum }: { trips: number; minimum: number }) => trips / minimum;
const figure = (side: { trips: number; minimum: number }) =>
  `${ratio(side).toFixed(2)}x (${Number(side.trips.toFixed(2))} against ${Number(side.minimum.toFixed(2))})`;

/** One line per change: before → now, and whether the target is met. */
export function formatChanges(changes: RoundTripChange[]): string {
  return changes
    .map((change) => {
      const met = ratio(change.now) <= change.target + 1e-9 ? 'met' : 'not met';
      return `  ${change.what}: before ${figure(change.before)}, now ${figure(change.now)}; target at most ${change.target.toFixed(2)}x, ${met}`;
    })
    .join('\n');
}
