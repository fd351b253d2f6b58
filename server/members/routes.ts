import { memberRequests } from '~/types/functions/member';
import { recordSubscriptions, subscriptionQuota } from '../notify/subscription-quota';
import { loadProgramme } from '../programme/load-programme';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { memberTierProgress } from '../tiers/qualifying-spend';
import { getProfile, loadMember } from './get-profile';
import { joinMember } from './join-member';
import { issueMemberCode } from './member-code';
import { deleteAccount, setBirthday, setConsent, updateProfile } from './update-member';

/** Routes of the `member` function: the caller is always the member acted on. */
export const memberRoutes: Routes<'member'> = {
  join: (input, ctx) => joinMember(ctx, requireOpenid(ctx), input),
  getProfile: (_input, ctx) => getProfile(ctx, requireOpenid(ctx)),
  updateProfile: ({ action: _action, ...input }, ctx) => updateProfile(ctx, requireOpenid(ctx), input),
  setBirthday: (input, ctx) => setBirthday(ctx, requireOpenid(ctx), input.birthday),
  setConsent: (input, ctx) => setConsent(ctx, requireOpenid(ctx), input.marketing),
  deleteAccount: (_input, ctx) => deleteAccount(ctx, requireOpenid(ctx)),
  tierProgress: async (_input, ctx) => {
    const member = await loadMember(ctx, requireOpenid(ctx));
    const { progress, history } = await memberTierProgress(ctx, member);
    const { current, next } = progress;
    return {
      current: { id: current._id, name: current.name, perks: current.perks },
      next: next && { id: next._id, name: next.name, entrySpendFen: next.entrySpendFen },
      spendFen: progress.spendFen,
      toNextFen: progress.toNextFen,
      toKeepFen: progress.toKeepFen,
      reviewAt: progress.reviewAt,
      downgradeAt: progress.downgradeAt,
      ladder: (await loadProgramme(ctx)).tiers.map((tier) => ({
        id: tier._id,
        name: tier.name,
        entrySpendFen: tier.entrySpendFen,
        perks: tier.perks,
      })),
      history: history.map((change) => ({ from: change.from, to: change.to, reason: change.reason, at: change.at })),
    };
  },
  recordSubscriptions: async ({ accepted, clientKey }, ctx) => {
    const member = await loadMember(ctx, requireOpenid(ctx));
    return { quota: await recordSubscriptions(ctx, { memberId: member._id, accepted, clientKey }) };
  },
  subscriptionQuota: async (_input, ctx) => ({ quota: await subscriptionQuota(ctx, (await loadMember(ctx, requireOpenid(ctx)))._id) }),
  memberCode: (_input, ctx) => issueMemberCode(ctx, requireOpenid(ctx)),
};

/** The `member` cloud function's main. */
export const memberMain = createWxHandler<'member'>(memberRequests, memberRoutes);
