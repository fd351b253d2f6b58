import { createHash } from 'node:crypto';
import type { RequestContext } from '../runtime/wx';

/**
 * A one-way key of the person behind an OPENID. It survives account deletion (which releases
 * the OPENID), so one-time gifts — the welcome coupon, the profile bonus — stay once per
 * person, not once per account, while the deleted profile keeps nothing that identifies them.
 */
export function personKey(openid: string): string {
  return createHash('sha256').update(`loyalty-mall:person:${openid}`).digest('hex').slice(0, 40);
}

/** Whether `memberId` is this person's first membership (recording it if it is new). */
export async function isFirstMembership(ctx: RequestContext, openid: string, memberId: string): Promise<boolean> {
  const joins = ctx.db.collection('first_joins');
  const key = personKey(openid);
  if (await joins.insert({ _id: key, memberId, at: ctx.now })) return true;
  return (await joins.get(key))?.memberId === memberId;
}
