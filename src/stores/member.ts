import { create } from 'zustand';
import type { MemberProfile } from '~/types/functions/member';
import { CloudError, isCloudError } from '../services/cloud';
import * as memberService from '../services/member';

export type MemberStatus = 'idle' | 'loading' | 'guest' | 'member' | 'error';

export interface MemberState {
  status: MemberStatus;
  profile: MemberProfile | null;
  /** The last failure of `load()` or `join()`; cleared when either starts again. */
  error: CloudError | null;
  /** True while a join request is in flight. */
  joining: boolean;
  /** Whether the last successful join created the membership (rather than finding one). */
  justJoined: boolean;
  /** Loads the profile; a guest (NOT_A_MEMBER) is a state, not an error. */
  load: () => Promise<void>;
  /** Joins the programme and keeps the returned profile. */
  join: () => Promise<void>;
}

function toCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  return new CloudError('INTERNAL', err instanceof Error ? err.message : String(err));
}

let inFlightLoad: Promise<void> | null = null;

/** The visitor's membership: guest or member, with the profile once known. */
export const useMemberStore = create<MemberState>()((set, get) => ({
  status: 'idle',
  profile: null,
  error: null,
  joining: false,
  justJoined: false,

  load: () => {
    // The home page and the profile page may both ask at once; share one request.
    inFlightLoad ??= (async () => {
      // A refresh keeps showing the profile already on screen.
      if (!get().profile) set({ status: 'loading' });
      set({ error: null });
      try {
        const profile = await memberService.getProfile();
        set({ status: 'member', profile });
      } catch (err) {
        if (isCloudError(err, 'NOT_A_MEMBER')) {
          set({ status: 'guest', profile: null });
        } else {
          const error = toCloudError(err);
          set(get().profile ? { error } : { status: 'error', error });
        }
      } finally {
        inFlightLoad = null;
      }
    })();
    return inFlightLoad;
  },

  join: async () => {
    if (get().joining) return;
    set({ joining: true, error: null });
    try {
      const { created, ...profile } = await memberService.join();
      set({ status: 'member', profile, joining: false, justJoined: created });
    } catch (err) {
      set({ joining: false, error: toCloudError(err) });
    }
  },
}));
