import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc } from '../../local-cloud/db/ejson';
import { DocStore } from '../../local-cloud/db/store';
import { upgradeLocalPoints } from './upgrade-local-points';

describe('upgradeLocalPoints', () => {
  it('gives an older local database the cached buckets and the expired buckets their points, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lm-upgrade-'));
    const store = new DocStore(join(dir, 'cloud.db'), { members: { indexes: [] }, point_lots: { indexes: [] } });
    try {
      const lot = (id: string, state: string, remaining: number, expired: number, expiresAt: number) =>
        ({
          _id: id,
          memberId: 'm1',
          kind: 'bucket',
          state,
          remaining,
          expiresAt,
          earned: remaining + expired,
          spent: 0,
          expired,
          clawedBack: 0,
        }) as unknown as Doc;
      store.insert('point_lots', lot('bucket:m1:2026-10', 'expired', 0, 40, 10));
      store.insert('point_lots', lot('bucket:m1:2027-11', 'open', 120, 0, 20));
      store.insert('members', {
        _id: 'm1',
        points: { available: 120, pending: 0, lifetimeEarned: 160, openBuckets: ['bucket:m1:2027-11'] },
      } as unknown as Doc);
      expect(upgradeLocalPoints(store)).toBe(3);
      const read = (collection: string, id: string) => store.parse(store.get(collection, id) as never) as Record<string, unknown>;
      expect(read('members', 'm1').points).toEqual({
        available: 120,
        pending: 0,
        lifetimeEarned: 160,
        buckets: [{ id: 'bucket:m1:2027-11', expiresAt: 20, points: 120 }],
      });
      expect(read('point_lots', 'bucket:m1:2026-10')).toMatchObject({ state: 'expired', remaining: 40 });
      expect(read('point_lots', 'bucket:m1:2026-10')).not.toHaveProperty('expired');
      expect(upgradeLocalPoints(store)).toBe(0);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
