import { dayOf } from '~/core/calendar/shanghai';
import { BIRTHDAY_WINDOW } from '~/core/coupons/default-templates';
import { birthdayKey } from '~/core/coupons/issue-keys';
import { windowAroundDay } from '~/core/coupons/validity';
import { birthdayInYear } from '~/core/members/birthday';
import { birthdayRanges } from '~/core/schedules/birthday-schedule';
import type { MemberDoc } from '~/types/documents';
import { issueCoupon } from '../coupons/issue-coupon';
import { birthdayCouponMessage } from '../notify/messages';
import { sendSubscriptionMessage } from '../notify/send-subscription-message';
import { birthdayGiftKey, claimPersonGift } from '../members/person-gift';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { JobSpec } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';
import { hasCode } from '~/core/coded-error';

/** Outcomes that mean there is no birthday coupon to give right now (template missing, paused, ended, sold out). */
const NOTHING_TO_GIVE = new Set(['NOT_FOUND', 'NOT_AVAILABLE', 'NOT_ELIGIBLE', 'OUT_OF_STOCK']);

/** Gives one member the coupon of their tier for the birthday of `year`, tells them, and marks the year done. */
async function giveBirthdayCoupon(ctx: RequestContext, member: MemberDoc, year: number): Promise<'changed' | 'skipped'> {
  const members = ctx.db.collection('members');
  if (member.status !== 'active' || !member.birthday) {
    await members.updateWhere({ _id: member._id }, { birthdayMonthDay: null });
    return 'skipped';
  }
  const { tiers } = await loadProgramme(ctx);
  const templateId = tierOf(tiers, member.tierId).birthdayCouponTemplateId;
  if (templateId) {
    // Once per person: someone who had this year's coupon on an account since deleted gets none on the new one.
    if (!(await claimPersonGift(ctx, birthdayGiftKey(member.openid, year), member._id))) {
      await members.updateWhere({ _id: member._id }, { birthdayCouponYear: year });
      return 'skipped';
    }
    const birthday = birthdayInYear(member.birthday, year);
    let granted;
    try {
      granted = await issueCoupon(ctx, {
        templateId,
        memberId: member._id,
        source: 'birthday',
        issueKey: birthdayKey(member._id, year),
        window: windowAroundDay(birthday, BIRTHDAY_WINDOW.daysBefore, BIRTHDAY_WINDOW.daysAfter),
        reason: '生日快乐，这是你的生日礼',
      });
    } catch (error) {
      // Left for a later sweep of the same window: the brand may resume the template or add stock.
      if (hasCode(error) && NOTHING_TO_GIVE.has(error.code)) return 'skipped';
      throw error;
    }
    await sendSubscriptionMessage(ctx, {
      effectKey: granted.coupon._id,
      memberId: member._id,
      openid: member.openid,
      message: birthdayCouponMessage(granted.coupon),
    });
    await members.updateWhere({ _id: member._id }, { birthdayCouponYear: year });
    return granted.created ? 'changed' : 'skipped';
  }
  await members.updateWhere({ _id: member._id }, { birthdayCouponYear: year });
  return 'skipped';
}

/**
 * Daily: the birthday coupon of the member's tier, valid from 7 days before the birthday to 23
 * days after, issued once per person per year (coupon key `birthday:<memberId>:<year>`, claimed
 * for the person in `person_gifts` so a deleted and re-joined account gets no second) from 7 days
 * before the birthday. Members are read by the indexed month-day of their birthday, one phase
 * per calendar year the window touches (two around the new year).
 */
export const birthdayCouponsJob: JobSpec<PhaseItem<'members'>> = {
  name: 'job-birthday-coupons',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 100,
  concurrency: 8,
  page: phasedPages<'members'>(async (ctx, { asOf, since }) => {
    const _ = ctx.db.command;
    return birthdayRanges(dayOf(asOf), since === null ? null : dayOf(since), BIRTHDAY_WINDOW).map((range) => ({
      name: String(range.year),
      collection: 'members',
      where: { birthdayCouponYear: _.neq(range.year) },
      field: 'birthdayMonthDay',
      range: [_.gte(range.fromMonthDay), _.lte(range.toMonthDay)],
    }));
  }),
  handle: (ctx, { phase, doc }) => giveBirthdayCoupon(ctx, doc, Number(phase)),
};
