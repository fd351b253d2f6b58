import { buildTemplateDoc } from '~/core/coupons/template-rules';
import type { CouponChannel, CouponTemplateDoc, CouponTemplateStatus } from '~/types/coupons';
import type { AdminCouponsResponses, CouponTemplateRow } from '~/types/functions/admin-coupons';
import type { AdminResponses } from '~/types/functions/admin';
import { couponTemplateInput } from '~/types/functions/coupons';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { allStored, putStored } from '../support/stored';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'c'.repeat(40), ADMIN_INITIAL_PASSWORD: 'coupon-owner-password' };
/** A fixed instant well in the past, so the test's own templates sort below any made during the run. */
const BASE = Date.UTC(2025, 0, 1);

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type ListFilter = { status?: CouponTemplateStatus; channel?: CouponChannel };

describe('the admin coupon-template list through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  const page = (): GatewayClient => new GatewayClient(cloud.url);
  let owner: string;

  const admin = async <T>(body: Record<string, unknown>, token = owner): Promise<Envelope<T>> =>
    (await page().call<Envelope<T>>('admin', { token, ...body })).body;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };

  /** Every row of a filter, page by page, and how many pages it took. */
  async function listAll(filter: ListFilter, pageSize: number): Promise<{ rows: CouponTemplateRow[]; pages: number }> {
    const rows: CouponTemplateRow[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer: AdminCouponsResponses['listCouponTemplates'] = data(
        await admin({ action: 'listCouponTemplates', ...filter, pageSize, ...(cursor ? { cursor } : {}) }),
      );
      expect(answer.items.length).toBeLessThanOrEqual(pageSize);
      rows.push(...answer.items);
      cursor = answer.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { rows, pages };
  }

  /** The stored templates a filter should list, newest first and then by id, as the list orders them. */
  const expectedIds = (filter: ListFilter) =>
    allStored(cloud, 'coupon_templates')
      .filter((t) => (!filter.status || t.status === filter.status) && (!filter.channel || t.channel === filter.channel))
      .sort((a, b) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : -1))
      .map((t) => t._id);

  function putTemplate(id: string, createdAt: number, fields: Partial<CouponTemplateDoc> = {}): void {
    const input = couponTemplateInput.parse({
      title: `券${id}`,
      terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1000 },
      validity: { type: 'relative', days: 7 },
      totalStock: 10,
      channel: 'centre',
    });
    putStored(cloud, 'coupon_templates', { ...buildTemplateDoc(input, id, createdAt), ...fields });
  }

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    await page().call('admin', { action: 'bootstrapAdmin' });
    const login = await page().call<Envelope<{ token: string }>>('admin', {
      action: 'login',
      username: 'admin',
      password: ADMIN_ENV.ADMIN_INITIAL_PASSWORD,
    });
    owner = data(login.body).token;
    // Two pairs share an instant, so the id decides their order and the cursor must carry it.
    putTemplate('it-a', BASE + 1_000, { status: 'active', channel: 'centre' });
    putTemplate('it-b', BASE + 2_000, { status: 'paused', channel: 'centre' });
    putTemplate('it-c', BASE + 2_000, { status: 'active', channel: 'system', totalStock: null, stockRemaining: null });
    putTemplate('it-d', BASE + 3_000, { status: 'ended', channel: 'system' });
    putTemplate('it-e', BASE + 4_000, { status: 'active', channel: 'system', totalStock: 10, stockRemaining: 4 });
    putTemplate('it-f', BASE + 4_000, { status: 'paused', channel: 'system' });
    putTemplate('it-g', BASE + 5_000, { status: 'active', channel: 'centre' });
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('pages through every template newest first, with no repeats, whatever the page size', async () => {
    for (const pageSize of [1, 3, 100]) {
      const { rows, pages } = await listAll({}, pageSize);
      expect(rows.map((row) => row._id)).toEqual(expectedIds({}));
      expect(pages).toBe(Math.max(1, Math.ceil(rows.length / pageSize)));
    }
    const ours = (await listAll({}, 100)).rows.filter((row) => row._id.startsWith('it-')).map((row) => row._id);
    expect(ours).toEqual(['it-g', 'it-f', 'it-e', 'it-d', 'it-c', 'it-b', 'it-a']);
  });

  it('narrows by status, by channel, and by both', async () => {
    const filters: ListFilter[] = [
      { status: 'active' },
      { status: 'paused' },
      { status: 'ended' },
      { channel: 'centre' },
      { channel: 'system' },
      { channel: 'system', status: 'active' },
      { channel: 'centre', status: 'paused' },
    ];
    for (const filter of filters) {
      const { rows } = await listAll(filter, 2);
      expect({ filter, ids: rows.map((row) => row._id) }).toEqual({ filter, ids: expectedIds(filter) });
      for (const row of rows) expect(row).toMatchObject(filter);
    }
    const paused = (await listAll({ status: 'paused' }, 2)).rows.map((row) => row._id);
    expect(paused).toEqual(expect.arrayContaining(['it-f', 'it-b']));
    expect((await listAll({ channel: 'centre', status: 'ended' }, 5)).rows.filter((row) => row._id.startsWith('it-'))).toEqual([]);
  });

  it('answers each template with what its stock has issued', async () => {
    const rows = (await listAll({}, 100)).rows;
    expect(rows.find((row) => row._id === 'it-e')).toMatchObject({ totalStock: 10, stockRemaining: 4, issued: 6 });
    expect(rows.find((row) => row._id === 'it-c')).toMatchObject({ totalStock: null, stockRemaining: null, issued: null });
    expect(rows.find((row) => row._id === 'it-a')).toMatchObject({
      title: '券it-a',
      terms: { kind: 'cash', thresholdFen: 9900, amountFen: 1000 },
      totalStock: 10,
      issued: 0,
    });
  });

  it('counts a campaign against the stock, and answers each member’s result in the order sent', async () => {
    const created = data(
      await admin<AdminResponses['createCouponTemplate']>({
        action: 'createCouponTemplate',
        title: '会员日专享',
        terms: { kind: 'percent', thresholdFen: 0, percentOff: 15, capFen: 2000 },
        validity: { type: 'relative', days: 14 },
        totalStock: 5,
        channel: 'system',
      }),
    );
    const members: string[] = [];
    for (let n = 0; n < 2; n += 1) {
      const browser = page();
      await browser.login();
      const joined = await browser.call<Envelope<{ memberId: string }>>('member', { action: 'join' });
      members.push(data(joined.body).memberId);
    }
    const [first, second] = members as [string, string];
    const send = (memberIds: string[]) =>
      admin<AdminResponses['issueCampaignCoupons']>({
        action: 'issueCampaignCoupons',
        templateId: created._id,
        campaignId: 'member-day',
        memberIds,
      });

    expect(data(await send([first, 'ghost-member', first]))).toEqual({
      issued: 1,
      alreadyHad: 0,
      failed: [{ memberId: 'ghost-member', code: 'NOT_FOUND' }],
      results: [
        { memberId: first, outcome: 'issued', code: null },
        { memberId: 'ghost-member', outcome: 'failed', code: 'NOT_FOUND' },
      ],
    });
    expect(data(await send([second, first])).results).toEqual([
      { memberId: second, outcome: 'issued', code: null },
      { memberId: first, outcome: 'alreadyHad', code: null },
    ]);

    const listed = (await listAll({ channel: 'system', status: 'active' }, 100)).rows;
    expect(listed[0]).toMatchObject({ _id: created._id, totalStock: 5, stockRemaining: 3, issued: 2 });
  });

  it('lists the tiers lowest first, to analysts too, and refuses a cursor it did not hand out', async () => {
    expect(data(await admin<AdminCouponsResponses['listTiers']>({ action: 'listTiers' })).items).toEqual([
      { tierId: 'normal', name: '普通会员', rank: 0 },
      { tierId: 'silver', name: '银卡会员', rank: 1 },
      { tierId: 'gold', name: '金卡会员', rank: 2 },
      { tierId: 'diamond', name: '钻石会员', rank: 3 },
    ]);
    expect(await admin({ action: 'listCouponTemplates', cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await admin({ action: 'listCouponTemplates', status: 'deleted' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await admin({ action: 'listCouponTemplates', pageSize: 101 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });

    const made = data(await admin<{ oneTimePassword: string }>({ action: 'createAdmin', username: 'coupon.analyst', role: 'analyst' }));
    const first = data(
      (
        await page().call<Envelope<{ token: string }>>('admin', {
          action: 'login',
          username: 'coupon.analyst',
          password: made.oneTimePassword,
        })
      ).body,
    ).token;
    data(await admin({ action: 'changePassword', oldPassword: made.oneTimePassword, newPassword: 'analyst-long-password' }, first));
    const analyst = data(
      (
        await page().call<Envelope<{ token: string }>>('admin', {
          action: 'login',
          username: 'coupon.analyst',
          password: 'analyst-long-password',
        })
      ).body,
    ).token;
    expect(await admin({ action: 'listCouponTemplates', pageSize: 1 }, analyst)).toMatchObject({ ok: true });
    expect(await admin({ action: 'setCouponTemplateStatus', templateId: 'it-a', status: 'paused' }, analyst)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
