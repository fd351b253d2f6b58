import type { SegmentPreview, SegmentSampleRow } from '~/types/functions/marketing-segments';
import type { SegmentRule } from '~/types/marketing';
import type { EpochMs } from '~/types/units';
import type { RequestContext } from '../runtime/wx';
import { segmentWhere } from './segment-where';

/** How many members a preview shows. */
export const SAMPLE_SIZE = 10;

/** How many profiles a rule takes as of `asOf`, counted by the database. */
export async function countSegmentMembers(ctx: RequestContext, rule: SegmentRule, asOf: EpochMs): Promise<number> {
  return ctx.db.collection('member_profiles').count(segmentWhere(ctx.db.command, rule, asOf));
}

/** The members a rule takes now: the database's count and up to 10 of them, with their nicknames but no contact details. */
export async function previewSegment(ctx: RequestContext, rule: SegmentRule): Promise<SegmentPreview> {
  const _ = ctx.db.command;
  const profiles = ctx.db.collection('member_profiles');
  const where = segmentWhere(_, rule, ctx.now);
  const [count, found] = await Promise.all([
    profiles.count(where),
    profiles.find(where, {
      limit: SAMPLE_SIZE,
      fields: ['memberNo', 'tierId', 'stage', 'ageBand', 'rfm', 'lastPurchaseAt', 'refreshedDay'],
    }),
  ]);
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
