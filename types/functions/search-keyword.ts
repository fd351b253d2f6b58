import * as z from 'zod';

/**
 * Words typed into a search box, up to `max` characters: control characters are refused, since
 * the database cannot match a pattern that holds one (a NUL byte fails the query).
 */
export const searchKeyword = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
