import { CodedError } from '~/core/coded-error';
import type { StaffDoc, TillSessionDoc } from '~/types/staff';
import type { RequestContext } from '../runtime/wx';

/** An open till session of the staff member's store, or why it cannot be used: NOT_FOUND, or TILL_SESSION_EXPIRED. */
export async function loadTillSession(ctx: RequestContext, staff: StaffDoc, sessionId: string): Promise<TillSessionDoc> {
  const session = await ctx.db.collection('till_sessions').get(sessionId);
  // Another store's session is as good as absent: staff act only within their own store.
  if (!session || session.storeId !== staff.storeId) throw new CodedError('NOT_FOUND', '没有这个会员会话，请重新扫码');
  if (session.expiresAt <= ctx.now) throw new CodedError('TILL_SESSION_EXPIRED', '会员码已超时，请重新扫码');
  return session;
}
