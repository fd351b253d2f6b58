import { create } from 'zustand';
import type { Gender } from '~/types/documents';
import type { MemberCounts, MemberProfile, TierProgressView, WelcomeGift } from '~/types/functions/member';
import type { SubscriptionTopic } from '~/types/notify';
import type { Points } from '~/types/units';
import type { CloudError } from '../services/cloud';
import { isCloudError, uploadImage } from '../services/cloud';
import * as memberService from '../services/member';
import type { Loadable } from './loadable';
import { idle, loadInto } from './loadable';
import type { Outcome } from './outcome';
import { attempt, failed, succeeded, toCloudError } from './outcome';

export type MemberStatus = 'idle' | 'loading' | 'guest' | 'member' | 'error';

export interface MemberState {
  status: MemberStatus;
  profile: MemberProfile | null;
  /** What waits for the member (coupons, rewards to collect, orders by step), read with the profile; null until then. */
  counts: MemberCounts | null;
  /** The store a bound staff member serves at (the staff entrance on 我的); null for everyone else. */
  staffStoreId: string | null;
  /** The last failure of `load()` or `join()`; cleared when either starts again. */
  error: CloudError | null;
  /** True while a join request is in flight. */
  joining: boolean;
  /** Whether the last successful join created the membership (rather than finding one). */
  justJoined: boolean;
  /** The gifts a join has just given, for the welcome sheet; null once the member has closed it. */
  welcome: { gifts: WelcomeGift[]; bonusPoints: Points } | null;
  dismissWelcome: () => void;
  /**
   * Loads the profile and its counts; a guest (NOT_A_MEMBER) is a state, not an error. Pages
   * that show these figures call it whenever they are shown, and actions that change them
   * (pay, check-in, claim, redeem) call it when they succeed, so no two pages disagree.
   */
  load: () => Promise<void>;
  /** Joins the programme and keeps the returned profile; answers whether this created the membership. */
  join: () => Promise<Outcome<{ created: boolean }>>;
  tierProgress: Loadable<TierProgressView>;
  subscriptionQuota: Loadable<Record<SubscriptionTopic, number>>;
  /** True while a profile change is being saved. */
  saving: boolean;
  loadTierProgress: () => Promise<void>;
  loadSubscriptionQuota: () => Promise<void>;
  /** Saves profile fields; answers the one-time bonus for completing the profile (0 when none). */
  updateProfile: (changes: { nickname?: string; gender?: Gender; phone?: string | null }) => Promise<Outcome<Points>>;
  /** Uploads the picture the member chose (a temporary file path) and makes it their avatar; answers the completion bonus. */
  changeAvatar: (filePath: string) => Promise<Outcome<Points>>;
  /** Sets the birthday (once); answers the completion bonus, if this completed the profile. */
  setBirthday: (birthday: string) => Promise<Outcome<Points>>;
  setConsent: (marketing: boolean) => Promise<Outcome<true>>;
  setPersonalisation: (personalised: boolean) => Promise<Outcome<true>>;
  /** Records the topics accepted in one prompt; `clientKey` is made once per prompt. */
  recordSubscriptions: (accepted: SubscriptionTopic[], clientKey: string) => Promise<Outcome<true>>;
  /** Deletes the account and forgets the profile: the visitor is a guest again. */
  deleteAccount: () => Promise<Outcome<true>>;
}

let inFlightLoad: Promise<void> | null = null;

/** Runs a save with `saving` set; a failed save changed nothing. */
async function saving<T>(set: (partial: Partial<MemberState>) => void, work: () => Promise<T>): Promise<Outcome<T>> {
  set({ saving: true });
  try {
    return await attempt(work);
  } finally {
    set({ saving: false });
  }
}

/** The visitor's membership: guest or member, with the profile once known. */
export const useMemberStore = create<MemberState>()((set, get) => ({
  status: 'idle',
  profile: null,
  counts: null,
  staffStoreId: null,
  error: null,
  joining: false,
  justJoined: false,
  welcome: null,
  dismissWelcome: () => set({ welcome: null }),

  load: () => {
    // The home page and the profile page may both ask at once; share one request.
    inFlightLoad ??= (async () => {
      // A refresh keeps showing the profile already on screen.
      if (!get().profile) set({ status: 'loading' });
      set({ error: null });
      try {
        const { profile, counts, staff } = await memberService.getSummary();
        set({ status: 'member', profile, counts, staffStoreId: staff?.storeId ?? null });
      } catch (err) {
        if (isCloudError(err, 'NOT_A_MEMBER')) {
          set({ status: 'guest', profile: null, counts: null, staffStoreId: null });
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
    if (get().joining) return failed(new Error('a join is already in progress'));
    set({ joining: true, error: null });
    const joined = await attempt(() => memberService.join());
    if (!joined.ok) {
      set({ joining: false, error: joined.error });
      return joined;
    }
    const { created, gifts, ...profile } = joined.value;
    const bonusPoints = profile.profileBonus?.points ?? 0;
    set({
      status: 'member',
      profile,
      joining: false,
      justJoined: created,
      welcome: created && (gifts.length > 0 || bonusPoints > 0) ? { gifts, bonusPoints } : null,
    });
    // The welcome gifts arrived with the membership: read the counts beside the profile.
    void get().load();
    return succeeded({ created });
  },

  tierProgress: idle(),
  subscriptionQuota: idle(),
  saving: false,

  loadTierProgress: () =>
    loadInto(
      () => get().tierProgress,
      (tierProgress) => set({ tierProgress }),
      () => memberService.getTierProgress(),
    ),

  loadSubscriptionQuota: () =>
    loadInto(
      () => get().subscriptionQuota,
      (subscriptionQuota) => set({ subscriptionQuota }),
      async () => (await memberService.getSubscriptionQuota()).quota,
    ),

  updateProfile: (changes) =>
    saving(set, async () => {
      const { bonusPoints, ...profile } = await memberService.updateProfile(changes);
      set({ profile });
      return bonusPoints;
    }),

  changeAvatar: (filePath) =>
    saving(set, async () => {
      const avatarUrl = await uploadImage(filePath, `avatars/${get().profile?.memberId ?? 'member'}`);
      const { bonusPoints, ...profile } = await memberService.updateProfile({ avatarUrl });
      set({ profile });
      return bonusPoints;
    }),

  setBirthday: (birthday) =>
    saving(set, async () => {
      const { bonusPoints, ...profile } = await memberService.setBirthday(birthday);
      set({ profile });
      return bonusPoints;
    }),

  setConsent: (marketing) =>
    saving(set, async () => {
      set({ profile: await memberService.setConsent(marketing) });
      return true as const;
    }),

  setPersonalisation: (personalised) =>
    saving(set, async () => {
      set({ profile: await memberService.setPersonalisation(personalised) });
      return true as const;
    }),

  recordSubscriptions: (accepted, clientKey) =>
    saving(set, async () => {
      const { quota } = await memberService.recordSubscriptions(accepted, clientKey);
      set({ subscriptionQuota: { status: 'ready', data: quota, error: null } });
      return true as const;
    }),

  deleteAccount: () =>
    saving(set, async () => {
      await memberService.deleteAccount('注销账号');
      set({
        status: 'guest',
        profile: null,
        counts: null,
        staffStoreId: null,
        tierProgress: idle(),
        subscriptionQuota: idle(),
        justJoined: false,
        welcome: null,
      });
      return true as const;
    }),
}));

/** After an action that changes the member's figures (pay, check-in, claim, redeem): read them again, if a member is shown. */
export function refreshMemberFigures(): void {
  if (useMemberStore.getState().status === 'member') void useMemberStore.getState().load();
}
