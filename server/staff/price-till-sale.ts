import { CodedError } from '~/core/coded-error';
import { availableAt } from '~/core/points/expiry';
import { pointsPayable } from '~/core/staff/member-card';
import { priceSale } from '~/core/staff/price-sale';
import type { CouponInstanceDoc } from '~/types/coupons';
import type { MemberDoc } from '~/types/documents';
import type { SaleQuote } from '~/types/functions/staff';
import type { TillSessionDoc } from '~/types/staff';
import type { Fen, Points } from '~/types/units';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';

export interface TillSaleInput {
  amountFen: Fen;
  couponInstanceId?: string;
  points?: Points;
}

/** Prices a purchase for the member of a till session, by the rules online orders follow (see priceSale). */
export async function priceTillSale(
  ctx: RequestContext,
  session: TillSessionDoc,
  input: TillSaleInput,
): Promise<{ quote: SaleQuote; member: MemberDoc; coupon: CouponInstanceDoc | null }> {
  const [member, coupon, { programme, tiers }] = await Promise.all([
    ctx.db.collection('members').get(session.memberId),
    input.couponInstanceId ? ctx.db.collection('coupon_instances').get(input.couponInstanceId) : null,
    loadProgramme(ctx),
  ]);
  if (!member || member.status !== 'active') throw new CodedError('NOT_A_MEMBER', '会员不存在或已注销');
  if (input.couponInstanceId && (!coupon || coupon.memberId !== member._id)) throw new CodedError('NOT_FOUND', '该会员没有这张优惠券');
  const quote = priceSale({
    amountFen: input.amountFen,
    coupon,
    pointsRequested: input.points ?? 0,
    pointsAvailable: availableAt(member.points, ctx.now),
    pointsAllowed: pointsPayable(session, ctx.now),
    rules: programme.points,
    multiplierPercent: tierOf(tiers, member.tierId).pointsMultiplierPercent,
  });
  return { quote, member, coupon };
}
