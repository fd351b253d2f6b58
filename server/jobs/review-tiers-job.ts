import { reviewTier } from '~/core/tiers/review';
import type { MemberDoc, TierNotice } from '~/types/documents';
import type { TierDoc } from '~/types/programme';
import type { EpochMs, Fen } from '~/types/units';
import { tierAtRiskMessage, tierChangeMessage } from '../notify/messages';
import { sendSubscriptionMessage } from '../notify/send-subscription-message';
import { loadProgramme, tierOf } from '../programme/load-programme';
import type { RequestContext } from '../runtime/wx';
import type { TierChangeDoc } from '~/types/documents';
import { rollingSpend } from '../tiers/qualifying-spend';
import type { JobSpec } from './run-job';
import type { PhaseItem } from './sweep-pages';
import { phasedPages } from './sweep-pages';
import { DAY_MS } from '~/core/calendar/durations';

const sameNotice = (a: TierNotice | null | undefined, b: TierNotice | null) =>
  (a ?? null) === b ||
  (a != null && b !== null && a.reviewAt === b.reviewAt && a.downgradeAt === b.downgradeAt && a.noticedAt === b.noticedAt);

/**
 * Moves the member to `to` as of the sweep: the history record first (its key names the move),
 * then a guarded update on the tier the member had, then the message. A crash before the update
 * redoes both with the same key; a move that lost to another change (a payment upgrade at the
 * same moment) takes its history record back.
 */
async function changeTier(
  ctx: RequestContext,
  member: MemberDoc,
  change: {
    from: TierDoc;
    to: TierDoc;
    reason: TierChangeDoc['reason'];
    spendFen: Fen;
    nextReviewAt: EpochMs | null;
    /** Other member fields that change with the tier (an ended override is cleared), and what they must still be. */
    also?: Partial<MemberDoc>;
    guard?: Record<string, unknown>;
  },
): Promise<'changed' | 'skipped'> {
  const history = ctx.db.collection('tier_history');
  const id = `tier:${member._id}:${change.to._id}:${ctx.now}`;
  await history.insert({
    _id: id,
    memberId: member._id,
    from: member.tierId,
    to: change.to._id,
    reason: change.reason,
    spendFen: change.spendFen,
    at: ctx.now,
  });
  const moved = await ctx.db.collection('members').updateWhere(
    { _id: member._id, tierId: member.tierId, tierSince: member.tierSince, ...change.guard },
    {
      tierId: change.to._id,
      tierSince: ctx.now,
      tierReviewAt: change.nextReviewAt,
      tierNotice: null,
      updatedAt: ctx.now,
      ...change.also,
    },
  );
  if (moved !== 1) {
    await ctx.db.collection('tier_history').remove(id);
    return 'skipped';
  }
  await sendSubscriptionMessage(ctx, {
    effectKey: id,
    memberId: member._id,
    openid: member.openid,
    message: tierChangeMessage({ from: change.from, to: change.to, at: ctx.now }),
  });
  return 'changed';
}

