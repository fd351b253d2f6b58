import { buildRewardDoc, changedRewardFields, rewardFieldsOf, rewardFieldsView, toAdminRewardRow } from '~/core/rewards/reward-rules';
import { CodedError } from '~/core/coded-error';
import type { AdminRewardsResponses, RewardInput } from '~/types/functions/admin-rewards';
import type { RewardDoc } from '~/types/rewards';
import type { TokenClaims } from '~/server/admin/credentials';
import type { ChangeAudit } from '../audit/change-with-audit';
import { changeWithAudit, updateWithAudit } from '../audit/change-with-audit';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';

/** Refuses a coupon template or a tier that does not exist, naming the field. */
async function checkReferences(ctx: RequestContext, input: RewardInput): Promise<void> {
  if (input.couponTemplateId) {
    const template = await ctx.db.collection('coupon_templates').get(input.couponTemplateId);
    if (!template) throw new CodedError('VALIDATION_FAILED', 'couponTemplateId: 券模板不存在', { field: 'couponTemplateId' });
    if (template.status === 'ended')
      throw new CodedError('VALIDATION_FAILED', 'couponTemplateId: 该券模板已结束，不能用于兑换', { field: 'couponTemplateId' });
  }
  if (input.minTierId) {
    const { tiers } = await loadProgramme(ctx);
    if (!tiers.some((tier) => tier._id === input.minTierId))
      throw new CodedError('VALIDATION_FAILED', 'minTierId: 会员等级不存在', { field: 'minTierId' });
  }
}

/**
 * An admin creates or edits a points-mall reward, with its audit entry in the same transaction.
 * The id is the admin's slug, so a retried create finds the reward it made and answers it
 * (created: false); a create on an id taken by a different reward is CONFLICT, an edit of an
 * unknown one NOT_FOUND. An edit changes the form's fields only: stock (changeRewardStock) and
 * the shelf state (setRewardStatus) are left alone, and an edit that changes nothing writes nothing.
 */
export async function saveReward(
  ctx: RequestContext,
  input: RewardInput & { mode: 'create' | 'update' },
  admin: TokenClaims,
): Promise<AdminRewardsResponses['saveReward']> {
  await checkReferences(ctx, input);
  const rewards = ctx.db.collection('rewards');
  const audit = (before: RewardDoc | null, after: RewardDoc): ChangeAudit => ({
    actor: adminActor(admin),
    action: 'saveReward',
    target: { type: 'reward', id: after._id },
    before: before && { ...rewardFieldsView(before) },
    after: { created: before === null, ...rewardFieldsView(after), ...(before ? {} : { totalStock: after.totalStock }) },
  });

  if (input.mode === 'create') {
    const fresh = buildRewardDoc(input, ctx.now);
    const found = await changeWithAudit(ctx, async (tx) => {
      const ref = tx.collection('rewards').doc(fresh._id);
      const taken = (await ref.get()).data;
      if (taken) return { value: taken, audit: null };
      const { _id, ...fields } = fresh;
      await ref.set({ data: fields });
      return { value: null, audit: audit(null, fresh) };
    });
    if (found && (changedRewardFields(found, fresh).length > 0 || found.totalStock !== fresh.totalStock))
      throw new CodedError('CONFLICT', `rewardId: 礼品编号 ${input.rewardId} 已被另一件礼品使用`, { field: 'rewardId' });
    return { reward: toAdminRewardRow(found ?? fresh), created: !found };
  }

  const existing = await rewards.get(input.rewardId);
  if (!existing) throw new CodedError('NOT_FOUND', `礼品 ${input.rewardId} 不存在`);
  const fields = rewardFieldsOf(input);
  if (changedRewardFields(existing, fields).length === 0) return { reward: toAdminRewardRow(existing), created: false };
  const change = { ...fields, updatedAt: ctx.now };
  // Guarded on the version read above, so two admins' edits cannot silently overwrite each other.
  const updated = await updateWithAudit(ctx, {
    collection: 'rewards',
    id: existing._id,
    expected: (now) => now.updatedAt === existing.updatedAt,
    change,
    audit: (before) => audit(before, { ...before, ...change }),
  });
  if (!updated) throw new CodedError('CONFLICT', '礼品已被他人修改，请刷新后重新保存');
  return { reward: toAdminRewardRow(updated), created: false };
}
