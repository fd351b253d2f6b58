import type { LocalCloud } from '../../local-cloud/local-cloud';
import { MINUTE_MS } from '~/core/calendar/durations';
import { newReward } from '~/core/rewards/new-reward';
import type { RedemptionDoc } from '~/types/rewards';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { allowAdjustmentsUpTo } from '../support/programme';
import { adminCaller, docOf, patchDoc } from '../support/shop';
import { storedInOrder, storedOrNull } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};
type Run = { ok: boolean; data: { scanned: number; changed: number; failed?: number } };

const PASSWORD = 'repair-admin-password';
const SWEEP = 'job-cancel-unpaid';

describe('the unfinished-work sweep repairs redemptions a crash cut short', () => {
  let cloud: LocalCloud;
  let admin: Awaited<ReturnType<typeof adminCaller>>;

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: { ADMIN_TOKEN_SECRET: 'r'.repeat(40), ADMIN_INITIAL_PASSWORD: PASSWORD } } });
    allowAdjustmentsUpTo(cloud, 3_000);
    admin = await adminCaller(cloud, PASSWORD);
  });
  afterAll(() => cloud?.stop());

  const stockOf = (rewardId: string) => docOf(cloud, 'rewards', rewardId).stockRemaining;
  const quotaOf = (rewardId: string, memberId: string) => storedOrNull(cloud, 'reward_quotas', `${rewardId}:${memberId}`)?.count ?? 0;
  const pointsOf = (memberId: string) => docOf(cloud, 'members', memberId).points.available;
  const entriesOf = (memberId: string, kind: string) =>
    storedInOrder(cloud, 'ledger_entries').filter((entry) => entry.memberId === memberId && entry.kind === kind);

  async function shopperWith(points: number): Promise<{ client: GatewayClient; memberId: string }> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const { memberId } = data((await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' })).body);
    if (points > 0)
      data(
        (await admin('adjustPoints', { memberId, points, reason: '测试积分', requestKey: `grant-${memberId}` })).body as Envelope<unknown>,
      );
    return { client, memberId };
  }

  const addReward = (id: string, pointsCost: number) =>
    cloud.store.insert('rewards', { ...newReward({ _id: id, title: `礼品${id}`, pointsCost, totalStock: 10 }, Date.now()) });

  async function redeem(client: GatewayClient, rewardId: string, clientKey: string): Promise<string> {
    return data((await client.call<Envelope<{ id: string }>>('rewards', { action: 'redeem', rewardId, clientKey })).body).id;
  }

  /** A redemption whose request died after taking its quota and stock (both recorded), before spending the points. */
  function diedAfterStock(memberId: string, rewardId: string, pointsCost: number, at: number): string {
    const id = `redeem:${memberId}:died-${rewardId}`;
    const doc: RedemptionDoc = {
      _id: id,
      memberId,
      rewardId,
      title: `礼品${rewardId}`,
      kind: 'pickup',
      pointsCost,
      cashFen: 0,
      status: 'processing',
      progress: 'stock',
      failure: null,
      pickupCode: null,
      couponInstanceId: null,
      leaseUntil: at + 15_000,
      createdAt: at,
      updatedAt: at,
      fulfilledAt: null,
      cancelledAt: null,
    };
    cloud.store.insert('redemptions', { ...doc });
    patchDoc(cloud, 'rewards', rewardId, { stockRemaining: stockOf(rewardId) - 1 });
    cloud.store.insert('reward_quotas', { _id: `${rewardId}:${memberId}`, count: 1 });
    return id;
  }

  const reconciled = async (memberId: string) => data((await admin<Envelope<{ problems: unknown[] }>>('reconcile', { memberId })).body);

  it('finishes or gives back every redemption left unfinished past its lease, once, and leaves live and finished ones alone', async () => {
    const longAgo = Date.now() - 10 * MINUTE_MS;

    // Stock taken, points not spent, the member never came back: finished forward.
    const forward = await shopperWith(1_000);
    addReward('tote', 300);
    const forwardId = diedAfterStock(forward.memberId, 'tote', 300, longAgo);

    // Points spent too, the fulfilment never recorded: finished without spending again.
    const spent = await shopperWith(1_000);
    addReward('mug', 400);
    const spentId = await redeem(spent.client, 'mug', 'mug-key-1');
    patchDoc(cloud, 'redemptions', spentId, {
      status: 'processing',
      progress: 'stock',
      pickupCode: null,
      leaseUntil: longAgo,
      updatedAt: longAgo,
    });

    // Stock taken, but the points are no longer there: given back as a failed redemption is.
    const poor = await shopperWith(100);
    addReward('cap', 800);
    const poorId = diedAfterStock(poor.memberId, 'cap', 800, longAgo);

    // A failure whose give-back was cut short after the points were spent: stock and points come back.
    const failing = await shopperWith(1_000);
    addReward('bottle', 200);
    const failingId = await redeem(failing.client, 'bottle', 'bottle-key-1');
    patchDoc(cloud, 'redemptions', failingId, {
      status: 'failing',
      failure: 'NOT_AVAILABLE',
      progress: 'paid',
      pickupCode: null,
      updatedAt: longAgo,
    });

    // A member's cancel cut short before its give-back: finished, stock and points back.
    const cancelling = await shopperWith(1_000);
    addReward('cup', 250);
    const cancellingId = await redeem(cancelling.client, 'cup', 'cup-key-1');
    patchDoc(cloud, 'redemptions', cancellingId, { status: 'cancelling', cancelledAt: longAgo, updatedAt: longAgo });

    // Still held by a live request: left alone.
    const live = await shopperWith(1_000);
    addReward('pin', 100);
    const liveId = diedAfterStock(live.memberId, 'pin', 100, Date.now());

    // Finished normally: untouched.
    const done = await shopperWith(1_000);
    addReward('bag', 500);
    const doneId = await redeem(done.client, 'bag', 'bag-key-1');
    const doneBefore = docOf(cloud, 'redemptions', doneId);

    expect([stockOf('tote'), stockOf('mug'), stockOf('cap'), stockOf('bottle'), stockOf('cup'), stockOf('pin'), stockOf('bag')]).toEqual([
      9, 9, 9, 9, 9, 9, 9,
    ]);

    const run = (await cloud.runTimer(SWEEP)) as Run;
    expect(run).toMatchObject({ ok: true, data: { scanned: 5, changed: 5 } });

    expect(docOf(cloud, 'redemptions', forwardId)).toMatchObject({
      status: 'awaitingPickup',
      progress: 'done',
      pickupCode: expect.stringMatching(/^\d{8}$/),
    });
    expect([stockOf('tote'), quotaOf('tote', forward.memberId), pointsOf(forward.memberId)]).toEqual([9, 1, 700]);
    expect(entriesOf(forward.memberId, 'spend')).toHaveLength(1);

    expect(docOf(cloud, 'redemptions', spentId)).toMatchObject({ status: 'awaitingPickup', pickupCode: expect.stringMatching(/^\d{8}$/) });
    expect([stockOf('mug'), quotaOf('mug', spent.memberId), pointsOf(spent.memberId)]).toEqual([9, 1, 600]);
    expect(entriesOf(spent.memberId, 'spend')).toHaveLength(1);

    expect(docOf(cloud, 'redemptions', poorId)).toMatchObject({ status: 'failed', failure: 'INSUFFICIENT_POINTS' });
    expect([stockOf('cap'), quotaOf('cap', poor.memberId), pointsOf(poor.memberId)]).toEqual([10, 0, 100]);
    expect(entriesOf(poor.memberId, 'spend')).toHaveLength(0);
    expect(entriesOf(spent.memberId, 'refund')).toHaveLength(0);

    expect(docOf(cloud, 'redemptions', failingId)).toMatchObject({ status: 'failed', failure: 'NOT_AVAILABLE' });
    expect([stockOf('bottle'), quotaOf('bottle', failing.memberId), pointsOf(failing.memberId)]).toEqual([10, 0, 1_000]);
    expect(entriesOf(failing.memberId, 'spend')).toHaveLength(1);
    expect(entriesOf(failing.memberId, 'refund')).toHaveLength(1);

    expect(docOf(cloud, 'redemptions', cancellingId)).toMatchObject({ status: 'cancelled' });
    expect([stockOf('cup'), quotaOf('cup', cancelling.memberId), pointsOf(cancelling.memberId)]).toEqual([10, 0, 1_000]);
    expect(entriesOf(cancelling.memberId, 'refund')).toHaveLength(1);

    expect(docOf(cloud, 'redemptions', liveId)).toMatchObject({ status: 'processing', progress: 'stock' });
    expect([stockOf('pin'), pointsOf(live.memberId)]).toEqual([9, 1_000]);

    expect(docOf(cloud, 'redemptions', doneId)).toEqual(doneBefore);
    expect([stockOf('bag'), pointsOf(done.memberId)]).toEqual([9, 500]);

    for (const { memberId } of [forward, spent, poor, failing, cancelling, live, done])
      expect(await reconciled(memberId)).toMatchObject({ problems: [] });

    // A second sweep finds nothing left to do and changes nothing.
    const snapshot = () => ({
      redemptions: storedInOrder(cloud, 'redemptions'),
      rewards: storedInOrder(cloud, 'rewards'),
      quotas: storedInOrder(cloud, 'reward_quotas'),
      members: storedInOrder(cloud, 'members').map((member) => member.points),
      ledger: storedInOrder(cloud, 'ledger_entries').length,
    });
    const before = snapshot();
    expect(await cloud.runTimer(SWEEP)).toMatchObject({ ok: true, data: { scanned: 0, changed: 0 } });
    expect(snapshot()).toEqual(before);
  });
});
