import type { MemberResponses } from '~/types/functions/member';
import type { SharePage } from '~/types/shares';
import { callFunction } from './cloud';

/** The member's share code, which their shared links carry; NOT_A_MEMBER for a guest. */
export function getShareCode(): Promise<MemberResponses['shareCode']> {
  return callFunction('member', 'shareCode', {});
}

/** Tells the server a page was opened from a member's shared link (recorded once per link and visitor). */
export function recordShareVisit(sharer: string, page: SharePage, productId: string | null): Promise<MemberResponses['recordShareVisit']> {
  return callFunction('member', 'recordShareVisit', productId ? { sharer, page, productId } : { sharer, page });
}