/** The review of one member as of the sweep (core/tiers/review.ts decides; this writes it). */
async function reviewMember(ctx: RequestContext, member: MemberDoc): Promise<'changed' | 'skipped'> {
  const members = ctx.db.collection('members');
  if (member.status !== 'active') {
    if (member.tierReviewAt != null || member.tierNotice != null)
      await members.updateWhere({ _id: member._id }, { tierReviewAt: null, tierNotice: null });
    return 'skipped';
  }
  const [{ programme, tiers }, spendFen] = await Promise.all([loadProgramme(ctx), rollingSpend(ctx, member._id)]);
  const decision = reviewTier({ member, tiers, spendFen, now: ctx.now, review: programme.tierReview });
  const current = tierOf(tiers, member.tierId);
  const unchanged = { _id: member._id, tierId: member.tierId, tierSince: member.tierSince };
  switch (decision.kind) {
    case 'upgrade':
      return changeTier(ctx, member, { from: current, to: decision.to, reason: 'upgrade', spendFen, nextReviewAt: decision.nextReviewAt });
    case 'downgrade':
      return changeTier(ctx, member, { from: current, to: decision.to, reason: 'review', spendFen, nextReviewAt: decision.nextReviewAt });
    case 'notice': {
      // The message goes first: a crash before the update redoes the same notice, whose key finds the message sent.
      await sendSubscriptionMessage(ctx, {
        effectKey: `${member._id}:${decision.notice.reviewAt}`,
        memberId: member._id,
        openid: member.openid,
        message: tierAtRiskMessage({ tier: current, toKeepFen: current.keepSpendFen - spendFen, downgradeAt: decision.notice.downgradeAt }),
      });
      const noticed = await members.updateWhere(unchanged, { tierNotice: decision.notice, tierReviewAt: decision.nextReviewAt });
      return noticed === 1 ? 'changed' : 'skipped';
    }
    case 'overrideEnded': {
      // Guarded on the override that ended, so one an admin set meanwhile is never cleared with it.
      const guard = { 'tierOverride.at': member.tierOverride?.at ?? null };
      if (decision.to._id !== member.tierId) {
        const reason = decision.to.rank > current.rank ? 'upgrade' : 'review';
        const { nextReviewAt } = decision;
        return changeTier(ctx, member, {
          from: current,
          to: decision.to,
          reason,
          spendFen,
          nextReviewAt,
          also: { tierOverride: null },
          guard,
        });
      }
      const cleared = await members.updateWhere(
        { ...unchanged, ...guard },
        { tierOverride: null, tierReviewAt: decision.nextReviewAt, updatedAt: ctx.now },
      );
      return cleared === 1 ? 'changed' : 'skipped';
    }
    case 'schedule':
      if ((member.tierReviewAt ?? null) !== decision.nextReviewAt || !sameNotice(member.tierNotice, decision.notice)) {
        await members.updateWhere(unchanged, { tierReviewAt: decision.nextReviewAt, tierNotice: decision.notice });
      }
      return 'skipped';
  }
}

/** Members who paid or refunded since the last sweep, then members whose review date has come. */
type ReviewItem = PhaseItem<'spend_records' | 'members'>;

const reviewPages = phasedPages<'spend_records' | 'members'>(async (ctx, { asOf, since }) => {
  const _ = ctx.db.command;
  const { programme } = await loadProgramme(ctx);
  const spentFrom = since ?? asOf - programme.tierReview.windowDays * DAY_MS;
  return [
    { name: 'spent', collection: 'spend_records', where: {}, field: 'at', range: [_.gte(spentFrom), _.lt(asOf)] },
    { name: 'due', collection: 'members', where: {}, field: 'tierReviewAt', range: [_.lte(asOf)] },
  ];
});

/** Several payments of one member in a page need one review. */
function oncePerMember(items: ReviewItem[]): ReviewItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.collection !== 'spend_records') return true;
    if (seen.has(item.doc.memberId)) return false;
    seen.add(item.doc.memberId);
    return true;
  });
}

/**
 * Daily tier review. Two phases: members who paid or refunded since the last sweep (an upgrade
 * the payment missed, and the first review date of a new tier), then members whose review date
 * has come (at-risk notices, drops, and the next date).
 */
export const reviewTiersJob: JobSpec<ReviewItem> = {
  name: 'job-review-tiers',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 100,
  concurrency: 8,
  page: async (ctx, cursor, limit, sweep) => {
    const page = await reviewPages(ctx, cursor, limit, sweep);
    return { ...page, items: oncePerMember(page.items) };
  },
  estimate: reviewPages.estimate,
  handle: async (ctx, item) => {
    if (item.collection === 'members') return reviewMember(ctx, item.doc);
    const member = await ctx.db.collection('members').get(item.doc.memberId);
    return member ? reviewMember(ctx, member) : 'skipped';
  },
};
