import type { AdminResponses } from '~/types/functions/admin';
import type { CatalogResponses } from '~/types/functions/catalog';
import type { LocalCloud } from '../../local-cloud/local-cloud';
import { GatewayClient } from '../support/gateway';
import { startTestCloud } from '../support/local-cloud';
import { allStored, putStored } from '../support/stored';

const ADMIN_ENV = { ADMIN_TOKEN_SECRET: 'i'.repeat(40), ADMIN_INITIAL_PASSWORD: 'images-owner-password' };

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

/** A whole 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a1e5f1d60000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

describe('admin picture uploads to cloud storage, through the gateway and the built bundles', () => {
  let cloud: LocalCloud;
  const page = (): GatewayClient => new GatewayClient(cloud.url);
  let owner: string;
  let analyst: string;

  const admin = async <T>(body: Record<string, unknown>, token = owner): Promise<Envelope<T>> =>
    (await page().call<Envelope<T>>('admin', { token, ...body })).body;
  const data = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };
  const upload = (content: Buffer, contentType = 'image/png', token = owner) =>
    admin<AdminResponses['uploadImage']>(
      { action: 'uploadImage', folder: 'products', contentType, contentBase64: content.toString('base64') },
      token,
    );
  const uploads = () => allStored(cloud, 'audit_log').filter((entry) => entry.action === 'uploadImage');

  beforeAll(async () => {
    cloud = await startTestCloud({ functionEnv: { admin: ADMIN_ENV } });
    await page().call('admin', { action: 'bootstrapAdmin' });
    const login = (username: string, password: string) =>
      page().call<Envelope<{ token: string }>>('admin', { action: 'login', username, password });
    owner = data((await login('admin', ADMIN_ENV.ADMIN_INITIAL_PASSWORD)).body).token;
    const created = data(await admin<{ oneTimePassword: string }>({ action: 'createAdmin', username: 'analyst.a', role: 'analyst' }));
    const first = data((await login('analyst.a', created.oneTimePassword)).body).token;
    data(await admin({ action: 'changePassword', oldPassword: created.oneTimePassword, newPassword: 'analyst-a-password' }, first));
    analyst = data((await login('analyst.a', 'analyst-a-password')).body).token;
    putStored(cloud, 'categories', { _id: 'coffee-tea', name: '咖啡茶饮', iconUrl: '', sort: 10 });
  }, 60_000);

  afterAll(() => cloud?.stop());

  it('stores a picture under a name made from its content, answers its file id and a temporary URL, and audits it once', async () => {
    const answer = data(await upload(PNG));
    expect(answer).toEqual({
      fileId: expect.stringMatching(/^cloud:\/\/local\.local-storage\/catalog\/products\/[0-9a-f]{32}\.png$/),
      url: expect.stringMatching(/\/storage\/file\/catalog\/products\/[0-9a-f]{32}\.png\?sign=\w+&t=\d+$/),
      bytes: PNG.length,
    });
    const shown = await fetch(answer.url);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG);
    expect(uploads()).toEqual([
      expect.objectContaining({
        _id: `audit:uploadImage:${answer.fileId.replace('cloud://local.local-storage/', '')}`,
        actor: expect.objectContaining({ kind: 'admin', id: 'admin', role: 'owner' }),
        target: { type: 'file', id: answer.fileId },
        after: { folder: 'products', contentType: 'image/png', bytes: PNG.length },
      }),
    ]);

    // A retry (or the same picture again) is the same file and the same entry.
    expect(data(await upload(PNG)).fileId).toBe(answer.fileId);
    expect(uploads()).toHaveLength(1);
    expect(data(await upload(JPEG, 'image/jpeg')).fileId).toMatch(/\.jpg$/);
    expect(uploads()).toHaveLength(2);
  });

  it('refuses what is not the picture it claims to be, too large, or not base64, and stores nothing', async () => {
    const before = uploads().length;
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const refusals = [
      await upload(svg, 'image/png'),
      await upload(JPEG, 'image/png'),
      await upload(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])),
      await admin({ action: 'uploadImage', folder: 'products', contentType: 'image/gif', contentBase64: PNG.toString('base64') }),
      await admin({ action: 'uploadImage', folder: '../secrets', contentType: 'image/png', contentBase64: PNG.toString('base64') }),
      await admin({ action: 'uploadImage', folder: 'products', contentType: 'image/png', contentBase64: 'not base64!' }),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(refusals[0]).toMatchObject({
      error: { message: 'the file is not a PNG, JPEG or WebP picture', details: { field: 'contentBase64' } },
    });
    expect(uploads()).toHaveLength(before);
  });

  it('is for the roles that edit the catalogue: an analyst is refused', async () => {
    expect(await upload(PNG, 'image/png', analyst)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a product saved with an uploaded picture shows it in the storefront, and the admin list shows it too', async () => {
    const { fileId } = data(await upload(PNG));
    data(
      await admin({
        action: 'saveProduct',
        mode: 'create',
        productId: 'pictured',
        title: '有图商品',
        categoryId: 'coffee-tea',
        images: [fileId],
        skus: [{ specValues: [], priceFen: 990, initialStock: 3 }],
      }),
    );
    data(await admin({ action: 'setProductStatus', productId: 'pictured', status: 'onShelf' }));

    const listed = data(await admin<AdminResponses['listProducts']>({ action: 'listProducts' })).items.find((p) => p._id === 'pictured');
    expect(listed?.images).toEqual([fileId]);
    expect((await fetch(listed?.displayUrls?.[fileId] as string)).status).toBe(200);

    const detail = await page().call<Envelope<CatalogResponses['detail']>>('catalog', { action: 'detail', productId: 'pictured' });
    const [shown] = data(detail.body).images;
    expect(shown).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\/file\/catalog\/products\/[0-9a-f]{32}\.png\?sign=/);
    expect(Buffer.from(await (await fetch(shown as string)).arrayBuffer())).toEqual(PNG);
  });
});
