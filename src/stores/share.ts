import { create } from 'zustand';
import type { SharePage } from '~/types/shares';
import { isCloudError } from '../services/cloud';
import * as shareService from '../services/share';

interface ShareState {
  /** The member's share code once read; null for a guest or until read. */
  code: string | null;
  /** The server said the visitor is a guest; asked again once they join. */
  guest: boolean;
  /** Reads the share code (one request at a time); a failure leaves links without a sharer. */
  loadCode: () => Promise<void>;
  /** Records a visit from a shared link, once per link in this run of the app (the server keeps it once anyway). */
  recordVisit: (sharer: string, page: SharePage, productId: string | null) => Promise<void>;
}

let inFlight: Promise<void> | null = null;
const recorded = new Set<string>();

/** What sharing needs: the member's own share code, and which shared links this visitor has reported. */
export const useShareStore = create<ShareState>()((set) => ({
  code: null,
  guest: false,
  loadCode: () => {
    inFlight ??= shareService
      .getShareCode()
      .then(
        ({ code }) => set({ code, guest: false }),
        (error: unknown) => set({ guest: isCloudError(error, 'NOT_A_MEMBER') }),
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  },
  recordVisit: async (sharer, page, productId) => {
    const key = `${sharer}|${page}|${productId ?? ''}`;
    if (recorded.has(key)) return;
    recorded.add(key);
    try {
      await shareService.recordShareVisit(sharer, page, productId);
    } catch (error) {
      // A stale or mangled link still opens its page quietly; only a lost request is worth another try.
      if (isCloudError(error, 'NETWORK')) recorded.delete(key);
    }
  },
}));
