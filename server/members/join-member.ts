import { randomBytes, randomInt } from 'node:crypto';
import { newMember } from '~/core/members/new-member';
import type { MemberDoc } from '~/types/documents';
import type { MemberResponses, WelcomeGift } from '~/types/functions/member';
import { couponFace } from '~/core/coupons/coupon-text';
import { issueWelcomeCoupon } from '../coupons/issue-welcome-coupon';
import type { RequestContext } from '../runtime/wx';
import { isFirstMembership } from './first-join';
import { profileOf } from './get-profile';
import { CodedError } from '~/core/coded-error';

/** Ten digits, never starting with 0, so the number reads the same everywhere it is typed. */
function newMemberNo(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000));
}

/**
 * Answers the member, making sure their welcome coupon was issued (idempotent, so a retried join
 * finishes it). A coupon failure is logged, never a reason to fail the join itself.
 */
async function joined(ctx: RequestContext, member: MemberDoc, created: boolean): Promise<MemberResponses['join']> {
  const gifts: WelcomeGift[] = [];
  // Someone who deleted an earlier account and joined again had their welcome gift already.
  if (await isFirstMembership(ctx, member.openid, member._id)) {
    const coupon = await issueWelcomeCoupon(ctx, member._id).catch((error: unknown) => {
      console.error('[join] welcome coupon not issued', member._id, error);
      return null;
    });
    // The welcome sheet shows what this join gave; a repeated join has nothing new to show.
    if (coupon && created) gifts.push({ kind: 'coupon', title: coupon.title, ...couponFace(coupon.terms) });
  }
  return { ...(await profileOf(ctx, member)), created, gifts };
}

/**
 * Joins the caller as a member, once per OPENID: the unique index on `openid` turns a double
 * tap or a retry into a read of the existing member. New members get the welcome coupon once.
 */
export async function joinMember(
  ctx: RequestContext,
  openid: string,
  input: { nickname?: string; avatarUrl?: string },
): Promise<MemberResponses['join']> {
  const members = ctx.db.collection('members');
  const existing = await members.findOne({ openid });
  if (existing) return joined(ctx, existing, false);

  // A member-number collision is possible (1 in 9e9 per pair); retry with a fresh number.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const memberNo = newMemberNo();
    const doc = newMember({ _id: `m${randomBytes(12).toString('hex')}`, openid, memberNo, ...input, now: ctx.now });
    if (await members.insert(doc)) return joined(ctx, doc, true);
    const raced = await members.findOne({ openid });
    if (raced) return joined(ctx, raced, false);
  }
  throw new CodedError('CONFLICT', 'could not allocate a member number, please try again');
}
