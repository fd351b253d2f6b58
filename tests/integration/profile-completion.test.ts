import type { LocalCloud } from '../../local-cloud/local-cloud';
import { defaultCouponTemplateDocs } from '../../core/coupons/default-templates';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';

type Envelope<T = Record<string, unknown>> = { ok: boolean; data: T; error?: { code: string; message: string } };
type Profile = { nickname: string; avatarUrl: string; profileBonus: { points: number; missing: string[] } | null; bonusPoints?: number };

// A 1×1 PNG: what a phone's photo stands for here.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The first week's profile bonus: advertised with what is missing, reachable with an uploaded avatar, given once. */
describe('completing the profile', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startTestCloud();
    const now = Date.now();
    cloud.store.atomically(() => defaultCouponTemplateDocs(now).forEach((doc) => cloud.store.insert('coupon_templates', { ...doc })));
  });
  afterAll(() => cloud?.stop());

  it('advertises the bonus, takes an uploaded avatar and pays the bonus once the profile is complete', async () => {
    const member = new GatewayClient(cloud.url);
    await member.login();
    const joined = (await member.call<Envelope<Profile & { gifts: unknown[] }>>('member', { action: 'join' })).body.data;
    expect(joined.profileBonus).toEqual({ points: 50, missing: ['nickname', 'avatar', 'gender', 'birthday'] });

    const upload = await member.send('/storage/upload?path=avatars/me.png', { method: 'POST', body: PNG });
    expect(upload.status).toBe(200);
    const { fileID } = (await upload.json()) as { fileID: string };
    expect(fileID).toMatch(/^cloud:\/\/[^/]+\/avatars\/me\.png$/);
    const shown = await fetch(`${cloud.url}/storage/file/avatars/me.png`);
    expect(Buffer.from(await shown.arrayBuffer()).equals(PNG)).toBe(true);

    const partly = (await member.call<Envelope<Profile>>('member', { action: 'updateProfile', avatarUrl: fileID, nickname: '小满' })).body
      .data;
    expect(partly).toMatchObject({ avatarUrl: fileID, bonusPoints: 0, profileBonus: { points: 50, missing: ['gender', 'birthday'] } });
    await member.call('member', { action: 'updateProfile', gender: 'female' });
    const done = (await member.call<Envelope<Profile>>('member', { action: 'setBirthday', birthday: '1996-05-20' })).body.data;
    expect(done).toMatchObject({ bonusPoints: 50, profileBonus: null });
    const again = (await member.call<Envelope<Profile>>('member', { action: 'updateProfile', nickname: '小满满' })).body.data;
    expect(again).toMatchObject({ bonusPoints: 0, profileBonus: null });
  });

  it('refuses uploads without a session, outside the allowed names, empty or over 2 MB, and stores nothing', async () => {
    const stranger = new GatewayClient(cloud.url);
    expect((await stranger.send('/storage/upload?path=avatars/x.png', { method: 'POST', body: PNG })).status).toBe(401);
    const member = new GatewayClient(cloud.url);
    await member.login();
    const post = (path: string, body: Uint8Array) =>
      member.send(`/storage/upload?path=${encodeURIComponent(path)}`, { method: 'POST', body: new Uint8Array(body) });
    expect((await post('../escape.png', PNG)).status).toBe(400);
    expect((await post('avatars/../../escape.png', PNG)).status).toBe(400);
    expect((await post('avatars/page.html', PNG)).status).toBe(400);
    expect((await post('avatars/empty.png', Buffer.alloc(0))).status).toBe(400);
    expect((await post('avatars/huge.png', Buffer.alloc(2 * 1024 * 1024 + 1))).status).toBe(413);
    for (const name of ['x.png', 'empty.png', 'huge.png'])
      expect((await fetch(`${cloud.url}/storage/file/avatars/${name}`)).status).toBe(404);
    expect((await fetch(`${cloud.url}/storage/file/..%2Fcloud.db`)).status).toBe(404);
  });

  it('tells a new member what the join gave, and a repeated join nothing', async () => {
    const member = new GatewayClient(cloud.url);
    await member.login();
    const first = (await member.call<Envelope<{ created: boolean; gifts: unknown[] }>>('member', { action: 'join' })).body.data;
    expect(first.created).toBe(true);
    expect(first.gifts).toEqual([
      { kind: 'coupon', title: expect.any(String), headline: expect.stringMatching(/^¥/), condition: expect.any(String) },
    ]);
    const repeat = (await member.call<Envelope<{ created: boolean; gifts: unknown[] }>>('member', { action: 'join' })).body.data;
    expect(repeat).toMatchObject({ created: false, gifts: [] });
  });
});
