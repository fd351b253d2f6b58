import { DAY_MS } from '~/core/calendar/durations';
import { CodedError } from '~/core/coded-error';
import { holdsTier, tierUnderOverride } from '~/core/tiers/override';
import type { MemberDoc, TierOverride } from '~/types/documents';
import type { MemberDetail } from '~/types/functions/admin-members';
import { MAX_OVERRIDE_DAYS } from '~/types/functions/admin-members';
import type { TierDoc } from '~/types/programme';
import type { TokenClaims } from '~/server/admin/credentials';
import { writeAudit } from '../audit/write-audit';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadMemberTier } from './member-tier';

/** Attempts at the guarded update before a member who keeps changing under it is answered CONFLICT. */
const ATTEMPTS = 3;

/** The override as the audit log shows it. */
const summary = (override: Pick<TierOverride, 'tierId' | 'kind' | 'until'> | null) =>
  override && { tierId: override.tierId, kind: override.kind, until: override.until };

/**
 * The history record and audit entry of an override, each under a key of its request: written
 * once, and written again harmlessly by a retry that finds the override in place.
 */
async function recordOverride(ctx: RequestContext, member: MemberDoc, override: TierOverride, admin: TokenClaims): Promise<void> {
  if (override.fromTierId !== member.tierId) {
    await ctx.db.collection('tier_history').insert({
      _id: `tier:${member._id}:admin:${override.requestKey}`,
      memberId: member._id,
      from: override.fromTierId,
      to: member.tierId,
      reason: 'admin',
      spendFen: 0,
      at: override.at,
    });
  }
  await writeAudit(ctx, {
    _id: `audit:setTierOverride:${member._id}:${override.requestKey}`,
    actor: adminActor(admin),
    action: 'setTierOverride',
    target: { type: 'member', id: member._id },
    memberId: member._id,
    before: { tierId: override.fromTierId, tierOverride: override.replaced },
    after: { tierId: member.tierId, tierOverride: summary(override), reason: override.reason },
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
 * replaces; idempotent on the admin page's request key.
 */
export async function setTierOverride(
  ctx: RequestContext,
  input: { memberId: string; tierId: string; kind: TierOverride['kind']; until: number; reason: string; requestKey: string },
  admin: TokenClaims,
): Promise<MemberDetail['tier']> {
  if (input.until <= ctx.now) throw new CodedError('VALIDATION_FAILED', '结束时间须晚于现在', { field: 'until' });
  if (input.until > ctx.now + MAX_OVERRIDE_DAYS * DAY_MS) throw new CodedError('VALIDATION_FAILED', '调整等级最长3年', { field: 'until' });
  const { tiers } = await loadProgramme(ctx);
  const members = ctx.db.collection('members');
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const member = await members.get(input.memberId);
    if (!member || member.status !== 'active') throw new CodedError('NOT_FOUND', '会员不存在');
    const existing = member.tierOverride ?? null;
    if (existing?.requestKey === input.requestKey) {
      await recordOverride(ctx, member, existing, admin);
      return (await loadMemberTier(ctx, member)).tier;
    }
    const to = tierUnderOverride(tiers, member.tierId, input);
    if (!to) throw new CodedError('VALIDATION_FAILED', '没有这个会员等级', { field: 'tierId' });
    const override: TierOverride = {
      tierId: input.tierId,
      kind: input.kind,
      until: input.until,
      reason: input.reason,
      by: admin.sub,
      at: ctx.now,
      requestKey: input.requestKey,
      fromTierId: member.tierId,
      replaced: existing && existing.until > ctx.now ? summary(existing) : null,
    };
    const tierMoves = to._id !== member.tierId;
    const change: Partial<MemberDoc> = {
      tierOverride: override,
      ...(tierMoves ? { tierId: to._id, tierSince: ctx.now } : {}),
      tierReviewAt: nextLook(tiers, member, to._id, override),
      tierNotice: null,
      updatedAt: ctx.now,
    };
    const moved = await members.updateWhere(
      { _id: member._id, status: 'active', tierId: member.tierId, tierSince: member.tierSince, 'tierOverride.at': existing?.at ?? null },
      change,
    );
    if (moved === 1) {
      const updated = { ...member, ...change };
      await recordOverride(ctx, updated, override, admin);
      return (await loadMemberTier(ctx, updated)).tier;
    }
  }
  throw new CodedError('CONFLICT', '会员等级刚有变动，请刷新后重试');
}
