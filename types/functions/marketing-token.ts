import * as z from 'zod';

/** The admin session token every `marketing` action carries (as the `admin` function's do). */
export const marketingToken = z.string().min(16).max(512);
