import type { Doc } from '../../local-cloud/db/ejson';
import type { DocStore } from '../../local-cloud/db/store';
import type { MemberPoints, PointLotDoc } from '~/types/points';

/**
 * Brings a local database made before the members' cached points listed what each bucket holds
 * (`points.buckets`, which replaced the list of bucket ids `points.openBuckets`) and before an
 * expired bucket kept what was left in it (instead of an `expired` counter) up to date, so an
 * existing `.local-cloud` keeps working. Answers how many documents changed.
 */
export function upgradeLocalPoints(store: DocStore): number {
  let changed = 0;
  store.atomically(() => {
    const rows = [...store.scan('point_lots', [], [], '_id')];
    const lots = rows.map((row) => store.parse(row) as unknown as PointLotDoc & { expired?: number });
    const byId = new Map(lots.map((lot) => [lot._id, lot]));
    for (const lot of lots) {
      if (lot.expired === undefined) continue;
      const { expired, ...rest } = lot;
      store.replace('point_lots', { ...rest, remaining: lot.state === 'expired' ? expired : lot.remaining } as unknown as Doc);
      changed += 1;
    }
    for (const row of [...store.scan('members', [], [], '_id')]) {
      const member = store.parse(row) as unknown as { points: MemberPoints & { openBuckets?: string[] } };
      if (member.points.buckets) continue;
      const { openBuckets = [], ...points } = member.points;
      const buckets = openBuckets.flatMap((id) => {
        const lot = byId.get(id);
        return lot ? [{ id, expiresAt: lot.expiresAt, points: lot.remaining }] : [];
      });
      store.replace('members', { ...member, points: { ...points, buckets } } as unknown as Doc);
      changed += 1;
    }
  });
  return changed;
}
