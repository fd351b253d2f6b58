import { campaignKey } from '~/core/coupons/issue-keys';
import { campaignGroup } from '~/core/marketing/holdout';
import { ENTRY_CASH_TEMPLATE_ID, ENTRY_SHIPPING_TEMPLATE_ID } from '~/core/coupons/default-templates';
import type { CampaignDoc, CampaignResults } from '~/types/campaigns';
import type { MemberProfileDoc, SegmentDoc } from '~/types/marketing';
import type { LedgerEntryDoc } from '~/types/points';
import type { JobsCloud } from './jobs-support';
import { all, read, seedMember, startJobsCloud, subscribe } from './jobs-support';
import { profileId, randomProfile, seededRandom } from '../support/member-profiles';
import { putStored } from '../support/stored';

/**
 * Campaigns through the built bundles: the marketing function saves and launches, the
 * job-run-campaigns bundle freezes and sends. Purchases in the window are seeded as the records
 * payment writes (spend records, the coupon marked used with its discount, the earn entry), not
 * placed through checkout, so the figures can be checked against them exactly.
 */
const SECRET = 'c'.repeat(40);
const PASSWORD = 'campaign-owner-password';

type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

function profile(id: string, tierId: string, personalised = true): MemberProfileDoc {
  return {
    _id: id,
    memberNo: id,
    refreshedDay: '2026-12-01',
    refreshedAt: 0,
    gender: 'unknown',
    ageBand: null,
    province: null,
    city: null,
    joinedAt: 0,
    birthdayMonth: null,
    tierId,
    marketing: true,
    personalised,
    rfm: { r: 3, f: 3, m: 3 },
    rfmCode: 333,
    lastPurchaseAt: null,
    purchases: 0,
    spendFen: 0,
    averageOrderFen: 0,
    spend30Fen: 0,
    spend90Fen: 0,
    spend365Fen: 0,
    onlineFen: 0,
    storeFen: 0,
    homeStoreId: null,
    preferredCategoryIds: [],
    checkInStreak: 0,
    checkIns30: 0,
    couponUseRate: 0,
    redemptions: 0,
    shares: 0,
    stage: 'active',
    stageSince: 0,
    stageHistory: [],
    special: {},
  };
}

