import { DAY_MS } from '~/core/calendar/durations';
import { buildTemplateDoc } from '~/core/coupons/template-rules';
import { database } from '~/server/db/database';
import { issueCoupon } from '~/server/coupons/issue-coupon';
import { lockCoupon } from '~/server/coupons/lock-coupon';
import { releaseCoupon } from '~/server/coupons/release-coupon';
import { useCoupon } from '~/server/coupons/use-coupon';
import { voidCoupon } from '~/server/coupons/void-coupon';
import type { RequestContext } from '~/server/runtime/wx';
import type { CouponTemplateDoc } from '~/types/coupons';
import type { CouponTemplateInput, CouponsResponses, MyCoupon } from '~/types/functions/coupons';
import { couponTemplateInput } from '~/types/functions/coupons';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { connectSdk } from '../support/sdk';
import { stored, storedOrNull } from '../support/stored';
import { OWNER_CLAIMS as OWNER } from '../support/owner-claims';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

const COUPON_COLLECTIONS = ['coupon_templates', 'coupon_instances', 'coupon_quotas'];

/** A member signed in through the dev login and joined through the `member` function. */
interface Shopper {
  client: GatewayClient;
  memberId: string;
}

describe('coupons function through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  /** The context the orders and admin functions give these use-cases, here run in the test process against the same cloud. */
  let ctx: (now?: number) => RequestContext;
  let serial = 0;

  beforeAll(async () => {
    cloud = await startTestCloud({ maxInstances: 16 });
    connectSdk(cloud.tcbUrl);
    const db = database();
    ctx = (now = Date.now()) => ({ now, source: 'wx_trigger', db });
  });

  afterAll(() => cloud?.stop());

  const nextKey = () => `tap-${Date.now().toString(36)}-${(serial += 1).toString().padStart(5, '0')}`;

  async function join(): Promise<Shopper> {
    const client = new GatewayClient(cloud.url);
    await client.login();
    const joined = await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' });
    if (!joined.body.ok) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    return { client, memberId: joined.body.data.memberId };
  }

  /** Inserts a template as the cloud console import would. */
  function insertTemplate(fields: Partial<CouponTemplateInput> = {}): CouponTemplateDoc {
    serial += 1;
    const input = couponTemplateInput.parse({
      title: '满99减10',
      terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1000 },
      validity: { type: 'relative', days: 7 },
      totalStock: 100,
      channel: 'centre',
      ...fields,
    });
    const doc = buildTemplateDoc(input, input.templateId ?? `it-${serial}`, Date.now());
    cloud.store.insert('coupon_templates', { ...doc });
    return doc;
  }

  const template = (id: string) => stored(cloud, 'coupon_templates', id);
  const quota = (templateId: string, memberId: string) => storedOrNull(cloud, 'coupon_quotas', `${templateId}:${memberId}`);
  const instancesOf = (templateId: string) =>
    cloud.store.count('coupon_instances', ["json_extract(doc, '$.templateId') = ?"], [templateId]);

  const claim = (shopper: Shopper, templateId: string, clientKey = nextKey()) =>
    shopper.client.call<Envelope<CouponsResponses['claim']>>('coupons', { action: 'claim', templateId, clientKey }).then((res) => res.body);

  const listMine = async (shopper: Shopper, status: 'usable' | 'used' | 'expired'): Promise<MyCoupon[]> => {
    const items: MyCoupon[] = [];
    let cursor: string | undefined;
    do {
      const res = await shopper.client.call<Envelope<CouponsResponses['listMine']>>('coupons', {
        action: 'listMine',
        status,
        pageSize: 2,
        ...(cursor ? { cursor } : {}),
      });
      if (!res.body.ok) throw new Error(`listMine failed: ${JSON.stringify(res.body)}`);
      items.push(...res.body.data.items);
      cursor = res.body.data.nextCursor ?? undefined;
    } while (cursor);
    return items;
  };

  it('claims a centre coupon, once per client key, and the centre shows what is left to claim', async () => {
    const shopper = await join();
    const t = insertTemplate({ perMemberLimit: 2, title: '新品满99减10' });

    const centre = await shopper.client.call<Envelope<CouponsResponses['listCentre']>>('coupons', { action: 'listCentre' });
    expect(centre.body).toMatchObject({ ok: true });
    const listed = centre.body.ok ? centre.body.data.items.find((item) => item.templateId === t._id) : undefined;
    expect(listed).toMatchObject({
      title: '新品满99减10',
      face: { headline: '¥10', condition: '满99元可用' },
      canClaim: true,
      claimedCount: 0,
    });

    const clientKey = nextKey();
    const first = await claim(shopper, t._id, clientKey);
    expect(first).toMatchObject({ ok: true, data: { created: true, coupon: { templateId: t._id, state: 'usable', stateText: '可使用' } } });
    const again = await claim(shopper, t._id, clientKey);
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    expect(again.ok && first.ok && again.data.coupon.instanceId === first.data.coupon.instanceId).toBe(true);

    // Two taps of the same button at once: one coupon.
    const doubleTapKey = nextKey();
    const both = await Promise.all([claim(shopper, t._id, doubleTapKey), claim(shopper, t._id, doubleTapKey)]);
    expect(both.map((r) => r.ok && r.data.created).sort()).toEqual([false, true]);

    expect(instancesOf(t._id)).toBe(2);
    expect(template(t._id).stockRemaining).toBe(98);
    expect(quota(t._id, shopper.memberId)).toMatchObject({ claimed: 2 });
    expect(await claim(shopper, t._id)).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_REACHED', details: { reason: '每人限领2张，已领完' } },
    });

    const after = await shopper.client.call<Envelope<CouponsResponses['listCentre']>>('coupons', { action: 'listCentre' });
    const row = after.body.ok ? after.body.data.items.find((item) => item.templateId === t._id) : undefined;
    expect(row).toMatchObject({ claimedCount: 2, canClaim: false, blockedBy: { code: 'LIMIT_REACHED', reason: '每人限领2张，已领完' } });
  });

  it('100 members claiming at once a coupon with a stock of 10: exactly 10 coupons, stock 0, never below', async () => {
    const shoppers: Shopper[] = [];
    for (let batch = 0; batch < 4; batch += 1) shoppers.push(...(await Promise.all(Array.from({ length: 25 }, () => join()))));
    const t = insertTemplate({ totalStock: 10, title: '限量10张' });

    let lowest = Infinity;
    const sampler = setInterval(() => {
      lowest = Math.min(lowest, template(t._id).stockRemaining ?? Infinity);
    }, 5);
    const results = await Promise.all(shoppers.map((shopper) => claim(shopper, t._id)));
    clearInterval(sampler);
    lowest = Math.min(lowest, template(t._id).stockRemaining ?? Infinity);

    expect(results.filter((r) => r.ok)).toHaveLength(10);
    // Codes with their messages, so an unexpected failure says what it was.
    const refusals = results.flatMap((r) =>
      r.ok ? [] : [r.error.code === 'OUT_OF_STOCK' ? r.error.code : `${r.error.code}: ${r.error.message}`],
    );
    expect(refusals).toEqual(Array(90).fill('OUT_OF_STOCK'));
    expect(instancesOf(t._id)).toBe(10);
    expect(template(t._id).stockRemaining).toBe(0);
    expect(lowest).toBeGreaterThanOrEqual(0);
    const owners = new Set(results.flatMap((r, i) => (r.ok ? [shoppers[i]?.memberId] : [])));
    expect(owners.size).toBe(10);
  });

  it('one member claiming 20 times at once on a limit of 2: exactly 2 coupons, and the stock of the refused ones comes back', async () => {
    const shopper = await join();
    const t = insertTemplate({ perMemberLimit: 2, totalStock: 50 });
    const results = await Promise.all(Array.from({ length: 20 }, () => claim(shopper, t._id)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(18).fill('LIMIT_REACHED'));
    expect(instancesOf(t._id)).toBe(2);
    expect(quota(t._id, shopper.memberId)).toMatchObject({ claimed: 2 });
    expect(quota(t._id, shopper.memberId)?.claimKeys).toHaveLength(2);
    expect(template(t._id).stockRemaining).toBe(48);
  });

  it('locks, uses and releases for checkout, idempotently per order, and the wallet follows', async () => {
    const shopper = await join();
    const t = insertTemplate({ perMemberLimit: 3, totalStock: null });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await claim(shopper, t._id);
      if (!res.ok) throw new Error(JSON.stringify(res));
      ids.push(res.data.coupon.instanceId);
    }
    const [paid, cancelled, spare] = ids as [string, string, string];

    expect(await lockCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-paid' })).toMatchObject({
      status: 'locked',
      lockedBy: 'order-paid',
    });
    expect(await lockCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-paid' })).toMatchObject({
      status: 'locked',
      lockedBy: 'order-paid',
    });
    await expect(lockCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-other' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { state: 'locked' },
    });
    await expect(useCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-other' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(await useCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-paid' })).toMatchObject({
      status: 'used',
      usedBy: 'order-paid',
    });
    expect(await useCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-paid' })).toMatchObject({
      status: 'used',
      usedBy: 'order-paid',
    });
    await expect(releaseCoupon(ctx(), { instanceId: paid, memberId: shopper.memberId, orderId: 'order-paid' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { state: 'used' },
    });

    await lockCoupon(ctx(), { instanceId: cancelled, memberId: shopper.memberId, orderId: 'order-cancelled' });
    expect(await releaseCoupon(ctx(), { instanceId: cancelled, memberId: shopper.memberId, orderId: 'order-cancelled' })).toMatchObject({
      status: 'issued',
      lockedBy: null,
    });
    expect(await releaseCoupon(ctx(), { instanceId: cancelled, memberId: shopper.memberId, orderId: 'order-cancelled' })).toMatchObject({
      status: 'issued',
    });
    await expect(releaseCoupon(ctx(), { instanceId: cancelled, memberId: shopper.memberId, orderId: 'order-never' })).rejects.toMatchObject(
      { code: 'INVALID_STATE' },
    );

    await lockCoupon(ctx(), { instanceId: spare, memberId: shopper.memberId, orderId: 'order-pending' });
    const stranger = await join();
    await expect(lockCoupon(ctx(), { instanceId: cancelled, memberId: stranger.memberId, orderId: 'order-x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const usable = await listMine(shopper, 'usable');
    expect(Object.fromEntries(usable.map((c) => [c.instanceId, c.stateText]))).toEqual({ [cancelled]: '可使用', [spare]: '使用中' });
    expect((await listMine(shopper, 'used')).map((c) => [c.instanceId, c.state])).toEqual([[paid, 'used']]);
  });

  it('sorts the wallet into usable, used and expired, counting issued coupons past their window as expired', async () => {
    const shopper = await join();
    const t = insertTemplate({ channel: 'system', totalStock: null });
    const now = Date.now();
    const issue = (key: string, at: number) =>
      issueCoupon(ctx(at), {
        templateId: t._id,
        memberId: shopper.memberId,
        source: 'campaign',
        issueKey: `campaign:${key}:${shopper.memberId}`,
      }).then((granted) => granted.coupon._id);
    const current = await issue('now', now);
    const lapsed = await issue('lapsed', now - 10 * DAY_MS);
    const voided = await issue('voided', now);
    await voidCoupon(ctx(), { instanceId: voided, reason: '发放错误' }, OWNER);
    const upcoming = (
      await issueCoupon(ctx(), {
        templateId: t._id,
        memberId: shopper.memberId,
        source: 'campaign',
        issueKey: `campaign:later:${shopper.memberId}`,
        window: { validFrom: now + DAY_MS, validTo: now + 5 * DAY_MS },
      })
    ).coupon._id;

    // Soonest to expire first: the upcoming one ends after 5 days, the current one at the end of its 7th day.
    const usable = await listMine(shopper, 'usable');
    expect(usable.map((c) => [c.instanceId, c.state])).toEqual([
      [upcoming, 'notStarted'],
      [current, 'usable'],
    ]);
    expect(await listMine(shopper, 'used')).toEqual([]);
    const expired = await listMine(shopper, 'expired');
    expect(Object.fromEntries(expired.map((c) => [c.instanceId, c.stateText]))).toEqual({ [lapsed]: '已过期', [voided]: '已作废' });
    expect(cloud.store.parse(cloud.store.get('coupon_instances', lapsed) as never).status).toBe('issued');

    const detail = await shopper.client.call<Envelope<MyCoupon>>('coupons', { action: 'getMine', instanceId: lapsed });
    expect(detail.body).toMatchObject({ ok: true, data: { instanceId: lapsed, state: 'expired' } });
    const voidedDetail = await shopper.client.call<Envelope<MyCoupon>>('coupons', { action: 'getMine', instanceId: voided });
    expect(voidedDetail.body).toMatchObject({ ok: true, data: { state: 'voided', stateText: '已作废' } });
    expect(JSON.stringify(voidedDetail.body)).not.toMatch(/发放错误|admin/);
  });

  it('rejects malformed input on every action with a clear code, and writes nothing', async () => {
    const shopper = await join();
    const other = await join();
    const t = insertTemplate({ perMemberLimit: 5 });
    const system = insertTemplate({ channel: 'system' });
    const theirs = await claim(other, t._id);
    if (!theirs.ok) throw new Error(JSON.stringify(theirs));
    const theirId = theirs.data.coupon.instanceId;

    const counts = () => COUPON_COLLECTIONS.map((name) => cloud.store.count(name));
    const before = counts();
    const stockBefore = template(t._id).stockRemaining;

    const cases: [unknown, string, string?][] = [
      [{}, 'UNKNOWN_ACTION'],
      [{ action: 42 }, 'UNKNOWN_ACTION'],
      [{ action: 'lockCoupon', instanceId: theirId, orderId: 'o' }, 'UNKNOWN_ACTION'],
      [{ action: 'createCouponTemplate', title: 'x' }, 'UNKNOWN_ACTION'],
      [{ action: 'voidCoupon', instanceId: theirId }, 'UNKNOWN_ACTION'],
      [{ action: 'listCentre', memberId: other.memberId }, 'VALIDATION_FAILED'],
      [{ action: 'claim' }, 'VALIDATION_FAILED', 'templateId'],
      [{ action: 'claim', templateId: t._id }, 'VALIDATION_FAILED', 'clientKey'],
      [{ action: 'claim', clientKey: nextKey() }, 'VALIDATION_FAILED', 'templateId'],
      [{ action: 'claim', templateId: 123, clientKey: nextKey() }, 'VALIDATION_FAILED', 'templateId'],
      [{ action: 'claim', templateId: '', clientKey: nextKey() }, 'VALIDATION_FAILED', 'templateId'],
      [{ action: 'claim', templateId: 'Not A Slug', clientKey: nextKey() }, 'VALIDATION_FAILED', 'templateId'],
      [{ action: 'claim', templateId: t._id, clientKey: 'short' }, 'VALIDATION_FAILED', 'clientKey'],
      [{ action: 'claim', templateId: t._id, clientKey: 'k'.repeat(65) }, 'VALIDATION_FAILED', 'clientKey'],
      [{ action: 'claim', templateId: t._id, clientKey: '领取领取领取领取' }, 'VALIDATION_FAILED', 'clientKey'],
      [{ action: 'claim', templateId: t._id, clientKey: 12345678 }, 'VALIDATION_FAILED', 'clientKey'],
      [{ action: 'claim', templateId: t._id, clientKey: nextKey(), memberId: other.memberId }, 'VALIDATION_FAILED'],
      [{ action: 'claim', templateId: t._id, clientKey: nextKey(), openid: 'someone-else' }, 'VALIDATION_FAILED'],
      [{ action: 'claim', templateId: 'no-such-coupon', clientKey: nextKey() }, 'NOT_FOUND'],
      [{ action: 'claim', templateId: system._id, clientKey: nextKey() }, 'NOT_FOUND'],
      [{ action: 'listMine' }, 'VALIDATION_FAILED', 'status'],
      [{ action: 'listMine', status: 'all' }, 'VALIDATION_FAILED', 'status'],
      [{ action: 'listMine', status: 3 }, 'VALIDATION_FAILED', 'status'],
      [{ action: 'listMine', status: 'usable', pageSize: -1 }, 'VALIDATION_FAILED', 'pageSize'],
      [{ action: 'listMine', status: 'usable', pageSize: 0 }, 'VALIDATION_FAILED', 'pageSize'],
      [{ action: 'listMine', status: 'usable', pageSize: 1e12 }, 'VALIDATION_FAILED', 'pageSize'],
      [{ action: 'listMine', status: 'usable', pageSize: 2.5 }, 'VALIDATION_FAILED', 'pageSize'],
      [{ action: 'listMine', status: 'usable', pageSize: '10' }, 'VALIDATION_FAILED', 'pageSize'],
      [{ action: 'listMine', status: 'usable', cursor: 'not-a-cursor' }, 'VALIDATION_FAILED', 'cursor'],
      [{ action: 'listMine', status: 'usable', cursor: 'c'.repeat(401) }, 'VALIDATION_FAILED', 'cursor'],
      [{ action: 'listMine', status: 'usable', memberId: other.memberId }, 'VALIDATION_FAILED'],
      [{ action: 'getMine' }, 'VALIDATION_FAILED', 'instanceId'],
      [{ action: 'getMine', instanceId: 42 }, 'VALIDATION_FAILED', 'instanceId'],
      [{ action: 'getMine', instanceId: '../coupon_templates' }, 'VALIDATION_FAILED', 'instanceId'],
      [{ action: 'getMine', instanceId: 'x'.repeat(161) }, 'VALIDATION_FAILED', 'instanceId'],
      [{ action: 'getMine', instanceId: { $ne: null } }, 'VALIDATION_FAILED', 'instanceId'],
      [{ action: 'getMine', instanceId: theirId }, 'NOT_FOUND'],
      [{ action: 'getMine', instanceId: 'centre:nothing:here:at-all-0' }, 'NOT_FOUND'],
    ];
    for (const [body, code, field] of cases) {
      const res = await shopper.client.call<Envelope<unknown>>('coupons', body);
      expect({ body, res: res.body }).toMatchObject({ body, res: { ok: false, error: { code } } });
      if (field && !res.body.ok) {
        expect(res.body.error.details).toMatchObject({ field });
        expect(res.body.error.message).toContain(field);
      }
    }

    const guest = new GatewayClient(cloud.url);
    await guest.login();
    expect((await guest.call('coupons', { action: 'claim', templateId: t._id, clientKey: nextKey() })).body).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    expect((await guest.call('coupons', { action: 'listMine', status: 'usable' })).body).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_MEMBER' },
    });
    const anonymous = new GatewayClient(cloud.url);
    for (const body of [
      { action: 'listCentre' },
      { action: 'claim', templateId: t._id, clientKey: nextKey() },
      { action: 'listMine', status: 'used' },
    ]) {
      expect((await anonymous.call('coupons', body)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }

    expect(counts()).toEqual(before);
    expect(template(t._id).stockRemaining).toBe(stockBefore);
    expect(cloud.store.parse(cloud.store.get('coupon_instances', theirId) as never)).toMatchObject({
      memberId: other.memberId,
      status: 'issued',
    });
  });
});
