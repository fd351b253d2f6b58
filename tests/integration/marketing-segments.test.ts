import type { LocalCloud } from '../../local-cloud/local-cloud';
import { matchesSegment } from '~/core/marketing/segment-match';
import { database } from '~/server/db/database';
import { segmentPage } from '~/server/marketing/segment-pages';
import type { RequestContext } from '~/server/runtime/wx';
import type { SegmentPreview, SegmentView } from '~/types/functions/marketing-segments';
import type { MemberProfileDoc, SegmentRule } from '~/types/marketing';
import { startTestCloud } from '../support/local-cloud';
import { randomProfile, randomRule, seededRandom } from '../support/member-profiles';
import { connectSdk } from '../support/sdk';
import { addMember } from '../support/use-cases';
import { allStored, putStored, stored } from '../support/stored';

const SECRET = 's'.repeat(40);
const PASSWORD = 'segments-owner-password';
const PROFILES = 400;
const RULES = 40;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

describe('segments over member profiles (through the built bundle)', () => {
  let cloud: LocalCloud;
  let token: string;
  let profiles: MemberProfileDoc[];
  const seededAt = Date.now();

  const call = async <T>(fn: 'admin' | 'marketing', event: Record<string, unknown>) =>
    (await cloud.invoke(fn, event, { source: 'wx_http', clientIp: '10.1.1.1' })) as Envelope<T>;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const marketing = async <T>(action: string, payload: Record<string, unknown> = {}) => call<T>('marketing', { action, token, ...payload });

  beforeAll(async () => {
    cloud = await startTestCloud({
      functionEnv: {
        admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD },
        marketing: { ADMIN_TOKEN_SECRET: SECRET },
      },
    });
    connectSdk(cloud.tcbUrl);
    await call('admin', { action: 'bootstrapAdmin' });
    token = data(await call<{ token: string }>('admin', { action: 'login', username: 'admin', password: PASSWORD })).token;
    const random = seededRandom(20261207);
    profiles = Array.from({ length: PROFILES }, (_v, i) => randomProfile(random, i, seededAt));
    // Inserted out of `_id` order, so paging cannot lean on insertion order.
    for (const profile of [...profiles].reverse()) putStored(cloud, 'member_profiles', profile);
    for (const profile of profiles) addMember(cloud, profile._id, seededAt, { nickname: `会员${profile.memberNo.slice(-3)}` });
  }, 60_000);
  afterAll(() => cloud?.stop());

  const inMemory = (rule: SegmentRule, now: number) => profiles.filter((profile) => matchesSegment(rule, profile, now));

  it('the database count of a preview equals the in-memory count for random rules', async () => {
    const random = seededRandom(7);
    const rules = Array.from({ length: RULES }, () => randomRule(random));
    const outcomes = [];
    for (const rule of rules) {
      const preview = data(await marketing<SegmentPreview>('previewSegment', { rule }));
      const expected = inMemory(rule, preview.countedAt);
      outcomes.push({ rule: JSON.stringify(rule), count: preview.count, expected: expected.length });
      expect(preview.sample.length).toBe(Math.min(10, expected.length));
      const ids = new Set(expected.map((profile) => profile._id));
      expect(preview.sample.every((row) => ids.has(row.memberId))).toBe(true);
    }
    expect(outcomes.filter((o) => o.count !== o.expected)).toEqual([]);
    // Rules that take some but not all, so the comparison means something.
    expect(outcomes.filter((o) => o.expected > 0 && o.expected < PROFILES).length).toBeGreaterThan(RULES / 3);
  }, 120_000);

  it('a preview shows members without contact details, and the profiles’ refresh day', async () => {
    const rule: SegmentRule = { join: 'and', groups: [] };
    const preview = data(await marketing<SegmentPreview>('previewSegment', { rule }));
    expect(preview.count).toBe(PROFILES);
    expect(preview.refreshedDay).toBe('2026-12-07');
    const named = preview.sample.filter((row) => row.nickname !== '');
    expect(named.length).toBeGreaterThan(0);
    expect(Object.keys(preview.sample[0] ?? {}).sort()).toEqual(
      ['ageBand', 'lastPurchaseAt', 'memberId', 'memberNo', 'nickname', 'rfm', 'stage', 'tierId'].sort(),
    );
  });

  it('segmentPage pages cover exactly the matching members once, in _id order, each page reading at most its limit', async () => {
    const db = database();
    const ctx: RequestContext = { now: Date.now(), source: 'wx_trigger', db };
    const random = seededRandom(11);
    for (let i = 0; i < 12; i += 1) {
      const rule = i === 0 ? { join: 'and' as const, groups: [] } : randomRule(random);
      const limit = [3, 7, 50, 1000][i % 4] as number;
      const asOf = ctx.now;
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { memberIds: string[]; next: string | null } = await segmentPage(ctx, rule, asOf, cursor, limit);
        expect(page.memberIds.length).toBeLessThanOrEqual(limit);
        ids.push(...page.memberIds);
        cursor = page.next;
        pages += 1;
      } while (cursor !== null);
      expect(ids).toEqual(inMemory(rule, asOf).map((profile) => profile._id));
      // Each page is a window of `limit` profiles: ⌈400 / limit⌉ pages, and one more where the last window was full.
      expect(pages).toBeLessThanOrEqual(Math.floor(PROFILES / limit) + 1);
    }
  }, 120_000);

  it('saves, lists, counts and archives a segment, each change audited; a retried create saves once', async () => {
    const rule: SegmentRule = {
      join: 'and',
      groups: [
        { join: 'or', conditions: [{ kind: 'list', field: 'tierId', values: ['gold', 'diamond'] }] },
        { join: 'and', conditions: [{ kind: 'range', field: 'lastPurchaseDays', min: 30 }] },
      ],
    };
    const create = { requestKey: 'create-key-0001', name: '高价值沉睡', description: '金卡及以上，30 天未购', rule };
    const created = data(await marketing<SegmentView>('saveSegment', create));
    const again = data(await marketing<SegmentView>('saveSegment', create));
    expect(again).toEqual(created);
    expect(created._id).toBe('seg-create-key-0001');
    const clash = await marketing('saveSegment', { ...create, requestKey: 'create-key-0002' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const counted = data(await marketing<SegmentView>('countSegment', { segmentId: created._id }));
    expect(counted.lastCount).toBe(inMemory(rule, counted.countedAt as number).length);

    const narrower: SegmentRule = {
      ...rule,
      groups: [...rule.groups, { join: 'and', conditions: [{ kind: 'flag', field: 'marketing', value: true }] }],
    };
    const updated = data(await marketing<SegmentView>('saveSegment', { ...create, segmentId: created._id, rule: narrower }));
    expect(updated).toMatchObject({ rule: narrower, lastCount: null, countedAt: null });
    expect(stored(cloud, 'segments', created._id).rule).toEqual(narrower);

    expect(data(await marketing<{ items: SegmentView[] }>('listSegments')).items.map((s) => s._id)).toEqual([created._id]);
    const archived = data(await marketing<SegmentView>('archiveSegment', { segmentId: created._id }));
    expect(archived.status).toBe('archived');
    expect(data(await marketing<{ items: SegmentView[] }>('listSegments')).items).toEqual([]);
    expect(data(await marketing<{ items: SegmentView[] }>('listSegments', { includeArchived: true })).items).toHaveLength(1);

    const audit = allStored(cloud, 'audit_log').filter((entry) => entry.target.type === 'segment');
    expect(audit.map((entry) => entry.action).sort()).toEqual(['archiveSegment', 'countSegment', 'createSegment', 'updateSegment']);
    expect(audit.every((entry) => entry.before !== null || entry.after !== null)).toBe(true);
  }, 60_000);
});
