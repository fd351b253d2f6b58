import { DAY_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import type { LedgerEntryDoc, PointLotDoc } from '~/types/points';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { startTestCloud } from '../support/local-cloud';
import { adminCaller, patchDoc } from '../support/shop';
import { putStored } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Reconciled = { members: number; problems: { memberId: string; problem: string }[] };

const PASSWORD = 'reconcile-admin-password';
/** More lots than one read of the database answers (1,000 documents per get). */
const LOTS = 1_250;
const MEMBER = 'mmanylots';

/** A member with more pending lots than one database read holds, each from its own earn entry, seeded as the postings write them. */
function seedManyLots(cloud: LocalCloud, now: number): string[] {
  const lotIds: string[] = [];
  cloud.store.atomically(() => {
    const member = newMember({ _id: MEMBER, openid: `o-${MEMBER}`, memberNo: '3900000001', now });
    putStored(cloud, 'members', { ...member, points: { ...member.points, pending: LOTS, lifetimeEarned: LOTS } });
    for (let i = 0; i < LOTS; i += 1) {
      const at = now - (LOTS - i) * 60_000;
      const entryId = `earn:order:obulk${String(i).padStart(5, '0')}`;
      const lotId = `pending:${entryId}`;
      lotIds.push(lotId);
      const entry: LedgerEntryDoc = {
        _id: entryId,
        memberId: MEMBER,
        kind: 'earn',
        available: 0,
        pending: 1,
        reason: '购物得积分',
        ref: { type: 'order', id: `obulk${i}` },
        lots: [{ lotId, points: 1 }],
        balanceAfter: { available: 0, pending: i + 1 },
        createdAt: at,
      };
      const lot: PointLotDoc = {
        _id: lotId,
        memberId: MEMBER,
        kind: 'pending',
        state: 'pending',
        remaining: 1,
        // Later lots expire later, so the ones past the first thousand are the last read.
        expiresAt: now + 300 * DAY_MS + i * 60_000,
        pendingUntil: now + 7 * DAY_MS,
        entryId,
        earned: 1,
        spent: 0,
        clawedBack: 0,
        createdAt: at,
        updatedAt: at,
      };
      putStored(cloud, 'ledger_entries', entry);
      putStored(cloud, 'point_lots', lot);
    }
  });
  return lotIds;
}

/** The books check reads every lot of a member, however many: none is left out of the sums or the checks. */
describe('reconcile with more lots than one read answers', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;
  let lotIds: string[];

  const reconcile = async () => {
    const answer = (await admin<Envelope<Reconciled>>('reconcile', { memberId: MEMBER })).body;
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data;
  };

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'c'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    admin = await adminCaller(cloud, PASSWORD);
    lotIds = seedManyLots(cloud, Date.now());
  }, 60_000);
  afterAll(() => cloud?.stop());

  it(`finds the books of a member with ${LOTS} pending lots in order, counting every lot`, async () => {
    expect(await reconcile()).toEqual({ members: 1, problems: [] });
  });

  it('sees a broken lot among the last read', async () => {
    const last = lotIds[lotIds.length - 1] as string;
    patchDoc(cloud, 'point_lots', last, { spent: -1 });
    expect((await reconcile()).problems).toEqual([{ memberId: MEMBER, problem: `lot ${last}: spent is below zero` }]);
  });
});
