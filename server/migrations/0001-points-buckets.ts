import type { BucketBalance, MemberPoints, PointLotDoc } from '~/types/points';
import type { Migration, MigrationContext, MigrationStep } from './migration';
import { pageById } from './page-by-id';

type OldLot = PointLotDoc & { expired?: number };
type OldPoints = MemberPoints & { openBuckets?: string[] };

const LOTS = 'lots:';
const MEMBERS = 'members:';

/** Lots first: an expired bucket keeps what was left in it in `remaining`, instead of an `expired` counter. */
async function lotsPage(ctx: MigrationContext, after: string | null): Promise<MigrationStep> {
  const _ = ctx.db.command;
  const { docs, next } = await pageById(ctx, 'point_lots', { expired: _.exists(true) }, after);
  let changed = 0;
  for (const lot of docs as OldLot[]) {
    const remaining = lot.state === 'expired' ? (lot.expired ?? 0) : lot.remaining;
    changed += await ctx.db
      .collection('point_lots')
      .updateWhere({ _id: lot._id, expired: _.exists(true) }, { remaining, expired: _.remove() });
  }
  return { cursor: next === null ? MEMBERS : LOTS + next, changed };
}

/** Then members: `points.buckets` lists what each bucket holds, replacing the list of bucket ids `points.openBuckets`. */
async function membersPage(ctx: MigrationContext, after: string | null): Promise<MigrationStep> {
  const _ = ctx.db.command;
  const { docs, next } = await pageById(ctx, 'members', { 'points.buckets': _.exists(false) }, after);
  const ids = docs.flatMap((member) => (member.points as OldPoints).openBuckets ?? []);
  const lots = ids.length
    ? await ctx.db.collection('point_lots').find({ _id: _.in(ids) }, { limit: ids.length, fields: ['expiresAt', 'remaining'] })
    : [];
  const byId = new Map(lots.map((lot) => [lot._id, lot]));
  let changed = 0;
  for (const member of docs) {
    const buckets: BucketBalance[] = ((member.points as OldPoints).openBuckets ?? []).flatMap((id) => {
      const lot = byId.get(id);
      return lot ? [{ id, expiresAt: lot.expiresAt, points: lot.remaining }] : [];
    });
    buckets.sort((a, b) => a.expiresAt - b.expiresAt || a.id.localeCompare(b.id));
    changed += await ctx.db
      .collection('members')
      .updateWhere({ _id: member._id, 'points.buckets': _.exists(false) }, { 'points.buckets': buckets, 'points.openBuckets': _.remove() });
  }
  return { cursor: next === null ? null : MEMBERS + next, changed };
}

/** The points buckets change: what each bucket holds is cached on the member, and an expired bucket keeps what it lost. */
export const pointsBuckets: Migration = {
  id: '0001-points-buckets',
  description: 'members list what each points bucket holds (points.buckets); expired buckets keep what was left in remaining',
  step(ctx, cursor) {
    if (cursor?.startsWith(MEMBERS)) return membersPage(ctx, cursor.slice(MEMBERS.length) || null);
    return lotsPage(ctx, cursor?.startsWith(LOTS) ? cursor.slice(LOTS.length) : null);
  },
};