describe('campaigns with a holdout, through the built bundles', () => {
  let jobs: JobsCloud;
  let token: string;
  const GOLD = Array.from({ length: 80 }, (_, i) => `gold-${String(i).padStart(3, '0')}`);

  const call = async <T>(event: Record<string, unknown>): Promise<T> => {
    const fn = ['bootstrapAdmin', 'login'].includes(String(event.action)) ? 'admin' : 'marketing';
    const answer = (await jobs.cloud.invoke(fn, fn === 'admin' ? event : { token, ...event }, { source: 'wx_http' })) as Envelope<T>;
    if (!answer.ok) throw new Error(`${String(event.action)}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  const campaign = (id: string) => read(jobs.cloud, 'campaigns', id) as CampaignDoc;
  const members = (id: string) => all(jobs.cloud, 'campaign_members').filter((row) => row.campaignId === id);

  beforeAll(async () => {
    jobs = await startJobsCloud({
      functionEnv: {
        admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD },
        marketing: { ADMIN_TOKEN_SECRET: SECRET },
      },
    });
    const { cloud } = jobs;
    cloud.store.atomically(() => {
      for (const id of GOLD) {
        seedMember(cloud, id, 0);
        putStored(cloud, 'member_profiles', profile(id, 'gold'));
      }
      for (const id of ['silver-1', 'silver-2']) {
        seedMember(cloud, id, 0);
        putStored(cloud, 'member_profiles', profile(id, 'silver'));
      }
      // Out of every campaign: personalisation turned off (on the member), and a deleted account.
      seedMember(cloud, 'gold-private', 0, { consent: { marketing: true, personalised: false, updatedAt: 0 } as never });
      putStored(cloud, 'member_profiles', profile('gold-private', 'gold'));
      seedMember(cloud, 'gold-gone', 0, { status: 'deleted' });
      putStored(cloud, 'member_profiles', profile('gold-gone', 'gold'));
      const segment: SegmentDoc = {
        _id: 'seg-gold',
        name: '金卡会员',
        description: '',
        rule: { join: 'and', groups: [{ join: 'and', conditions: [{ kind: 'list', field: 'tierId', values: ['gold'] }] }] },
        lastCount: null,
        countedAt: null,
        status: 'active',
        createdBy: 'admin',
        createdAt: 0,
        updatedAt: 0,
      };
      putStored(cloud, 'segments', segment);
    });
    for (const id of GOLD) subscribe(cloud, id, 3);
    await call({ action: 'bootstrapAdmin' });
    token = (await call<{ token: string }>({ action: 'login', username: 'admin', password: PASSWORD })).token;
  }, 120_000);
  afterAll(() => jobs?.stop());

  let spring: CampaignDoc;
  let autumn: CampaignDoc;

  it('saves drafts (refusing an inactive template or a missing segment), launches once, and refuses a second launch', async () => {
    const draft = {
      action: 'saveCampaign',
      name: '金卡回馈',
      segmentId: 'seg-gold',
      reason: '因为你是金卡会员',
      holdoutPercent: 20,
      variants: [
        { key: 'A', templateId: ENTRY_CASH_TEMPLATE_ID, percent: 50 },
        { key: 'B', templateId: ENTRY_SHIPPING_TEMPLATE_ID, percent: 50 },
      ],
      sendMessage: true,
      budget: { total: 40, perDay: 30, perMemberPerMonth: 1 },
      resultDays: 30,
    };
    await expect(call({ ...draft, segmentId: 'seg-none' })).rejects.toThrow(/VALIDATION_FAILED/);
    await expect(call({ ...draft, variants: [{ key: 'A', templateId: 'no-such-template', percent: 100 }] })).rejects.toThrow(
      /VALIDATION_FAILED/,
    );
    await expect(call({ ...draft, variants: [{ key: 'A', templateId: ENTRY_CASH_TEMPLATE_ID, percent: 90 }] })).rejects.toThrow(
      /VALIDATION_FAILED/,
    );
    spring = await call<CampaignDoc>(draft);
    autumn = await call<CampaignDoc>({
      ...draft,
      name: '金卡再回馈',
      reason: '好久不见',
      holdoutPercent: 0,
      variants: [{ key: 'A', templateId: ENTRY_CASH_TEMPLATE_ID, percent: 100 }],
      sendMessage: false,
      budget: { total: null, perDay: 25, perMemberPerMonth: 1 },
    });
    expect(spring).toMatchObject({ status: 'draft', holdoutPercent: 20 });
    const launched = await call<CampaignDoc>({ action: 'launchCampaign', campaignId: spring._id });
    expect(launched).toMatchObject({ status: 'freezing', rule: { join: 'and' } });
    await expect(call({ action: 'launchCampaign', campaignId: spring._id })).rejects.toThrow(/INVALID_STATE/);
    await call({ action: 'launchCampaign', campaignId: autumn._id });
    const audit = all(jobs.cloud, 'audit_log').filter((entry) => entry.target.type === 'campaign');
    expect(audit.map((entry) => entry.action).sort()).toEqual(['launchCampaign', 'launchCampaign', 'saveCampaign', 'saveCampaign']);
  }, 60_000);

  it('freezes and sends under concurrent invocations and a retried reservation: no cap is passed, the holdout gets nothing', async () => {
    const { cloud } = jobs;
    // A run that crashed after reserving the total budget for one member, before issuing: its retry must find the place.
    // Only a treated member can have held a reservation (the holdout is never sent), so the crash is one of theirs.
    const crashed = GOLD.find((id) => campaignGroup(spring._id, id, spring.holdoutPercent, spring.variants) !== 'holdout') as string;
    putStored(cloud, 'campaign_counters', {
      _id: `total:${spring._id}`,
      count: 1,
      keys: [campaignKey(spring._id, crashed)],
      updatedAt: 0,
    });
    for (let round = 0; round < 20; round += 1) {
      const answers = await Promise.all([0, 1, 2].map(() => cloud.runTimer('job-run-campaigns')));
      for (const answer of answers) expect(answer).toMatchObject({ ok: true });
      if (['sent', 'stopped'].includes(campaign(spring._id).status) && ['sent', 'stopped'].includes(campaign(autumn._id).status)) break;
    }
    expect(campaign(spring._id).status).toBe('sent');
    expect(campaign(autumn._id).status).toBe('sent');

    const frozen = members(spring._id);
    // Frozen once each, without the private and the deleted member.
    expect(frozen.map((row) => row.memberId).sort()).toEqual([...GOLD].sort());
    const holdout = frozen.filter((row) => row.group === 'holdout');
    expect(holdout.length).toBeGreaterThan(0);
    expect(holdout.every((row) => row.state === 'held')).toBe(true);
    const held = new Set(holdout.map((row) => row.memberId));

    const coupons = all(cloud, 'coupon_instances').filter((coupon) => coupon.source === 'campaign');
    expect(coupons.filter((coupon) => coupon._id.startsWith(`campaign:${spring._id}:`) && held.has(coupon.memberId))).toEqual([]);
    const heldOpenids = new Set([...held].map((id) => `o-${id}`));
    expect(all(cloud, 'notifications').filter((doc) => held.has(doc.memberId))).toEqual([]);
    expect(cloud.outbox.list(1000).filter((message) => heldOpenids.has(String((message as { touser?: string }).touser)))).toEqual([]);

    const springCoupons = coupons.filter((coupon) => coupon._id.startsWith(`campaign:${spring._id}:`));
    const autumnCoupons = coupons.filter((coupon) => coupon._id.startsWith(`campaign:${autumn._id}:`));
    // Caps: spring total 40 and 30 a day; autumn 25 a day; one campaign coupon per member per month across both.
    // Enough members are left for each that the caps are reached, never passed.
    expect(springCoupons.length).toBe(30);
    expect(autumnCoupons.length).toBe(25);
    const perMember = new Map<string, number>();
    for (const coupon of coupons) perMember.set(coupon.memberId, (perMember.get(coupon.memberId) ?? 0) + 1);
    expect(Math.max(...perMember.values())).toBe(1);
    // Every coupon shows the campaign's reason.
    expect(new Set(springCoupons.map((coupon) => coupon.reason))).toEqual(new Set(['因为你是金卡会员']));
    expect(new Set(autumnCoupons.map((coupon) => coupon.reason))).toEqual(new Set(['好久不见']));

    // Each counter counts exactly the coupons issued under it (the crashed reservation counted once, or given back).
    const counters = all(cloud, 'campaign_counters');
    for (const counter of counters) expect(counter.count).toBe(counter.keys.length);
    const total = counters.find((counter) => counter._id === `total:${spring._id}`);
    expect([...(total?.keys ?? [])].sort()).toEqual(springCoupons.map((coupon) => coupon._id).sort());
    const memberCounters = counters.filter((counter) => counter._id.startsWith('member:'));
    expect(memberCounters.flatMap((counter) => counter.keys).sort()).toEqual(coupons.map((coupon) => coupon._id).sort());

    // The campaign's counts agree with its members.
    const counts = campaign(spring._id).counts;
    expect(counts).toMatchObject({ members: GOLD.length, holdout: holdout.length, treated: GOLD.length - holdout.length });
    expect(counts.issued).toBe(springCoupons.length);
    expect(counts.issued + counts.capped + counts.failed).toBe(counts.treated);
    const detail = await call<{ counts: { byGroup: Record<string, number>; byState: Record<string, number> } }>({
      action: 'getCampaign',
      campaignId: spring._id,
    });
    expect(detail.counts.byState).toMatchObject({ held: holdout.length, issued: springCoupons.length, pending: 0 });

    // Another tick changes nothing.
    const before = all(cloud, 'coupon_instances').length;
    await cloud.runTimer('job-run-campaigns');
    expect(all(cloud, 'coupon_instances').length).toBe(before);
  }, 300_000);

  it('adds its results up exactly from the members’ purchases, coupons and points', async () => {
    const { cloud } = jobs;
    const launchedAt = campaign(spring._id).launchedAt as number;
    const frozen = members(spring._id);
    const issued = frozen.filter((row) => row.state === 'issued').slice(0, 4);
    // Purchases a few milliseconds after launch: results count up to now, and the launch was seconds ago.
    const heldRows = frozen.filter((row) => row.group === 'holdout').slice(0, 2);
    const spends: { memberId: string; amountFen: number; at: number }[] = [];
    const spend = (memberId: string, id: string, amountFen: number, at: number) => {
      putStored(cloud, 'spend_records', { _id: `spend:order:${id}`, memberId, amountFen, at });
      spends.push({ memberId, amountFen, at });
    };
    let discountFen = 0;
    let points = 0;
    issued.forEach((row, i) => {
      const orderId = `ord-${row.memberId}`;
      spend(row.memberId, orderId, 6_000 + i * 1_000, launchedAt + 10 + i);
      const coupon = read(cloud, 'coupon_instances', row.couponId as string);
      if (!coupon) throw new Error('no coupon');
      const discount = coupon.terms.kind === 'cash' ? 500 : 0;
      cloud.store.replace('coupon_instances', {
        ...coupon,
        status: 'used',
        usedBy: orderId,
        usedAt: launchedAt + 10 + i,
        discountFen: discount,
      } as never);
      discountFen += discount;
      const earned = 60 + i * 10;
      points += earned;
      const entry: LedgerEntryDoc = {
        _id: `earn:order:${orderId}`,
        memberId: row.memberId,
        kind: 'earn',
        available: 0,
        pending: earned,
        reason: '购物积分',
        ref: { type: 'order', id: orderId },
        lots: [],
        balanceAfter: { available: 0, pending: earned },
        createdAt: launchedAt + 20,
      };
      putStored(cloud, 'ledger_entries', entry);
    });
    // A second purchase and a partial refund for the first treated member; a purchase before launch that does not count.
    const first = issued[0]?.memberId as string;
    spend(first, 'ord-second', 2_500, launchedAt + 30);
    spend(first, 'ord-second:refund', -1_000, launchedAt + 40);
    spend(first, 'ord-before', 9_999, launchedAt - 1_000);
    heldRows.forEach((row, i) => spend(row.memberId, `ord-held-${i}`, 4_000 + i * 500, launchedAt + 50));

    const results = await call<CampaignResults>({ action: 'getCampaignResults', campaignId: spring._id, refresh: true });
    const inWindow = spends.filter((s) => s.at >= launchedAt);
    const groupOf = new Map(frozen.map((row) => [row.memberId, row.group]));
    const gmv = (test: (group: string) => boolean) =>
      inWindow.filter((s) => test(groupOf.get(s.memberId) as string)).reduce((sum, s) => sum + s.amountFen, 0);
    const row = (group: string) => results.groups.find((g) => g.group === group);
    const hasB = frozen.some((r) => r.group === 'B');
    const treatedRow = hasB ? row('treated') : row('A');
    expect(row('holdout')?.gmvFen).toBe(gmv((g) => g === 'holdout'));
    expect(treatedRow?.gmvFen).toBe(gmv((g) => g !== 'holdout'));
    expect(row('A')?.gmvFen).toBe(gmv((g) => g === 'A'));
    expect(treatedRow?.couponDiscountFen).toBe(discountFen);
    expect(treatedRow?.pointsEarned).toBe(points);
    // 100 points = ¥1 by default: a point costs one fen.
    expect(treatedRow?.costFen).toBe(discountFen + points);
    expect(treatedRow?.members).toBe(frozen.filter((r) => r.group !== 'holdout').length);
    expect(treatedRow?.couponUseRate?.value).toBeCloseTo(issued.length / (treatedRow?.members ?? 1), 10);
    expect(row('holdout')?.conversion.value).toBeCloseTo(heldRows.length / (row('holdout')?.members ?? 1), 10);
    expect(treatedRow?.repurchase.value).toBeCloseTo(1 / (treatedRow?.members ?? 1), 10);
    const perMember = (group: string) => (row(group)?.gmvFen ?? 0) / (row(group)?.members ?? 1);
    const treatedKey = hasB ? 'treated' : 'A';
    expect(treatedRow?.incrementalGmvFen?.value).toBeCloseTo(
      (perMember(treatedKey) - perMember('holdout')) * (treatedRow?.members ?? 0),
      6,
    );
    expect(treatedRow?.roi?.value).toBeCloseTo((treatedRow?.incrementalGmvFen?.value ?? 0) / (discountFen + points), 10);
    // The series ends at each group's GMV per member.
    const lastDay = (group: 'holdout' | 'A') => results.series.filter((s) => s.group === group).at(-1)?.gmvPerMemberFen;
    expect(lastDay('holdout')).toBe(Math.round(perMember('holdout')));
    expect(lastDay('A')).toBe(Math.round(perMember('A')));
    expect(results.method).toMatch(/Wilson/);

    // The job caches the same figures on the campaign.
    await cloud.runTimer('job-run-campaigns');
    expect(campaign(spring._id).results?.groups.find((g) => g.group === 'holdout')?.gmvFen).toBe(row('holdout')?.gmvFen);
  }, 120_000);

  it('stops a campaign once, and lists campaigns newest first', async () => {
    const draft = await call<CampaignDoc>({
      action: 'saveCampaign',
      name: '草稿',
      segmentId: 'seg-gold',
      reason: '好久不见',
      variants: [{ key: 'A', templateId: ENTRY_CASH_TEMPLATE_ID, percent: 100 }],
    });
    expect(await call<CampaignDoc>({ action: 'stopCampaign', campaignId: draft._id })).toMatchObject({ status: 'stopped' });
    expect(await call<CampaignDoc>({ action: 'stopCampaign', campaignId: draft._id })).toMatchObject({ status: 'stopped' });
    await expect(call({ action: 'stopCampaign', campaignId: spring._id })).rejects.toThrow(/INVALID_STATE/);
    const list = await call<{ items: CampaignDoc[] }>({ action: 'listCampaigns' });
    expect(list.items.map((item) => item._id)).toEqual([draft._id, autumn._id, spring._id]);
  }, 60_000);
  it('freezes a sparse segment, read in short and empty pages, to exactly its members without the private and the deleted', async () => {
    const { cloud } = jobs;
    const random = seededRandom(20261207);
    const now = Date.now();
    const matching: string[] = [];
    const expected: string[] = [];
    cloud.store.atomically(() => {
      for (let i = 0; i < 1000; i += 1) {
        const id = profileId(i);
        // One member in 20, and none at all from 400 to 799: the freeze's pages of 200 come back short, two of them empty.
        const diamond = i % 20 === 0 && (i < 400 || i >= 800);
        // Among them: personalisation off on the profile only, off on the member only, and a deleted account.
        const profilePrivate = diamond && i === 100;
        const memberPrivate = diamond && i === 200;
        const deleted = diamond && i === 860;
        const doc = randomProfile(random, i, now);
        putStored(cloud, 'member_profiles', {
          ...doc,
          tierId: diamond ? 'diamond' : doc.tierId === 'diamond' ? 'silver' : doc.tierId,
          personalised: diamond ? !profilePrivate : doc.personalised,
        });
        seedMember(
          cloud,
          id,
          0,
          memberPrivate
            ? { consent: { marketing: true, personalised: false, updatedAt: 0 } as never }
            : deleted
              ? { status: 'deleted' }
              : {},
        );
        if (diamond) matching.push(id);
        if (diamond && !profilePrivate && !memberPrivate && !deleted) expected.push(id);
      }
    });
    const segment = await call<SegmentDoc>({
      action: 'saveSegment',
      requestKey: 'sparse-diamond',
      name: '钻石会员',
      description: '',
      rule: { join: 'and', groups: [{ join: 'and', conditions: [{ kind: 'list', field: 'tierId', values: ['diamond'] }] }] },
    });
    const draft = await call<CampaignDoc>({
      action: 'saveCampaign',
      name: '钻石回馈',
      segmentId: segment._id,
      reason: '因为你是钻石会员',
      holdoutPercent: 10,
      variants: [{ key: 'A', templateId: ENTRY_CASH_TEMPLATE_ID, percent: 100 }],
      sendMessage: false,
      budget: { total: null, perDay: null, perMemberPerMonth: null },
      resultDays: 30,
    });
    await call({ action: 'launchCampaign', campaignId: draft._id });
    for (let round = 0; round < 20 && campaign(draft._id).status !== 'sent'; round += 1) {
      expect(await cloud.runTimer('job-run-campaigns')).toMatchObject({ ok: true });
    }
    expect(campaign(draft._id).status).toBe('sent');

    const frozen = members(draft._id);
    expect(matching).toHaveLength(30);
    expect(frozen.map((row) => row.memberId).sort()).toEqual(expected);
    const holdout = frozen.filter((row) => row.group === 'holdout').length;
    const counts = campaign(draft._id).counts;
    expect(counts).toMatchObject({ members: expected.length, holdout, treated: expected.length - holdout });
    expect(counts.issued + counts.capped + counts.failed).toBe(counts.treated);
    // Nothing reached the members left out.
    const left = new Set(matching.filter((id) => !expected.includes(id)));
    const given = all(cloud, 'coupon_instances').filter((coupon) => coupon._id.startsWith(`campaign:${draft._id}:`));
    expect(given.length).toBe(counts.issued);
    expect(given.filter((coupon) => left.has(coupon.memberId))).toEqual([]);
  }, 300_000);
});
