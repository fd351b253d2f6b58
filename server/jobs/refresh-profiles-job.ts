import { DAY_MS } from '~/core/calendar/durations';
import { marketingOf } from '~/core/marketing/marketing-settings';
import type { RfmCuts } from '~/core/marketing/rfm';
import { rfmCode, rfmScores } from '~/core/marketing/rfm';
import type { MemberDoc } from '~/types/documents';
import type { MemberProfileDoc } from '~/types/marketing';
import { refreshProfiles } from '../marketing/build-profiles';
import { computeRfmCuts } from '../marketing/rfm-cuts';
import { eachLimited } from '../runtime/each-limited';
import type { RequestContext } from '../runtime/wx';
import type { ItemOutcome, JobSpec } from './run-job';
import { loadProgramme } from '../programme/load-programme';

/** An item of the sweep: a member to refresh (first pass), or a refreshed profile to score against the cut points (second). */
export type ProfileItem = { pass: 'gather'; member: MemberDoc } | { pass: 'score'; profile: MemberProfileDoc; cuts: RfmCuts | null };

/** Where the sweep stands: the pass, the last `_id` done, and the second pass's cut points once found. */
interface Position {
  pass: 'gather' | 'score';
  after: string | null;
  cuts?: RfmCuts | null;
}

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');

/** A cursor this job wrote; anything else starts the sweep over, which redoes nothing twice. */
function decode(cursor: string | null): Position {
  if (!cursor) return { pass: 'gather', after: null };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position> | null;
    if (parsed && (parsed.pass === 'gather' || parsed.pass === 'score') && (parsed.after === null || typeof parsed.after === 'string')) {
      return parsed as Position;
    }
  } catch {
    // fall through: not one of ours
  }
  return { pass: 'gather', after: null };
}

/** Profile fields the scoring pass reads. */
const SCORE_FIELDS: (keyof MemberProfileDoc)[] = ['lastPurchaseAt', 'purchases', 'spendFen', 'rfm', 'rfmCode'];

/**
 * Daily: every member's profile (`member_profiles`), in two passes over `_id` ranges.
 * The first refreshes each member's computed fields (basic tags, consent, consumption in the
 * RFM window, interaction, lifecycle stage) a page at a time (server/marketing/build-profiles.ts).
 * Between the passes, the RFM cut points of the whole active population are found by indexed
 * counts over the refreshed profiles (server/marketing/rfm-cuts.ts) and carried in the cursor,
 * so later runs of the sweep score against the same ones; the second pass scores each profile
 * and writes the scores that changed. Never touches `special`. Redoing a page writes the same.
 * Measured with `npm run bench:segments -- --members 100000` on a loaded two-core machine:
 * about 5.7 s and 1,900 round trips per 1,000 members (an insert or update per member, the
 * page's reads batched), 122 counts for the cut points, longest invocation 46.8 s; hence a
 * timer every minute, so a million members' day is done in about two hours.
 */
export const refreshProfilesJob: JobSpec<ProfileItem> = {
  name: 'job-refresh-profiles',
  cadence: 'daily',
  budgetMs: 45_000,
  pageSize: 200,
  pagesInFlight: 2,
  page: async (ctx, cursor, limit, sweep) => {
    const _ = ctx.db.command;
    const at = decode(cursor);
    const where = at.after === null ? {} : { _id: _.gt(at.after) };
    const order: [string, 'asc'][] = [['_id', 'asc']];
    if (at.pass === 'gather') {
      const members = await ctx.db.collection('members').find(where, { orderBy: order, limit: limit + 1 });
      const docs = members.slice(0, limit);
      const more = members.length > limit;
      const last = docs[docs.length - 1];
      const items = docs.map((member): ProfileItem => ({ pass: 'gather', member }));
      // The last page of the first pass settles: the cut points are counted once every profile is written.
      if (!more || !last) return { items, next: encode({ pass: 'score', after: null }), settle: true };
      return { items, next: encode({ pass: 'gather', after: last._id }) };
    }
    const { rfmWindowDays } = marketingOf((await loadProgramme(ctx)).programme);
    const cuts = at.cuts !== undefined ? at.cuts : await computeRfmCuts(ctx, sweep.asOf - rfmWindowDays * DAY_MS, sweep.asOf);
    const profiles = await ctx.db.collection('member_profiles').find(where, { orderBy: order, limit: limit + 1, fields: SCORE_FIELDS });
    const docs = profiles.slice(0, limit);
    const last = docs[docs.length - 1];
    const items = docs.map((profile): ProfileItem => ({ pass: 'score', profile, cuts }));
    return { items, next: profiles.length > limit && last ? encode({ pass: 'score', after: last._id, cuts }) : null };
  },
  estimate: async (ctx) => 2 * (await ctx.db.collection('members').count({})),
  handlePage: async (ctx: RequestContext, items, sweep): Promise<ItemOutcome[]> => {
    const members = items.flatMap((item) => (item.pass === 'gather' ? [item.member] : []));
    if (members.length) {
      const { rfmWindowDays, lifecycle } = marketingOf((await loadProgramme(ctx)).programme);
      return refreshProfiles(ctx, members, sweep.asOf, { windowDays: rfmWindowDays, thresholds: lifecycle });
    }
    const outcomes: ItemOutcome[] = [];
    await eachLimited(items, 16, async (item, index) => {
      if (item.pass !== 'score') return;
      const { profile, cuts } = item;
      const active = typeof profile.spendFen === 'number' && profile.spendFen > 0;
      const rfm = rfmScores(
        active ? { lastPurchaseAt: profile.lastPurchaseAt ?? 0, purchases: profile.purchases, spendFen: profile.spendFen } : null,
        cuts,
      );
      const code = rfmCode(rfm);
      if (profile.rfmCode === code && profile.rfm?.r === rfm.r && profile.rfm.f === rfm.f && profile.rfm.m === rfm.m) {
        outcomes[index] = 'skipped';
        return;
      }
      await ctx.db.collection('member_profiles').updateWhere({ _id: profile._id }, { rfm: ctx.db.command.set(rfm), rfmCode: code });
      outcomes[index] = 'changed';
    });
    return outcomes;
  },
};
