import type { MemberDoc } from '~/types/documents';
import type { MemberProfileDoc } from '~/types/marketing';
import type { Transaction } from '../db/run-transaction';
import type { RequestContext } from '../runtime/wx';

/**
 * A profile for a member the daily refresh has not reached yet: the member's basics, neutral
 * computed fields (no purchases, RFM 0, stage `new`) and no special tags. `refreshedAt` 0 marks
 * it as never refreshed; the job overwrites every field but `special`.
 */
export function neutralProfile(member: MemberDoc): MemberProfileDoc {
  const month = member.birthday ? Number(member.birthday.slice(5, 7)) : null;
  return {
    _id: member._id,
    memberNo: member.memberNo,
    refreshedDay: '',
    refreshedAt: 0,
    gender: member.gender,
    ageBand: null,
    province: null,
    city: null,
    joinedAt: member.joinedAt,
    birthdayMonth: month,
    tierId: member.tierId,
    marketing: member.consent.marketing,
    personalised: member.consent.personalised !== false,
    rfm: { r: 0, f: 0, m: 0 },
    rfmCode: 0,
    lastPurchaseAt: member.lastPaidAt ?? null,
    purchases: 0,
    spendFen: 0,
    averageOrderFen: 0,
    spend30Fen: 0,
    spend90Fen: 0,
    spend365Fen: 0,
    onlineFen: 0,
    storeFen: 0,
    homeStoreId: null,
    preferredCategoryIds: [],
    checkInStreak: member.checkIn.streak,
    checkIns30: 0,
    couponUseRate: 0,
    redemptions: 0,
    shares: 0,
    stage: 'new',
    stageSince: member.joinedAt,
    stageHistory: [],
    special: {},
  };
}

/** The top-level profile fields a caller outside the daily refresh may set (the job owns the rest). */
export type ProfileFieldsOutsideRefresh = Partial<Pick<MemberProfileDoc, 'marketing' | 'personalised' | 'tierId'>>;

/**
 * Sets a few top-level fields of a member's profile now, creating a neutral profile first when the
 * daily refresh has not made one: an insert that loses the race to another writer (the job, a tag
 * assignment) falls back to a field update, so nothing another writer put there is overwritten.
 */
export async function updateProfileFields(ctx: RequestContext, member: MemberDoc, fields: ProfileFieldsOutsideRefresh): Promise<void> {
  const profiles = ctx.db.collection('member_profiles');
  if (!(await profiles.get(member._id)) && (await profiles.insert({ ...neutralProfile(member), ...fields }))) return;
  await profiles.updateWhere({ _id: member._id }, fields);
}

/**
 * Inside a transaction: the member's profile as it stands, or a neutral one (not yet written)
 * when there is none. The caller writes it whole with `set` when `exists` is false, else only the
 * paths it changes, so a profile the job wrote meanwhile is a transaction conflict and a re-run,
 * never an overwrite.
 */
export async function readProfileInTx(tx: Transaction, member: MemberDoc): Promise<{ profile: MemberProfileDoc; exists: boolean }> {
  const found = (await tx.collection('member_profiles').doc(member._id).get()).data;
  return found ? { profile: found, exists: true } : { profile: neutralProfile(member), exists: false };
}
