import { DAY_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import { holdsTier, tierUnderOverride } from '~/core/tiers/override';
import type { MemberDoc, TierOverride } from '~/types/documents';
import type { MemberDetail } from '~/types/functions/admin-members';
import { MAX_OVERRIDE_DAYS } from '~/types/functions/admin-members';
import type { TierDoc } from '~/types/programme';
import type { TokenClaims } from '~/server/admin/credentials';
import type { Transaction } from '../db/run-transaction';
import { changeWithAudit } from '../audit/change-with-audit';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadMemberTier } from './member-tier';

/** The override as the audit log shows it. */
const summary = (override: Pick<TierOverride, 'tierId' | 'kind' | 'until'> | null) =>
  override && { tierId: override.tierId, kind: override.kind, until: override.until };

/** The tier history record of an override that moves the tier, written in the override's transaction. */
async function recordMove(tx: Transaction, member: MemberDoc, override: TierOverride): Promise<void> {
  if (override.fromTierId === member.tierId) return;
  await tx.collection('tier_history').add({
    data: {
      _id: `tier:${member._id}:admin:${override.requestKey}`,
      memberId: member._id,
      from: override.fromTierId,
      to: member.tierId,
      reason: 'admin',
      spendFen: 0,
      at: override.at,
    },
  });
}

/** When the review next looks at the member: when the override ends if it holds their tier, else as it was (but by the end). */
function nextLook(tiers: TierDoc[], member: MemberDoc, tierId: string, override: TierOverride): number {
  if (holdsTier(tiers, tierId, override)) return override.until;
  return Math.min(member.tierReviewAt ?? override.until, override.until);
}

/**
 * An admin sets a member's tier by hand until a date: `fixed` holds a tier (up or down) whatever
 * the spend, `floor` keeps the member at a tier or above. The member's tier changes at once (with
 * a tier history record, reason `admin`), any at-risk notice is withdrawn, and the review looks
 * again when the override ends. A guarded update on the member's tier and the override it
 * replaces, written in one transaction with its tier history record and audit entry;
 * idempotent on the admin page's request key.
 */
export async function setTierOverride(
  ctx: RequestContext,
  input: { memberId: string; tierId: string; kind: TierOverride['kind']; until: number; reason: string; requestKey: string },
  admin: TokenClaims,
): Promise<MemberDetail['tier']> {
  if (input.until <= ctx.now) throw new CodedError('VALIDATION_FAILED', '结束时间须晚于现在', { field: 'until' });
  if (input.until > ctx.now + MAX_OVERRIDE_DAYS * DAY_MS) throw new CodedError('VALIDATION_FAILED', '调整等级最长3年', { field: 'until' });
  const { tiers } = await loadProgramme(ctx);
  const member = await changeWithAudit(ctx, async (tx) => {
    const ref = tx.collection('members').doc(input.memberId);
    const current = (await ref.get()).data;
    if (!current || current.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在');
    const existing = current.tierOverride ?? null;
    if (existing?.requestKey === input.requestKey) return { value: current, audit: null };
    const to = tierUnderOverride(tiers, current.tierId, input);
    if (!to) throw new CodedError('VALIDATION_FAILED', '没有这个会员等级', { field: 'tierId' });
    const override: TierOverride = {
      tierId: input.tierId,
      kind: input.kind,
      until: input.until,
      reason: input.reason,
      by: admin.sub,
      at: ctx.now,
      requestKey: input.requestKey,
      fromTierId: current.tierId,
      replaced: existing && existing.until > ctx.now ? summary(existing) : null,
    };
    const change: Partial<MemberDoc> = {
      tierOverride: override,
      ...(to._id !== current.tierId ? { tierId: to._id, tierSince: ctx.now } : {}),
      tierReviewAt: nextLook(tiers, current, to._id, override),
      tierNotice: null,
      updatedAt: ctx.now,
    };
    await ref.update({ data: change });
    const updated = { ...current, ...change };
    await recordMove(tx, updated, override);
    return {
      value: updated,
      audit: {
        _id: `audit:setTierOverride:${current._id}:${override.requestKey}`,
        actor: adminActor(admin),
        action: 'setTierOverride',
        target: { type: 'member', id: current._id },
        memberId: current._id,
        before: { tierId: override.fromTierId, tierOverride: override.replaced },
        after: { tierId: updated.tierId, tierOverride: summary(override), reason: override.reason },
      },
    };
  });
  return (await loadMemberTier(ctx, member)).tier;
}
