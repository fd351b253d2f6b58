import type { RequestContext } from '../runtime/wx';
import { personKey } from './first-join';

/** The `person_gifts` key of one year's birthday coupon for the person behind `openid`. */
export function birthdayGiftKey(openid: string, year: number): string {
  return `birthday:${personKey(openid)}:${year}`;
}

/**
 * Whether the once-per-person gift `key` is `memberId`'s to have: the first membership to claim
 * it keeps it (the natural `_id` makes two claims at once give it to one), and a retry by the
 * same membership answers true again, so an interrupted grant can finish.
 */
export async function claimPersonGift(ctx: RequestContext, key: string, memberId: string): Promise<boolean> {
  const gifts = ctx.db.collection('person_gifts');
  if (await gifts.insert({ _id: key, memberId, at: ctx.now })) return true;
  return (await gifts.get(key))?.memberId === memberId;
}
