import type { marketingTagsRequests } from '~/types/functions/marketing-tags';
import type { Routes } from '../runtime/wx';

/** Routes of the `marketing` function's tags actions. */
export const tagRoutes: Pick<Routes<'marketing'>, keyof typeof marketingTagsRequests> = {};
