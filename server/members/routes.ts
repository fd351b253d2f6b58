import { toTierProgressView } from '~/core/tiers/progress-view';
import { memberRequests } from '~/types/functions/member';
import { addAddress } from '../addresses/add-address';
import { listAddresses } from '../addresses/list-addresses';
import { removeAddress } from '../addresses/remove-address';
import { setDefaultAddress } from '../addresses/set-default-address';
import { updateAddress } from '../addresses/update-address';
import { recordSubscriptions, subscriptionQuota } from '../notify/subscription-quota';
import type { Routes } from '../runtime/wx';
import { createWxHandler, requireOpenid } from '../runtime/wx';
import { memberTierProgress } from '../tiers/qualifying-spend';
import { getProfile, loadCaller } from './get-profile';
import { getMemberSummary } from './get-summary';
import { joinMember } from './join-member';
import { issueMemberCode } from './member-code';
import { deleteAccount } from './delete-account';
import { getShareCode } from './get-share-code';
import { recordShareVisit } from './record-share-visit';
import { setBirthday } from './set-birthday';
import { setConsent } from './set-consent';
import { setPersonalisation } from './set-personalisation';
import { updateProfile } from './update-profile';

/** Routes of the `member` function: the caller is always the member acted on. */
export const memberRoutes: Routes<'member'> = {
  join: (input, ctx) => joinMember(ctx, requireOpenid(ctx), input),
  getProfile: (_input, ctx) => getProfile(ctx, requireOpenid(ctx)),
  getSummary: (_input, ctx) => getMemberSummary(ctx, requireOpenid(ctx)),
  updateProfile: ({ action: _action, ...input }, ctx) => updateProfile(ctx, requireOpenid(ctx), input),
  setBirthday: (input, ctx) => setBirthday(ctx, requireOpenid(ctx), input.birthday),
  setConsent: (input, ctx) => setConsent(ctx, requireOpenid(ctx), input.marketing),
  setPersonalisation: (input, ctx) => setPersonalisation(ctx, requireOpenid(ctx), input.personalised),
  deleteAccount: (_input, ctx) => deleteAccount(ctx, requireOpenid(ctx)),
  tierProgress: async (_input, ctx) => {
    const { progress, history, tiers } = await memberTierProgress(ctx, await loadCaller(ctx));
    return toTierProgressView(progress, tiers, history);
  },
  recordSubscriptions: async ({ accepted, clientKey }, ctx) => ({
    quota: await recordSubscriptions(ctx, { memberId: (await loadCaller(ctx))._id, accepted, clientKey }),
  }),
  subscriptionQuota: async (_input, ctx) => ({ quota: await subscriptionQuota(ctx, (await loadCaller(ctx))._id) }),
  memberCode: (_input, ctx) => issueMemberCode(ctx, requireOpenid(ctx)),
  shareCode: (_input, ctx) => getShareCode(ctx, requireOpenid(ctx)),
  recordShareVisit: async ({ sharer, page, productId }, ctx) => ({
    outcome: await recordShareVisit(ctx, { openid: requireOpenid(ctx), sharer, page, productId }),
  }),
  listAddresses: async (_input, ctx) => listAddresses(ctx, (await loadCaller(ctx))._id),
  addAddress: async ({ action: _action, clientKey, ...fields }, ctx) =>
    addAddress(ctx, { memberId: (await loadCaller(ctx))._id, clientKey, fields }),
  updateAddress: async ({ action: _action, addressId, ...fields }, ctx) =>
    updateAddress(ctx, { memberId: (await loadCaller(ctx))._id, addressId, fields }),
  removeAddress: async ({ addressId }, ctx) => removeAddress(ctx, { memberId: (await loadCaller(ctx))._id, addressId }),
  setDefaultAddress: async ({ addressId }, ctx) => setDefaultAddress(ctx, { memberId: (await loadCaller(ctx))._id, addressId }),
};

/** The `member` cloud function's main. */
export const memberMain = createWxHandler<'member'>(memberRequests, memberRoutes);
