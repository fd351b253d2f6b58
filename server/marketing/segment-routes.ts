import type { marketingSegmentsRequests } from '~/types/functions/marketing-segments';
import { signedIn } from '~/server/admin/signed-in';
import type { Routes } from '../runtime/wx';
import { archiveSegment } from './archive-segment';
import { countSegment } from './count-segment';
import { listSegments } from './list-segments';
import { previewSegment } from './preview-segment';
import { saveSegment } from './save-segment';

/** Routes of the `marketing` function's segments actions. */
export const segmentRoutes: Pick<Routes<'marketing'>, keyof typeof marketingSegmentsRequests> = {
  listSegments: signedIn((ctx, input) => listSegments(ctx, input)),
  saveSegment: signedIn((ctx, input, admin) => saveSegment(ctx, input, admin)),
  archiveSegment: signedIn((ctx, input, admin) => archiveSegment(ctx, input, admin)),
  previewSegment: signedIn((ctx, input) => previewSegment(ctx, input.rule)),
  countSegment: signedIn((ctx, input, admin) => countSegment(ctx, input, admin)),
};
