import type { MemberCodeView, MemberProfile, MemberResponses, MemberSummary, TierProgressView } from '~/types/functions/member';
import type { SubscriptionTopic } from '~/types/notify';
import type { Gender } from '~/types/documents';
import { callFunction } from './cloud';

/** Joins the programme with one tap; a member who already joined gets their profile back. */
export function join(): Promise<MemberResponses['join']> {
  return callFunction('member', 'join', {});
}

/** Loads the caller's member profile; throws a CloudError `NOT_A_MEMBER` for a guest. */
export function getProfile(): Promise<MemberProfile> {
  return callFunction('member', 'getProfile', {});
}

/** The profile with the counts the member's pages show (coupons, rewards to collect, orders by step); NOT_A_MEMBER for a guest. */
export function getSummary(): Promise<MemberSummary> {
  return callFunction('member', 'getSummary', {});
}

/** Changes nickname, avatar (a stored file id), gender or phone (null removes the phone); answers the bonus for completing the profile. */
export function updateProfile(changes: {
  nickname?: string;
  avatarUrl?: string;
  gender?: Gender;
  phone?: string | null;
}): Promise<MemberResponses['updateProfile']> {
  return callFunction('member', 'updateProfile', changes);
}

/** Sets the birthday, which can be done once. */
export function setBirthday(birthday: string): Promise<MemberResponses['setBirthday']> {
  return callFunction('member', 'setBirthday', { birthday });
}

/** Records whether the member wants marketing messages. */
export function setConsent(marketing: boolean): Promise<MemberProfile> {
  return callFunction('member', 'setConsent', { marketing });
}

/** Turns personalised marketing on or off. */
export function setPersonalisation(personalised: boolean): Promise<MemberProfile> {
  return callFunction('member', 'setPersonalisation', { personalised });
}

/** Deletes the account; `confirm` is the phrase the member typed. */
export function deleteAccount(confirm: '注销账号'): Promise<{ deleted: true }> {
  return callFunction('member', 'deleteAccount', { confirm });
}

/** Tier, progress to the next tier, what keeps this one, the perks ladder and tier history. */
export function getTierProgress(): Promise<TierProgressView> {
  return callFunction('member', 'tierProgress', {});
}

/** Records the topics accepted in one subscription prompt; `clientKey` is made once per prompt. */
export function recordSubscriptions(accepted: SubscriptionTopic[], clientKey: string): Promise<MemberResponses['recordSubscriptions']> {
  return callFunction('member', 'recordSubscriptions', { accepted, clientKey });
}

/** How many messages of each topic the member has agreed to receive. */
export function getSubscriptionQuota(): Promise<MemberResponses['subscriptionQuota']> {
  return callFunction('member', 'subscriptionQuota', {});
}

/** The current signed member code for the till. */
export function getMemberCode(): Promise<MemberCodeView> {
  return callFunction('member', 'memberCode', {});
}
