import type { marketingSegmentsRequests } from '~/types/functions/marketing-segments';
import type { Routes } from '../runtime/wx';

/** Routes of the `marketing` function's segments actions. */
export const segmentRoutes: Pick<Routes<'marketing'>, keyof typeof marketingSegmentsRequests> = {};
