import type { SegmentPreview, SegmentSampleRow } from '~/types/functions/marketing-segments';
import type { SegmentRule } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { SEGMENT_PAGE_MAX, segmentPage } from './segment-pages';
import { segmentWhere } from './segment-where';

/** How many members a preview shows. */
export const SAMPLE_SIZE = 10;
/** Windows of 1,000 profiles a sample looks through at most: a rare segment's sample may come out short, never slow. */
const SAMPLE_WINDOWS = 3;

/** Up to 10 of a rule's members, from the first few `segmentPage` windows (bounded reads, however rare the segment). */
async function sampleIds(ctx: RequestContext, rule: SegmentRule, asOf: EpochMs): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let window = 0; window < SAMPLE_WINDOWS && ids.length < SAMPLE_SIZE; window += 1) {
    const page: { memberIds: string[]; next: string | null } = await segmentPage(ctx, rule, asOf, cursor, SEGMENT_PAGE_MAX);
    ids.push(...page.memberIds);
    cursor = page.next;
    if (cursor === null) break;
  }
  return ids.slice(0, SAMPLE_SIZE);
}

/** How many profiles a rule takes as of `asOf`, counted by the database. */
export async function countSegmentMembers(ctx: RequestContext, rule: SegmentRule, asOf: EpochMs): Promise<number> {
  return ctx.db.collection('member_profiles').count(segmentWhere(ctx.db.command, rule, asOf));
}

/** The members a rule takes now: the database's count and up to 10 of them, with their nicknames but no contact details. */
export async function previewSegment(ctx: RequestContext, rule: SegmentRule): Promise<SegmentPreview> {
  const _ = ctx.db.command;
  const profiles = ctx.db.collection('member_profiles');
  const where = segmentWhere(_, rule, ctx.now);
  // One after the other: a broad count keeps the database busy for seconds, and the sample's reads behind it could time out.
  const ids = await sampleIds(ctx, rule, ctx.now);
  const count = await profiles.count(where);
  const found = ids.length
    ? await profiles.find(
        { _id: _.in(ids) },
        {
          orderBy: [['_id', 'asc']],
          limit: SAMPLE_SIZE,
          fields: ['memberNo', 'tierId', 'stage', 'ageBand', 'rfm', 'lastPurchaseAt', 'refreshedDay'],
        },
      )
    : [];
  const members = found.length
    ? await ctx.db
        .collection('members')
        .find({ _id: _.in(found.map((profile) => profile._id)) }, { limit: SAMPLE_SIZE, fields: ['nickname'] })
    : [];
  const nicknames = new Map(members.map((member) => [member._id, member.nickname]));
  const sample: SegmentSampleRow[] = found.map((profile) => ({
    memberId: profile._id,
    memberNo: profile.memberNo,
    nickname: nicknames.get(profile._id) ?? '',
    tierId: profile.tierId,
    stage: profile.stage,
    ageBand: profile.ageBand,
    rfm: profile.rfm,
    lastPurchaseAt: profile.lastPurchaseAt,
  }));
  let refreshedDay = found.reduce<string | null>(
    (day, profile) => (day === null || profile.refreshedDay > day ? profile.refreshedDay : day),
    null,
  );
  if (refreshedDay === null) refreshedDay = (await profiles.find({}, { limit: 1, fields: ['refreshedDay'] }))[0]?.refreshedDay ?? null;
  return { count, sample, refreshedDay, countedAt: ctx.now };
}
