import { phoneFor } from '~/core/access/member-data';
import { cancellable } from '~/core/rewards/redeemable';
import type { AdminRedemptionRow } from '~/types/functions/admin-rewards';
import type { AdminRole } from '~/types/documents';
import type { RedemptionDoc } from '~/types/rewards';
import type { RequestContext } from '../runtime/wx';

/** The members of some redemptions, as the admin's role may see them (phone masked unless the role needs it). */
export async function redemptionMembers(
  ctx: RequestContext,
  role: AdminRole,
  redemptions: readonly RedemptionDoc[],
): Promise<Map<string, AdminRedemptionRow['member']>> {
  const _ = ctx.db.command;
  const ids = [...new Set(redemptions.map((redemption) => redemption.memberId))];
  const members =
    ids.length === 0
      ? []
      : await ctx.db
          .collection('members')
          .find({ _id: _.in(ids) }, { limit: ids.length, fields: ['_id', 'memberNo', 'nickname', 'phone'] });
  return new Map(
    members.map((member) => [
      member._id,
      { memberNo: member.memberNo, nickname: member.nickname, phone: phoneFor(role, member.phone ?? null) },
    ]),
  );
}

/** A redemption as the admin list shows it: never its pickup code, which is the member's to show at the till. */
export function toAdminRedemptionRow(redemption: RedemptionDoc, member: AdminRedemptionRow['member']): AdminRedemptionRow {
  const { pickupCode, leaseUntil: _lease, givenBack: _givenBack, ...rest } = redemption;
  return { ...rest, hasPickupCode: pickupCode !== null, member, cancellable: cancellable(redemption) };
}

/** One redemption as the admin list shows it, with its member. */
export async function adminRedemptionRow(ctx: RequestContext, role: AdminRole, redemption: RedemptionDoc): Promise<AdminRedemptionRow> {
  const members = await redemptionMembers(ctx, role, [redemption]);
  return toAdminRedemptionRow(redemption, members.get(redemption.memberId) ?? null);
}
