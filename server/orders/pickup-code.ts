import { randomInt } from 'node:crypto';
import type { PickupCodeDoc, PickupCodeOwner } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';
import { DAY_MS } from '~/core/calendar/durations';
import { formatShanghai } from '~/core/coupons/calendar-days';
import type { EpochMs } from '~/types/units';

/** Digits of a code: six for a paid pickup order, eight for a reward handed over in store. */
const DIGITS = { orderId: 6, redemptionId: 8 } as const;

/** How long a handed-over code keeps answering 「已于…提货」 before it may be drawn again. */
const KEEP_HANDED_OVER_MS = 30 * DAY_MS;

/**
 * Draws a code staff type in at the till for an order or a redemption, unique through its `_id`
 * in `pickup_codes` (a taken code is drawn again, up to five times; one handed over more than
 * 30 days ago is reclaimed).
 */
export async function allocatePickupCode(ctx: RequestContext, owner: PickupCodeOwner): Promise<string> {
  const codes = ctx.db.collection('pickup_codes');
  const digits = 'orderId' in owner ? DIGITS.orderId : DIGITS.redemptionId;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = String(randomInt(10 ** (digits - 1), 10 ** digits));
    if (await codes.insert({ _id: code, ...owner, createdAt: ctx.now })) return code;
    const stale = await codes.removeWhere({ _id: code, handedOverAt: ctx.db.command.lt(ctx.now - KEEP_HANDED_OVER_MS) });
    if (stale === 1 && (await codes.insert({ _id: code, ...owner, createdAt: ctx.now }))) return code;
  }
  throw new CodedError('CONFLICT', 'could not allocate a pickup code, please try again');
}

/** The entry of a code, or null. */
export async function findPickupCode(ctx: RequestContext, code: string): Promise<PickupCodeDoc | null> {
  return ctx.db.collection('pickup_codes').get(code);
}

/** Marks a code handed over: it keeps naming what it handed over, so a second write-off can say when and where. */
export async function markHandedOver(ctx: RequestContext, code: string): Promise<void> {
  await ctx.db.collection('pickup_codes').updateWhere({ _id: code }, { handedOverAt: ctx.now });
}

/** Frees a code whose order was refunded: nothing will be handed over for it. */
export async function freePickupCode(ctx: RequestContext, code: string): Promise<void> {
  await ctx.db.collection('pickup_codes').removeWhere({ _id: code });
}

/** ALREADY_HANDED_OVER: 「已于 12-07 14:05 在 静安嘉里店 提货」, with the time and store in details. */
export function alreadyHandedOver(at: EpochMs | null, storeName: string | null): CodedError {
  const when = at === null ? '' : `于 ${formatShanghai(at, 'MM-DD HH:mm')} `;
  return new CodedError('ALREADY_HANDED_OVER', `已${when}${storeName ? `在 ${storeName} ` : ''}提货`, { at, storeName });
}
