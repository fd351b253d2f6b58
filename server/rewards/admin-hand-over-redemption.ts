import { CodedError } from '~/core/coded-error';
import type { AdminRedemptionRow } from '~/types/functions/admin-rewards';
import type { TokenClaims } from '~/server/admin/credentials';
import { requireStoreInScope } from '~/server/admin/store-scope';
import { writeAudit } from '../audit/write-audit';
import { alreadyHandedOver, findPickupCode, markHandedOver } from '../orders/pickup-code';
import type { RequestContext } from '../runtime/wx';
import { adminActor } from '../staff/admin-actor';
import { loadStore } from '../staff/load-store';
import { adminRedemptionRow } from './admin-redemption-view';
import { fulfilRedemption } from './fulfil-redemption';

const invalid = () => new CodedError('NOT_FOUND', '提货码无效');

/**
 * An admin hands over a reward at a store on the pickup code the member shows (a store manager
 * at their own store only), recording the store and the cash part collected, as staff do at the
 * till. A second handover answers ALREADY_HANDED_OVER with when and where; the audit entry is
 * keyed by the redemption, as the till's is, so a handover is recorded once whoever made it.
 */
export async function adminHandOverRedemption(
  ctx: RequestContext,
  input: { pickupCode: string; storeId: string; redemptionId?: string },
  admin: TokenClaims,
): Promise<AdminRedemptionRow> {
  requireStoreInScope(admin, input.storeId);
  const store = await loadStore(ctx, input.storeId);
  const entry = await findPickupCode(ctx, input.pickupCode);
  if (!entry || !('redemptionId' in entry)) throw invalid();
  if (input.redemptionId && entry.redemptionId !== input.redemptionId) throw new CodedError('NOT_FOUND', '提货码与该兑换记录不符');
  const found = await ctx.db.collection('redemptions').get(entry.redemptionId);
  if (!found || found.pickupCode !== input.pickupCode) throw invalid();
  if (found.status === 'fulfilled') throw alreadyHandedOver(found.fulfilledAt, found.fulfilledStoreName ?? null);
  const { redemption, fulfilled } = await fulfilRedemption(ctx, {
    redemptionId: found._id,
    storeId: store._id,
    storeName: store.name,
    staffId: admin.sub,
  });
  if (!fulfilled) {
    if (redemption.status === 'fulfilled') throw alreadyHandedOver(redemption.fulfilledAt, redemption.fulfilledStoreName ?? null);
    throw new CodedError('INVALID_STATE', '该兑换已取消或不在待提货状态，不能交付', { status: redemption.status });
  }
  await markHandedOver(ctx, input.pickupCode);
  await writeAudit(ctx, {
    _id: `audit:pickup:${redemption._id}`,
    actor: adminActor(admin),
    action: 'handOverRedemption',
    target: { type: 'redemption', id: redemption._id },
    memberId: redemption.memberId,
    storeId: store._id,
    amounts: { cashFen: redemption.cashFen },
    before: { status: 'awaitingPickup' },
    after: { status: 'fulfilled', storeId: store._id, storeName: store.name, cashCollectedFen: redemption.cashFen },
  });
  return adminRedemptionRow(ctx, admin.role, redemption);
}
