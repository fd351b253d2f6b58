import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct } from '../support/shop';
import { allStored, storedOrNull } from '../support/stored';

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: { field?: string } } };
type Visit = { outcome: 'recorded' | 'alreadyRecorded' | 'ownLink' };

interface Shopper {
  client: GatewayClient;
  openid: string;
  memberId: string | null;
}

/** Share codes and share visits through the `member` function, the built bundle and the local cloud. */
describe('sharing', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startTestCloud();
    addProduct(cloud, 'share-mug', { title: '分享马克杯', priceFen: 5_900, stock: 10 });
  });

  afterAll(() => cloud?.stop());

  async function signIn(joinToo: boolean): Promise<Shopper> {
    const client = new GatewayClient(cloud.url);
    const openid = await client.login();
    if (!joinToo) return { client, openid, memberId: null };
    const joined = await client.call<Envelope<{ memberId: string }>>('member', { action: 'join' });
    if (!joined.body.ok) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    return { client, openid, memberId: joined.body.data.memberId };
  }

  const shareCode = async (who: Shopper) => (await who.client.call<Envelope<{ code: string }>>('member', { action: 'shareCode' })).body;
  const visit = async (who: Shopper, payload: Record<string, unknown>) =>
    (await who.client.call<Envelope<Visit>>('member', { action: 'recordShareVisit', ...payload })).body;
  const codeOf = async (who: Shopper) => {
    const answer = await shareCode(who);
    if (!answer.ok) throw new Error(`shareCode failed: ${answer.error.code}`);
    return answer.data.code;
  };
  /** What a member was given: ledger entries and coupons, to show a share earns nothing. */
  const givenTo = (memberId: string) => ({
    ledger: allStored(cloud, 'ledger_entries').filter((entry) => entry.memberId === memberId).length,
    coupons: allStored(cloud, 'coupon_instances').filter((coupon) => coupon.memberId === memberId).length,
    member: storedOrNull(cloud, 'members', memberId)?.points,
  });

  it('makes a member one share code that names neither their id, number nor phone, however often and concurrently asked', async () => {
    const sharer = await signIn(true);
    const answers = await Promise.all(Array.from({ length: 5 }, () => codeOf(sharer)));
    expect(new Set(answers).size).toBe(1);
    const code = answers[0] as string;
    expect(code).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const member = storedOrNull(cloud, 'members', sharer.memberId as string);
    expect(code).not.toContain(sharer.memberId);
    expect(code).not.toContain(member?.memberNo);
    expect(allStored(cloud, 'share_codes').filter((doc) => doc._id === sharer.memberId)).toEqual([
      { _id: sharer.memberId, code, createdAt: expect.any(Number) },
    ]);

    const guest = await signIn(false);
    expect(await shareCode(guest)).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
  });

  it('records a visit once per link and visitor, member or not, and rewards the sharer with nothing', async () => {
    const sharer = await signIn(true);
    const code = await codeOf(sharer);
    const before = givenTo(sharer.memberId as string);
    const friend = await signIn(true);
    const guest = await signIn(false);

    expect(await visit(friend, { sharer: code, page: 'product', productId: 'share-mug' })).toEqual({
      ok: true,
      data: { outcome: 'recorded' },
    });
    expect(await visit(friend, { sharer: code, page: 'product', productId: 'share-mug' })).toEqual({
      ok: true,
      data: { outcome: 'alreadyRecorded' },
    });
    const again = await Promise.all(Array.from({ length: 4 }, () => visit(guest, { sharer: code, page: 'mall' })));
    expect(again.filter((answer) => answer.ok && answer.data.outcome === 'recorded')).toHaveLength(1);
    expect(await visit(friend, { sharer: code, page: 'home' })).toEqual({ ok: true, data: { outcome: 'recorded' } });

    const visits = allStored(cloud, 'share_visits').filter((doc) => doc.sharerId === sharer.memberId);
    expect(
      visits.map(({ page, productId, visitorMemberId, visitorOpenid }) => ({ page, productId, visitorMemberId, visitorOpenid })),
    ).toEqual(
      expect.arrayContaining([
        { page: 'product', productId: 'share-mug', visitorMemberId: friend.memberId, visitorOpenid: friend.openid },
        { page: 'mall', productId: null, visitorMemberId: null, visitorOpenid: guest.openid },
        { page: 'home', productId: null, visitorMemberId: friend.memberId, visitorOpenid: friend.openid },
      ]),
    );
    expect(visits).toHaveLength(3);
    expect(givenTo(sharer.memberId as string)).toEqual(before);
  });

  it('records nothing when a member opens their own link', async () => {
    const sharer = await signIn(true);
    const code = await codeOf(sharer);
    expect(await visit(sharer, { sharer: code, page: 'couponCentre' })).toEqual({ ok: true, data: { outcome: 'ownLink' } });
    expect(allStored(cloud, 'share_visits').filter((doc) => doc.sharerId === sharer.memberId)).toEqual([]);
  });

  it('refuses a bad code, an unknown code, a missing product or a mismatched query with a clear error and writes nothing', async () => {
    const sharer = await signIn(true);
    const code = await codeOf(sharer);
    const visitor = await signIn(false);
    const count = () => allStored(cloud, 'share_visits').length;
    const before = count();

    expect(await visit(visitor, { sharer: 'not a code!', page: 'home' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'sharer: 分享码格式不正确' },
    });
    expect(await visit(visitor, { sharer: 'AAAAAAAAAAAA', page: 'home' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '分享链接无效或已失效' },
    });
    expect(await visit(visitor, { sharer: code, page: 'product', productId: 'no-such-product' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '分享的商品不存在' },
    });
    expect(await visit(visitor, { sharer: code, page: 'product' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await visit(visitor, { sharer: code, page: 'home', productId: 'share-mug' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await visit(visitor, { sharer: code, page: 'orders' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(count()).toBe(before);
  });

  it("stops attributing a deleted member's links", async () => {
    const sharer = await signIn(true);
    const code = await codeOf(sharer);
    const deleted = await sharer.client.call<Envelope<unknown>>('member', { action: 'deleteAccount', confirm: '注销账号' });
    expect(deleted.body.ok).toBe(true);
    const visitor = await signIn(false);
    expect(await visit(visitor, { sharer: code, page: 'home' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
