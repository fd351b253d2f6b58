/** Money in integer fen (1 yuan = 100 fen). */
export type Fen = number;
/** Loyalty points, always whole. */
export type Points = number;
/** Milliseconds since the Unix epoch (UTC). */
export type EpochMs = number;
