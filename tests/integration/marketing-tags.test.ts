import type { LocalCloud } from '../../local-cloud/local-cloud';
import { DAY_MS } from '~/core/calendar/durations';
import { newMember } from '~/core/members/new-member';
import type { MemberDoc } from '~/types/documents';
import type { MarketingTagsResponses } from '~/types/functions/marketing-tags';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { addProduct, addStore, patchDoc } from '../support/shop';
import { allStored, putStored, storedInOrder, storedOrNull } from '../support/stored';
import type { Envelope } from '../support/till';
import { dataOf, tillPeople } from '../support/till';

const PASSWORD = 'marketing-tags-password';
const SECRET = 't'.repeat(40);

const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);

/** Special tags through the built bundles: defined by an admin, set by an admin, by CSV and at the till. */
describe('special tags', () => {
  let cloud: LocalCloud;
  let people: Awaited<ReturnType<typeof tillPeople>>;
  const page = () => new GatewayClient(cloud.url);

  /** Calls a marketing action as the owner. */
  async function tags<A extends keyof MarketingTagsResponses>(
    action: A,
    payload: Record<string, unknown>,
  ): Promise<Envelope<MarketingTagsResponses[A]>> {
    return (await page().call<Envelope<MarketingTagsResponses[A]>>('marketing', { action, token: people.token, ...payload })).body;
  }

  const seed = (id: string, memberNo: string): MemberDoc => {
    const member = newMember({ _id: id, openid: `o-${id}`, memberNo, now: Date.now() - 10 * DAY_MS });
    putStored(cloud, 'members', member);
    return member;
  };
  const profile = (id: string) => storedOrNull(cloud, 'member_profiles', id);
  const def = (id: string) => storedOrNull(cloud, 'tag_definitions', id);
  const audits = (action: string) => storedInOrder(cloud, 'audit_log').filter((entry) => entry.action === action);
  /** How many profiles hold each value of a tag, counted from the profiles themselves. */
  const held = (tagId: string) => {
    const counts: Record<string, number> = {};
    for (const doc of allStored(cloud, 'member_profiles')) {
      const value = doc.special?.[tagId];
      if (value !== undefined) counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };

  beforeAll(async () => {
    cloud = await startTestCloud({
      functionEnv: {
        admin: { ADMIN_TOKEN_SECRET: SECRET, ADMIN_INITIAL_PASSWORD: PASSWORD },
        marketing: { ADMIN_TOKEN_SECRET: SECRET },
      },
    });
    addStore(cloud, 'store-a');
    people = await tillPeople(cloud, PASSWORD);
    for (let i = 0; i < 30; i += 1) seed(`m${i}`, String(2000000000 + i));
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('defines a tag once, by its slug; a retried create answers it, a different one on the same slug is refused', async () => {
    const body = { mode: 'create', tagId: 'skin', name: '肤质', values: [' 油性 ', '干性', '混合'], staffCanSet: true };
    expect(dataOf(await tags('saveTagDefinition', body))).toMatchObject({
      created: true,
      tag: { _id: 'skin', values: ['油性', '干性', '混合'], counts: {}, status: 'active' },
    });
    expect(dataOf(await tags('saveTagDefinition', body))).toMatchObject({ created: false });
    expect(codeOf(await tags('saveTagDefinition', { ...body, name: '发质' }))).toBe('CONFLICT');
    expect(await tags('saveTagDefinition', { ...body, tagId: 'skin2', values: ['油性', '油性'] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('重复') },
    });
    // Dots in values are fine: counts are keyed by value.
    dataOf(
      await tags('saveTagDefinition', { mode: 'create', tagId: 'shoe', name: '鞋码', values: ['38', '38.5', '39'], staffCanSet: false }),
    );
    expect(audits('saveTagDefinition')).toHaveLength(2);
    expect(audits('saveTagDefinition')[0]).toMatchObject({ before: null, after: { created: true, name: '肤质' } });
    expect(dataOf(await tags('listTagDefinitions', {})).tags.map((tag) => tag._id)).toEqual(['skin', 'shoe']);
  });

  it('an admin sets, changes and clears a tag; a member without a profile gets a neutral one; repeats change nothing', async () => {
    expect(profile('m0')).toBeNull();
    expect(dataOf(await tags('setMemberTag', { memberId: 'm0', tagId: 'shoe', value: '38.5', reason: '到店试穿' }))).toEqual({
      tagId: 'shoe',
      value: '38.5',
      changed: true,
    });
    expect(profile('m0')).toMatchObject({
      _id: 'm0',
      memberNo: '2000000000',
      refreshedAt: 0,
      rfm: { r: 0, f: 0, m: 0 },
      stage: 'new',
      personalised: true,
      special: { shoe: '38.5' },
    });
    expect(def('shoe')?.counts).toEqual({ '38.5': 1 });
    expect(dataOf(await tags('setMemberTag', { memberId: 'm0', tagId: 'shoe', value: '38.5' })).changed).toBe(false);
    dataOf(await tags('setMemberTag', { memberId: 'm0', tagId: 'shoe', value: '39' }));
    expect(def('shoe')?.counts).toEqual({ '39': 1 });
    dataOf(await tags('setMemberTag', { memberId: 'm0', tagId: 'shoe', value: null }));
    expect(def('shoe')?.counts).toEqual({});
    expect(profile('m0')?.special).toEqual({});
    // The profile's other fields are left alone by an assignment.
    patchDoc(cloud, 'member_profiles', 'm0', { purchases: 7 });
    dataOf(await tags('setMemberTag', { memberId: 'm0', tagId: 'skin', value: '干性' }));
    expect(profile('m0')).toMatchObject({ purchases: 7, special: { skin: '干性' } });

    expect(audits('setMemberTag').map((entry) => [entry.before?.value, entry.after?.value])).toEqual([
      [null, '38.5'],
      ['38.5', '39'],
      ['39', null],
      [null, '干性'],
    ]);
    expect(audits('setMemberTag')[0]).toMatchObject({
      actor: { kind: 'admin', id: 'admin' },
      memberId: 'm0',
      target: { type: 'member', id: 'm0' },
      after: { tagId: 'shoe', reason: '到店试穿' },
    });
    expect(codeOf(await tags('setMemberTag', { memberId: 'm0', tagId: 'shoe', value: '40' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(await tags('setMemberTag', { memberId: 'ghost', tagId: 'shoe', value: '38' }))).toBe('NOT_FOUND');
    expect(dataOf(await tags('getMemberTags', { memberId: 'm0' })).tags).toEqual([
      { tagId: 'skin', name: '肤质', values: ['油性', '干性', '混合'], staffCanSet: true, value: '干性' },
      { tagId: 'shoe', name: '鞋码', values: ['38', '38.5', '39'], staffCanSet: false, value: null },
    ]);
  });

  it('keeps the counts exact under concurrent and retried assignments', async () => {
    const values = ['38', '38.5', '39'];
    const calls = [];
    for (let round = 0; round < 3; round += 1)
      for (let i = 1; i <= 8; i += 1) {
        const value = values[(i + round) % 3] as string;
        // Each request twice at once, as a client retrying a call it thought lost.
        const body = { memberId: `m${i}`, tagId: 'shoe', value };
        calls.push(tags('setMemberTag', body), tags('setMemberTag', body));
      }
    const answers = await Promise.all(calls);
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
    expect(def('shoe')?.counts).toEqual(held('shoe'));
    expect(Object.values(held('shoe')).reduce((a, b) => a + b, 0)).toBe(8);
    // One entry per change that happened, none for a repeat.
    const changed = answers.filter((answer) => answer.ok && answer.data.changed).length;
    expect(audits('setMemberTag').filter((entry) => entry.after?.tagId === 'shoe' && entry.memberId !== 'm0')).toHaveLength(changed);
  });

  it('refuses to remove a value members hold, saying how many, and changes nothing', async () => {
    const before = def('shoe');
    const held38 = held('shoe')['38'] as number;
    expect(
      await tags('saveTagDefinition', { mode: 'update', tagId: 'shoe', name: '鞋码', values: ['38.5', '39'], staffCanSet: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`「38」${held38} 人`) },
    });
    expect(def('shoe')).toEqual(before);
    // A value nobody holds may go, and a new one come.
    dataOf(
      await tags('saveTagDefinition', {
        mode: 'update',
        tagId: 'shoe',
        name: '鞋码',
        values: ['38', '38.5', '39', '40'],
        staffCanSet: false,
      }),
    );
    expect(def('shoe')?.values).toEqual(['38', '38.5', '39', '40']);
    expect(audits('saveTagDefinition').at(-1)).toMatchObject({ before: { values: ['38', '38.5', '39'] }, after: { created: false } });
  });

  it('imports a tag from CSV: all or nothing reports every bad line, valid-only applies the rest, a retry repeats nothing', async () => {
    const lines = ['会员号,肤质', '2000000010,油性', '2000000011,干性', '2000000012,未知', '9999999999,油性', '2000000013,混合'];
    const text = lines.join('\n');
    const before = JSON.stringify([allStored(cloud, 'member_profiles'), def('skin')]);
    const refused = dataOf(await tags('importMemberTags', { tagId: 'skin', text, mode: 'allOrNothing' }));
    expect(refused).toEqual({
      applied: 0,
      unchanged: 0,
      errors: [
        { line: 4, message: '「未知」不是该标签的可选值' },
        { line: 5, message: '会员号 9999999999 不存在或已注销' },
      ],
      done: true,
    });
    expect(JSON.stringify([allStored(cloud, 'member_profiles'), def('skin')])).toBe(before);

    const applied = dataOf(await tags('importMemberTags', { tagId: 'skin', text, mode: 'validOnly' }));
    expect(applied).toMatchObject({ applied: 3, unchanged: 0, errors: [{ line: 4 }, { line: 5 }], done: true });
    expect([profile('m10')?.special.skin, profile('m11')?.special.skin, profile('m13')?.special.skin]).toEqual(['油性', '干性', '混合']);
    expect(dataOf(await tags('importMemberTags', { tagId: 'skin', text, mode: 'validOnly' }))).toMatchObject({ applied: 0, unchanged: 3 });
    expect(audits('importMemberTags')).toHaveLength(3);
    expect(def('skin')?.counts).toEqual(held('skin'));

    // A whole good file, with clears, in one go.
    const many = Array.from({ length: 20 }, (_, i) => `${2000000010 + i},${i % 2 ? '油性' : ''}`).join('\r\n');
    expect(dataOf(await tags('importMemberTags', { tagId: 'skin', text: many, mode: 'allOrNothing' })).errors).toEqual([]);
    expect(def('skin')?.counts).toEqual(held('skin'));
    expect(held('skin')['油性']).toBeGreaterThanOrEqual(10);
  });

  it('lets staff at the till set a tag the admins allow, as themselves, and no other', async () => {
    const cashier = await people.staff('store-a', 'cashier');
    const shopper = await people.member();
    const sessionId = await shopper.memberCode();
    dataOf(await cashier.staff('scan', { code: sessionId }));
    expect(
      dataOf(await cashier.staff<{ tags: { tagId: string }[] }>('listMemberTags', { sessionId })).tags.map((tag) => tag.tagId),
    ).toEqual(['skin']);
    const set = dataOf(
      await cashier.staff<{ tags: { value: string | null }[]; changed: boolean }>('setMemberTag', {
        sessionId,
        tagId: 'skin',
        value: '混合',
      }),
    );
    expect(set).toMatchObject({ changed: true, tags: [{ value: '混合' }] });
    expect(profile(shopper.memberId)?.special).toEqual({ skin: '混合' });
    expect(audits('setMemberTagAtTill')).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ kind: 'staff', id: cashier.openid, role: 'cashier', storeId: 'store-a' }),
        memberId: shopper.memberId,
        before: expect.objectContaining({ value: null }),
        after: expect.objectContaining({ value: '混合' }),
      }),
    ]);
    const counts = def('shoe')?.counts;
    expect(codeOf(await cashier.staff('setMemberTag', { sessionId, tagId: 'shoe', value: '39' }))).toBe('FORBIDDEN');
    expect(def('shoe')?.counts).toEqual(counts);
    expect(def('skin')?.counts).toEqual(held('skin'));
  });

  it('archives a tag: it leaves the lists, and no one can set it', async () => {
    dataOf(await tags('archiveTagDefinition', { tagId: 'shoe' }));
    dataOf(await tags('archiveTagDefinition', { tagId: 'shoe' }));
    expect(audits('archiveTagDefinition')).toHaveLength(1);
    expect(dataOf(await tags('listTagDefinitions', {})).tags.map((tag) => tag._id)).toEqual(['skin']);
    expect(dataOf(await tags('listTagDefinitions', { includeArchived: true })).tags.map((tag) => tag._id)).toEqual(['skin', 'shoe']);
    expect(codeOf(await tags('setMemberTag', { memberId: 'm1', tagId: 'shoe', value: '39' }))).toBe('INVALID_STATE');
  });

  it('a member turning personalised marketing off is marked at once on the profile and gets only best sellers as 猜你喜欢', async () => {
    const shopper = await people.member();
    addProduct(cloud, 'kettle', { title: '水壶', priceFen: 9_900, stock: 9 });
    addProduct(cloud, 'filter', { title: '滤芯', priceFen: 2_900, stock: 9 });
    addProduct(cloud, 'best', { title: '畅销品', priceFen: 1_900, stock: 9 });
    patchDoc(cloud, 'products', 'best', { salesCount: 100 });
    putStored(cloud, 'co_purchases', { _id: 'kettle:filter', productId: 'kettle', otherId: 'filter', count: 5, updatedAt: 0 });
    const recommend = async () =>
      dataOf(
        (
          await shopper.client.call<Envelope<{ items: { id: string }[] }>>('catalog', {
            action: 'recommend',
            productIds: ['kettle'],
            limit: 1,
          })
        ).body,
      ).items.map((card) => card.id);
    expect(await recommend()).toEqual(['filter']);

    const off = dataOf(
      (
        await shopper.client.call<Envelope<{ personalisedConsent: boolean }>>('member', {
          action: 'setPersonalisation',
          personalised: false,
        })
      ).body,
    );
    expect(off.personalisedConsent).toBe(false);
    const member = storedOrNull(cloud, 'members', shopper.memberId);
    expect(member?.consent).toMatchObject({ personalised: false, personalisedAt: expect.any(Number) });
    expect(profile(shopper.memberId)).toMatchObject({ personalised: false, stage: 'new', special: {} });
    expect(await recommend()).toEqual(['best']);

    // Back on: the profile follows, and its tags are kept.
    dataOf(await tags('setMemberTag', { memberId: shopper.memberId, tagId: 'skin', value: '油性' }));
    dataOf((await shopper.client.call<Envelope<unknown>>('member', { action: 'setPersonalisation', personalised: true })).body);
    expect(profile(shopper.memberId)).toMatchObject({ personalised: true, special: { skin: '油性' } });
    expect(await recommend()).toEqual(['filter']);
  });
});
