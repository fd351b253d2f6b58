import type { LocalCloud } from '../../local-cloud/local-cloud';
import { matchesSegment } from '~/core/marketing/segment-match';
import { database } from '~/server/db/database';
import { applyTagToSegment } from '~/server/marketing/apply-tag-to-segment';
import { SEGMENT_PAGE_MAX } from '~/server/marketing/segment-pages';
import type { RequestContext } from '~/server/runtime/wx';
import type { MarketingTagsResponses } from '~/types/functions/marketing-tags';
import type { SegmentView } from '~/types/functions/marketing-segments';
import type { MemberProfileDoc, SegmentRule } from '~/types/marketing';
import { startTestCloud } from '../support/local-cloud';
import { randomProfile, seededRandom } from '../support/member-profiles';
import { connectSdk } from '../support/sdk';
import { allStored, putStored, storedInOrder, storedOrNull } from '../support/stored';
import { addMember } from '../support/use-cases';

const SECRET = 'g'.repeat(40);
const PASSWORD = 'tag-segment-owner-password';
/** More than two pages of profiles, so a run crosses pages and chunks. */
const PROFILES = 2300;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Run = MarketingTagsResponses['applyTagToSegment'];

/** Tags set by a segment rule (applyTagToSegment), through the built bundle and step by step. */
describe('a tag applied to a segment', () => {
  let cloud: LocalCloud;
  let token: string;
  let profiles: MemberProfileDoc[];
  const seededAt = Date.now();

  const call = async <T>(fn: 'admin' | 'marketing', event: Record<string, unknown>) =>
    (await cloud.invoke(fn, event, { source: 'wx_http', clientIp: '10.1.1.2' })) as Envelope<T>;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const marketing = async <T>(action: string, payload: Record<string, unknown> = {}) => call<T>('marketing', { action, token, ...payload });

  /** Runs applyTagToSegment as the page does: again with `next` until done; answers the summed figures and the calls made. */
  async function runToEnd(payload: Record<string, unknown>): Promise<{ applied: number; unchanged: number; calls: number }> {
    let cursor: string | null = null;
    const total = { applied: 0, unchanged: 0, calls: 0 };
    for (;;) {
      const run: Run = data(await marketing<Run>('applyTagToSegment', { ...payload, cursor }));
      total.applied += run.applied;
      total.unchanged += run.unchanged;
      total.calls += 1;
      if (run.done) return total;
      expect(run.next).not.toBeNull();
      cursor = run.next;
    }
  }
  /** The members holding each value of a tag, from the profiles themselves. */
  const holders = (tagId: string) => {
    const by: Record<string, string[]> = {};
    for (const doc of allStored(cloud, 'member_profiles')) {
      const value = doc.special?.[tagId];
      if (value !== undefined) (by[value] ??= []).push(doc._id);
    }
    for (const ids of Object.values(by)) ids.sort();
    return by;
  };
  const audits = (action: string) => storedInOrder(cloud, 'audit_log').filter((entry) => entry.action === action);
  const saveSegment = async (key: string, rule: SegmentRule) =>
    data(await marketing<SegmentView>('saveSegment', { requestKey: key, name: `分群${key}`, description: '', rule }));
  const matching = (rule: SegmentRule) =>
    profiles
      .filter((profile) => matchesSegment(rule, profile, Date.now()))
      .map((profile) => profile._id)
      .sort();

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
    const random = seededRandom(20261208);
    // Profiles without this test's tags, so every value held is one a run set.
    profiles = Array.from({ length: PROFILES }, (_v, i) => ({ ...randomProfile(random, i, seededAt), special: {} }));
    for (const profile of [...profiles].reverse()) putStored(cloud, 'member_profiles', profile);
    for (const profile of profiles) addMember(cloud, profile._id, seededAt);
    for (const [tagId, name] of [
      ['vip', '重点客户'],
      ['wave', '批次'],
    ] as const)
      data(await marketing('saveTagDefinition', { mode: 'create', tagId, name, values: ['甲', '乙'], staffCanSet: false }));
  }, 120_000);
  afterAll(() => cloud?.stop());

  it('tags exactly the segment’s members with exact counts, records the run once, and a rerun changes nothing', async () => {
    const rule: SegmentRule = {
      join: 'and',
      groups: [{ join: 'and', conditions: [{ kind: 'range', field: 'rfmR', min: 3 }] }],
    };
    const segment = await saveSegment('tagseg-first', rule);
    const expected = matching(rule);
    expect(expected.length).toBeGreaterThan(SEGMENT_PAGE_MAX);
    expect(expected.length).toBeLessThan(PROFILES);

    const payload = { tagId: 'vip', value: '甲', segmentId: segment._id, requestKey: 'tag-run-first' };
    const first = await runToEnd(payload);
    expect({ applied: first.applied, unchanged: first.unchanged }).toEqual({ applied: expected.length, unchanged: 0 });
    expect(holders('vip')).toEqual({ 甲: expected });
    expect(storedOrNull(cloud, 'tag_definitions', 'vip')?.counts).toEqual({ 甲: expected.length });
    expect(audits('applyTagToSegment').filter((entry) => entry.target.type === 'member')).toHaveLength(expected.length);
    const runs = audits('applyTagToSegment').filter((entry) => entry.target.type === 'tag');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.after).toMatchObject({ tagId: 'vip', value: '甲', segmentId: segment._id });

    // A rerun (and a retried start under the same key) changes nothing and records nothing more.
    const entries = storedInOrder(cloud, 'audit_log').length;
    const again = await runToEnd(payload);
    expect({ applied: again.applied, unchanged: again.unchanged }).toEqual({ applied: 0, unchanged: expected.length });
    expect(storedInOrder(cloud, 'audit_log')).toHaveLength(entries);
    expect(storedOrNull(cloud, 'tag_definitions', 'vip')?.counts).toEqual({ 甲: expected.length });

    // Another value over a narrower segment moves those members, and clearing takes the tag off; counts follow.
    const narrow: SegmentRule = {
      join: 'and',
      groups: [{ join: 'and', conditions: [{ kind: 'range', field: 'rfmR', min: 5 }] }],
    };
    const moved = matching(narrow);
    const second = await saveSegment('tagseg-narrow', narrow);
    const switched = await runToEnd({ tagId: 'vip', value: '乙', segmentId: second._id, requestKey: 'tag-run-second' });
    expect(switched.applied).toBe(moved.length);
    const movedSet = new Set(moved);
    expect(holders('vip')).toEqual({ 甲: expected.filter((id) => !movedSet.has(id)), 乙: moved });
    expect(storedOrNull(cloud, 'tag_definitions', 'vip')?.counts).toEqual({ 甲: expected.length - moved.length, 乙: moved.length });
    const cleared = await runToEnd({ tagId: 'vip', value: null, segmentId: second._id, requestKey: 'tag-run-clear' });
    expect(cleared.applied).toBe(moved.length);
    expect(holders('vip')).toEqual({ 甲: expected.filter((id) => !movedSet.has(id)) });
    expect(storedOrNull(cloud, 'tag_definitions', 'vip')?.counts).toEqual({ 甲: expected.length - moved.length });
  }, 300_000);

  it('refuses a value the tag does not allow, an unknown segment or tag, and changes nothing', async () => {
    const segment = await saveSegment('tagseg-refused', { join: 'and', groups: [] });
    const entries = storedInOrder(cloud, 'audit_log').length;
    const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);
    const base = { tagId: 'wave', value: '甲', segmentId: segment._id, requestKey: 'tag-run-refused' };
    expect(codeOf(await marketing('applyTagToSegment', { ...base, value: '丙' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await marketing('applyTagToSegment', { ...base, segmentId: 'seg-nowhere' }))).toBe('NOT_FOUND');
    expect(codeOf(await marketing('applyTagToSegment', { ...base, tagId: 'nowhere' }))).toBe('NOT_FOUND');
    expect(storedInOrder(cloud, 'audit_log')).toHaveLength(entries);
    expect(holders('wave')).toEqual({});
  });

  it('a run cut short at every chunk goes on from `next` and ends with each member tagged once', async () => {
    const rule: SegmentRule = {
      join: 'or',
      groups: [{ join: 'and', conditions: [{ kind: 'range', field: 'rfmF', max: 2 }] }],
    };
    const segment = await saveSegment('tagseg-slices', rule);
    const expected = matching(rule);
    const ctx: RequestContext = { now: Date.now(), source: 'wx_trigger', db: database() };
    const admin = { sub: 'admin', role: 'owner' as const, storeId: null, sid: 's', exp: Date.now() + 60_000, mustChangePassword: false };
    // A clock that jumps past the budget at every look: each call does one chunk (or reads one page) and stops.
    let time = 0;
    const clock = () => (time += 60_000);
    let cursor: string | null = null;
    let applied = 0;
    let calls = 0;
    for (;;) {
      const run = await applyTagToSegment(
        ctx,
        { tagId: 'wave', value: '乙', segmentId: segment._id, cursor, requestKey: 'tag-run-slices' },
        admin,
        clock,
      );
      applied += run.applied;
      calls += 1;
      expect(run.applied).toBeLessThanOrEqual(100);
      if (run.done) break;
      cursor = run.next;
    }
    expect(applied).toBe(expected.length);
    expect(calls).toBeGreaterThan(expected.length / 100);
    expect(holders('wave')).toEqual({ 乙: expected });
    expect(storedOrNull(cloud, 'tag_definitions', 'wave')?.counts).toEqual({ 乙: expected.length });
  }, 300_000);
});
