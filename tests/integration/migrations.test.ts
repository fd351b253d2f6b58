import { reversedMemberNo } from '~/core/members/member-search';
import { phoneHash } from '~/core/members/phone-hash';
import { newMember } from '~/core/members/new-member';
import { DEFAULT_PROGRAMME } from '~/core/tiers/default-programme';
import type { CollectionName } from '~/types/collections';
import type { MigrationDoc } from '~/types/migrations';
import type { Doc } from '../../local-cloud/db/ejson';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { birthdayGiftKey } from '../../server/members/person-gift';
import { MIGRATIONS } from '../../server/migrations/all-migrations';
import type { MigrationRun } from '../../server/migrations/run-migrations';
import { startTestCloud } from '../support/local-cloud';
import { allStored } from '../support/stored';

/** The phone-hash secret of these clouds' `migrate` function, as the deploy sets it from the brand's configuration. */
const SECRET = 'migration-test-phone-hash-secret-0123456789';
const ALL_IDS = MIGRATIONS.map((migration) => migration.id);
const TOUCHED: CollectionName[] = ['members', 'point_lots', 'settings', 'person_gifts', 'coupon_instances'];

type Envelope<T> = { ok: boolean; data: T; error?: { code: string } };

/** A database as an environment deployed before the migrations' changes holds it. */
function seedOldData(cloud: LocalCloud): void {
  const put = (collection: string, doc: Record<string, unknown>) => cloud.store.insert(collection, doc as Doc);
  const lot = (id: string, memberId: string, state: string, remaining: number, expired: number, expiresAt: number) => ({
    _id: id,
    memberId,
    kind: 'bucket',
    state,
    remaining,
    expired,
    earned: remaining + expired,
    spent: 0,
    clawedBack: 0,
    expiresAt,
  });
  const oldPoints = (available: number, openBuckets: string[]) => ({ available, pending: 0, lifetimeEarned: available, openBuckets });
  const member = (id: string, memberNo: string, fields: Record<string, unknown>) => {
    const { memberNoReversed: _reversed, phoneHash: _hash, ...made } = newMember({ _id: id, openid: `o-${id}`, memberNo, now: 1_000 });
    return { ...made, ...fields };
  };
  cloud.store.atomically(() => {
    put('point_lots', lot('bucket:m1:2026-10', 'm1', 'expired', 0, 40, 10));
    put('point_lots', lot('bucket:m1:2027-12', 'm1', 'open', 30, 0, 30));
    put('point_lots', lot('bucket:m1:2027-11', 'm1', 'open', 120, 0, 20));
    put(
      'members',
      member('m1', '3000000001', { phone: '13800000001', points: oldPoints(150, ['bucket:m1:2027-12', 'bucket:m1:2027-11']) }),
    );
    put('members', member('m2', '3000000002', { points: oldPoints(0, []) }));
    put('members', {
      ...member('m3', '3000000003', { points: oldPoints(0, []) }),
      openid: 'deleted:m3',
      status: 'deleted',
      phone: null,
    });
    for (const id of ['m1', 'm3']) {
      put('coupon_instances', { _id: `birthday:${id}:2026`, memberId: id, templateId: 'birthday-10', status: 'issued', issuedAt: 5_000 });
    }
    put('coupon_instances', { _id: 'welcome:m2', memberId: 'm2', templateId: 'welcome', status: 'issued', issuedAt: 5_000 });
    const { expiryNoticeDays: _days, ...points } = DEFAULT_PROGRAMME.points;
    put('settings', { ...DEFAULT_PROGRAMME, points: { ...points, approvalThreshold: 500 } });
  });
}

/** Every document of the collections the migrations touch. */
function snapshot(cloud: LocalCloud): Record<string, unknown[]> {
  return Object.fromEntries(TOUCHED.map((name) => [name, allStored(cloud, name)]));
}

async function migrate(cloud: LocalCloud): Promise<Envelope<MigrationRun>> {
  return (await cloud.invoke('migrate', {}, { source: '' })) as Envelope<MigrationRun>;
}

