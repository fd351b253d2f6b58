import { randomInt } from 'node:crypto';
import type { PickupCodeDoc, PickupCodeOwner } from '~/types/orders';
import type { RequestContext } from '../runtime/wx';
import { CodedError } from '~/core/coded-error';

/** Digits of a code: six for a paid pickup order, eight for a reward handed over in store. */
const DIGITS = { orderId: 6, redemptionId: 8 } as const;

/**
 * Draws a code staff type in at the till for an order or a redemption, unique through its `_id`
 * in `pickup_codes` (a taken code is drawn again, up to five times).
 */
export async function allocatePickupCode(ctx: RequestContext, owner: PickupCodeOwner): Promise<string> {
  const codes = ctx.db.collection('pickup_codes');
  const digits = 'orderId' in owner ? DIGITS.orderId : DIGITS.redemptionId;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = String(randomInt(10 ** (digits - 1), 10 ** digits));
    if (await codes.insert({ _id: code, ...owner, createdAt: ctx.now })) return code;
  }
  throw new CodedError('CONFLICT', 'could not allocate a pickup code, please try again');
}

/** The entry of a code, or null. */
export async function findPickupCode(ctx: RequestContext, code: string): Promise<PickupCodeDoc | null> {
  return ctx.db.collection('pickup_codes').get(code);
}

/** Frees a code once what it hands over has been handed over or refunded. */
export async function freePickupCode(ctx: RequestContext, code: string): Promise<void> {
  await ctx.db.collection('pickup_codes').removeWhere({ _id: code });
}
