/** Fixed lengths of time in milliseconds. Calendar days and months are in `shanghai.ts`. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