describe('data migrations, run by the migrate function', () => {
  let cloud: LocalCloud;
  afterEach(() => cloud?.stop());

  it('brings an older database up to date, records each migration, and a second run changes nothing', async () => {
    cloud = await startTestCloud({ functionEnv: { migrate: { LM_PHONE_HASH_SECRET: SECRET } } });
    seedOldData(cloud);

    const first = await migrate(cloud);
    expect(first).toMatchObject({ ok: true, data: { done: true, applied: ALL_IDS, skipped: [], pending: [] } });
    expect(first.data.changed).toEqual({
      '0001-points-buckets': 3 + 3,
      '0002-member-search-keys': 3,
      '0003-programme-defaults': 1,
      '0004-birthday-gifts-per-person': 1,
    });

    const members = Object.fromEntries(allStored(cloud, 'members').map((member) => [member._id, member]));
    expect(members.m1?.points).toEqual({
      available: 150,
      pending: 0,
      lifetimeEarned: 150,
      buckets: [
        { id: 'bucket:m1:2027-11', expiresAt: 20, points: 120 },
        { id: 'bucket:m1:2027-12', expiresAt: 30, points: 30 },
      ],
    });
    expect(members.m1).toMatchObject({ memberNoReversed: reversedMemberNo('3000000001'), phoneHash: phoneHash('13800000001', SECRET) });
    expect(members.m2).toMatchObject({ memberNoReversed: '2000000003', phoneHash: null, points: { buckets: [] } });
    const lots = allStored(cloud, 'point_lots');
    expect(lots.find((lot) => lot._id === 'bucket:m1:2026-10')).toMatchObject({ state: 'expired', remaining: 40 });
    expect(lots.filter((lot) => 'expired' in lot)).toEqual([]);
    // The default where it was absent; what an admin set stays.
    expect(allStored(cloud, 'settings')[0]).toMatchObject({ points: { expiryNoticeDays: 7, approvalThreshold: 500 } });
    // The active member's coupon is claimed for the person; the deleted account names nobody.
    expect(allStored(cloud, 'person_gifts')).toEqual([{ _id: birthdayGiftKey('o-m1', 2026), memberId: 'm1', at: 5_000 }]);

    const records = allStored(cloud, 'migrations') as MigrationDoc[];
    expect(records.map((record) => [record._id, record.status, record.cursor])).toEqual(ALL_IDS.map((id) => [id, 'done', null]));
    const after = snapshot(cloud);

    const second = await migrate(cloud);
    expect(second).toMatchObject({ ok: true, data: { done: true, applied: [], skipped: ALL_IDS, pending: [], changed: {} } });
    expect(snapshot(cloud)).toEqual(after);
    expect(allStored(cloud, 'migrations')).toEqual(records);
  });

  it('a run cut short by its budget carries on where it stopped, to the same result', async () => {
    cloud = await startTestCloud({
      functionEnv: { migrate: { LM_PHONE_HASH_SECRET: SECRET, LM_MIGRATE_BUDGET_MS: '1', LM_MIGRATE_PAGE_SIZE: '1' } },
    });
    seedOldData(cloud);
    const runs: MigrationRun[] = [];
    for (let guard = 0; guard < 50; guard += 1) {
      const run = await migrate(cloud);
      expect(run.ok).toBe(true);
      runs.push(run.data);
      if (run.data.done) break;
    }
    expect(runs.length).toBeGreaterThan(ALL_IDS.length);
    expect(runs[runs.length - 1]?.done).toBe(true);
    expect(runs.flatMap((run) => run.applied)).toEqual(ALL_IDS);
    expect(allStored(cloud, 'members').find((member) => member._id === 'm1')?.points.buckets).toHaveLength(2);
    expect(allStored(cloud, 'person_gifts')).toHaveLength(1);
    expect((allStored(cloud, 'migrations') as MigrationDoc[]).every((record) => record.status === 'done')).toBe(true);
  });

  it('refuses a mini-program user and the HTTP access service, and changes nothing', async () => {
    cloud = await startTestCloud({ functionEnv: { migrate: { LM_PHONE_HASH_SECRET: SECRET } } });
    seedOldData(cloud);
    const before = snapshot(cloud);
    for (const caller of [{ source: 'wx_client', openid: 'o-m1' }, { source: 'wx_http' }]) {
      expect(await cloud.invoke('migrate', {}, caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshot(cloud)).toEqual(before);
    expect(allStored(cloud, 'migrations')).toEqual([]);
  });
});
