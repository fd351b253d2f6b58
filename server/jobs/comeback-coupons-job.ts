import { DAY_MS } from '~/core/calendar/durations';
import { dayOf } from '~/core/calendar/shanghai';
import { comebackKey } from '~/core/coupons/issue-keys';
import { comebackDecision } from '~/core/schedules/comeback-schedule';
import type { MemberDoc } from '~/types/documents';
import type { LifecycleStage } from '~/types/marketing';
import { issueCoupon } from '../coupons/issue-coupon';
import { comebackCouponMessage } from '../notify/messages';
import { sendSubscriptionMessage } from '../notify/send-subscription-message';
import { loadProgramme } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { JobSpec } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';
import { hasCode } from '~/core/coded-error';

/** Lifecycle stages of members who are not away: the comeback coupon is for dormant and churned members. */
const STILL_BUYING = new Set<LifecycleStage>(['new', 'active', 'wonBack']);

/** Outcomes that mean there is no comeback coupon to give right now (template missing, paused, ended, sold out). */
const NOTHING_TO_GIVE = new Set(['NOT_FOUND', 'NOT_AVAILABLE', 'NOT_ELIGIBLE', 'OUT_OF_STOCK']);

/** Looks at one member whose comeback date has come: a coupon if they have been away long enough, else the next date. */
async function welcomeBack(ctx: RequestContext, member: MemberDoc): Promise<'changed' | 'skipped'> {
  const members = ctx.db.collection('members');
  const dueAt = member.comebackDueAt as number;
  if (member.status !== 'active' || !member.consent.marketing) {
    // Out of the sweep until the member consents again (setConsent puts them back).
    await members.updateWhere({ _id: member._id, comebackDueAt: dueAt }, { comebackDueAt: null });
    return 'skipped';
  }
  const { programme } = await loadProgramme(ctx);
  const templateId = programme.coupons.comebackTemplateId;
  if (!templateId) return 'skipped';
  const decision = comebackDecision(member, ctx.now, programme.coupons);
  if (decision.kind === 'wait') {
    await members.updateWhere({ _id: member._id, comebackDueAt: dueAt }, { comebackDueAt: decision.nextDueAt });
    return 'skipped';
  }
  // The profile (refreshed daily) also counts in-store purchases: a member it finds still buying is looked at again once
  // their last purchase is as old as the programme asks, or tomorrow, after the next refresh. Without a profile, as before.
  const profile = await ctx.db.collection('member_profiles').get(member._id);
  if (profile && STILL_BUYING.has(profile.stage)) {
    const quietAt = (profile.lastPurchaseAt ?? member.joinedAt) + programme.coupons.comebackAfterDays * DAY_MS;
    await members.updateWhere({ _id: member._id, comebackDueAt: dueAt }, { comebackDueAt: Math.max(quietAt, ctx.now + DAY_MS) });
    return 'skipped';
  }
  let granted;
  try {
    // Keyed by the day the member became due, which stays put until the coupon is recorded below.
    granted = await issueCoupon(ctx, {
      templateId,
      memberId: member._id,
      source: 'comeback',
      issueKey: comebackKey(member._id, dayOf(dueAt)),
      reason: '好久不见，欢迎回来',
    });
  } catch (error) {
    if (hasCode(error) && NOTHING_TO_GIVE.has(error.code)) return 'skipped';
    throw error;
  }
  await sendSubscriptionMessage(ctx, {
    effectKey: granted.coupon._id,
    memberId: member._id,
    openid: member.openid,
    message: comebackCouponMessage(granted.coupon),
  });
  await members.updateWhere(
    { _id: member._id, comebackDueAt: dueAt },
    { comebackDueAt: decision.nextDueAt, comebackIssuedAt: granted.coupon.issuedAt },
  );
  return granted.created ? 'changed' : 'skipped';
}

/**
 * Daily: the comeback coupon for members with marketing consent and no paid order for the
 * programme's `comebackAfterDays` (counted from joining for members who never paid), at most
 * once per `comebackCooldownDays`, and not while their profile's lifecycle stage says they are
 * still buying (`new`, `active`, `wonBack`: in-store purchases count there). Members are read by
 * their indexed comeback date.
 */
export const comebackCouponsJob: JobSpec<PhaseItem<'members'>> = {
  name: 'job-comeback-coupons',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 100,
  concurrency: 8,
  page: phasedPages<'members'>(async (ctx, { asOf }) => {
    const { programme } = await loadProgramme(ctx);
    if (!programme.coupons.comebackTemplateId) return [];
    return [{ name: 'due', collection: 'members', where: {}, field: 'comebackDueAt', range: [ctx.db.command.lte(asOf)] }];
  }),
  handle: (ctx, { doc }) => welcomeBack(ctx, doc),
};
