import type { LocalCloud } from '../../local-cloud/local-cloud';
import { CodedError } from '~/core/coded-error';
import { deleteFiles, forgetTempUrls, tempFileUrls, uploadFile } from '~/server/storage/cloud-files';
import { startTestCloud } from '../support/local-cloud';
import type { RawCloud } from '../support/sdk';
import { connectSdk } from '../support/sdk';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/**
 * Pins cloud storage as functions use it (`cloud.uploadFile`, `getTempFileURL`, `deleteFile`),
 * driving the unmodified wx-server-sdk against the local cloud.
 */
describe('cloud storage through the real wx-server-sdk', () => {
  let local: LocalCloud;
  let cloud: RawCloud;

  beforeAll(async () => {
    local = await startTestCloud({ functions: false, collectionsFile: `${__dirname}/../fixtures/contract-collections.json` });
    cloud = connectSdk(local.tcbUrl);
  });

  afterAll(() => local?.stop());

  afterEach(() => {
    local.setClock(null);
    forgetTempUrls();
  });

  it('uploadFile stores the bytes and answers a cloud:// file id of the environment', async () => {
    const res = await cloud.uploadFile({ cloudPath: 'products/p1/cover.png', fileContent: PNG });
    expect(res).toMatchObject({ fileID: 'cloud://local.local-storage/products/p1/cover.png' });
    const plain = await fetch(`${local.url}/storage/file/products/p1/cover.png`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await plain.arrayBuffer())).toEqual(PNG);
  });

  it('a second upload to the same path replaces the file', async () => {
    await cloud.uploadFile({ cloudPath: 'exports/a.csv', fileContent: Buffer.from('one') });
    await cloud.uploadFile({ cloudPath: 'exports/a.csv', fileContent: Buffer.from('\ufeff编号,积分\n') });
    const res = await fetch(`${local.url}/storage/file/exports/a.csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from('\ufeff编号,积分\n'));
  });

  it('getTempFileURL answers a URL that serves the file until maxAge has passed', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'banners/b1.png', fileContent: PNG });
    const res = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] });
    expect(res.fileList).toEqual([
      {
        fileID,
        status: 0,
        errMsg: 'ok',
        maxAge: 600,
        tempFileURL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\/file\/banners\/b1\.png\?sign=\w+&t=\d+$/),
      },
    ]);
    const url = res.fileList[0].tempFileURL as string;
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(PNG);

    local.setClock(Date.now() + 601_000);
    expect((await fetch(url)).status).toBe(403);
  });

  it('a temporary URL with a changed signature, expiry or path is refused', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'banners/b2.png', fileContent: PNG });
    await cloud.uploadFile({ cloudPath: 'banners/b3.png', fileContent: PNG });
    const url = new URL((await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].tempFileURL);
    const later = new URL(url);
    later.searchParams.set('t', String(Number(url.searchParams.get('t')) + 86_400));
    const forged = new URL(url);
    forged.searchParams.set('sign', '0'.repeat(32));
    const other = new URL(url);
    other.pathname = '/storage/file/banners/b3.png';
    for (const bad of [later, forged, other]) expect((await fetch(bad)).status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
  });

  it('getTempFileURL without maxAge gives a day; a missing file gets a failed entry, not an error', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'a/b.png', fileContent: PNG });
    const res = await cloud.getTempFileURL({ fileList: [fileID, 'cloud://local.local-storage/a/none.png', 'cloud://other-env.x/a/b.png'] });
    expect(res.fileList[0]).toMatchObject({ fileID, status: 0, maxAge: 86_400 });
    expect(Number(new URL(res.fileList[0].tempFileURL).searchParams.get('t')) * 1000).toBeGreaterThan(Date.now() + 86_000_000);
    expect(res.fileList[1]).toMatchObject({ status: -503003, tempFileURL: '' });
    expect(res.fileList[2]).toMatchObject({ status: -501007, tempFileURL: '' });
  });

  it('deleteFile removes files and reports one already gone', async () => {
    const { fileID } = await cloud.uploadFile({ cloudPath: 'tmp/x.png', fileContent: PNG });
    const res = await cloud.deleteFile({ fileList: [fileID, 'cloud://local.local-storage/tmp/never.png'] });
    expect(res.fileList).toEqual([
      { fileID, status: 0, errMsg: 'ok' },
      { fileID: 'cloud://local.local-storage/tmp/never.png', status: -503003, errMsg: expect.any(String) },
    ]);
    expect((await fetch(`${local.url}/storage/file/tmp/x.png`)).status).toBe(404);
    expect((await cloud.getTempFileURL({ fileList: [fileID] })).fileList[0].status).toBe(-503003);
  });

  it('refuses a cloud path that climbs out or is empty, and stores nothing', async () => {
    for (const cloudPath of ['../cloud.db', 'a/../../b.png', '/abs.png', '']) {
      await expect(cloud.uploadFile({ cloudPath, fileContent: PNG })).rejects.toBeDefined();
    }
    expect((await fetch(`${local.url}/storage/file/..%2Fcloud.db`)).status).not.toBe(200);
  });

  it('the upload URL takes bytes only with a fresh ticket for that path, once', async () => {
    const ask = async (path: string) => {
      const res = await fetch(local.tcbUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'storage.getUploadMetadata', path, method: 'put' }),
      });
      return ((await res.json()) as { data: { url: string; authorization: string } }).data;
    };
    const put = (url: string, authorization: string) => fetch(url, { method: 'PUT', headers: { authorization }, body: PNG });
    const ticket = await ask('t/one.png');
    expect((await put(ticket.url, 'guess')).status).toBe(403);
    expect((await put(ticket.url.replace('one.png', 'two.png'), ticket.authorization)).status).toBe(403);
    const fresh = await ask('t/one.png');
    expect((await put(fresh.url, fresh.authorization)).status).toBe(200);
    expect((await put(fresh.url, fresh.authorization)).status).toBe(403);
    const expired = await ask('t/late.png');
    local.setClock(Date.now() + 11 * 60_000);
    const refused = await put(expired.url, expired.authorization);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<Code>AccessDenied</Code>');
  });

  describe('the server helper functions use', () => {
    it('uploads, resolves temporary URLs once per file until near expiry, and deletes', async () => {
      const fileId = await uploadFile('products/p9/1.png', PNG);
      expect(fileId).toBe('cloud://local.local-storage/products/p9/1.png');
      const first = await tempFileUrls([fileId, fileId, '/media/plain.png']);
      expect([...first.keys()]).toEqual([fileId]);
      expect((await fetch(first.get(fileId) as string)).status).toBe(200);

      // Cached: the same URL while more than the margin of its life is left, a new one after.
      expect((await tempFileUrls([fileId])).get(fileId)).toBe(first.get(fileId));
      const nearExpiry = Date.now() + 2 * 60 * 60_000 - 60_000;
      local.setClock(nearExpiry);
      const renewed = (await tempFileUrls([fileId], nearExpiry)).get(fileId);
      expect(renewed).not.toBe(first.get(fileId));
      expect((await fetch(renewed as string)).status).toBe(200);

      expect(await deleteFiles([fileId, 'cloud://local.local-storage/products/p9/none.png'])).toEqual([fileId]);
      expect((await tempFileUrls([fileId])).size).toBe(0);
    });

    it('resolves more than one platform batch of 50 ids', async () => {
      const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => uploadFile(`many/${i}.png`, PNG)));
      expect((await tempFileUrls(ids)).size).toBe(60);
    });

    it('refuses a path that is not a plain folder/name path before calling the platform', async () => {
      for (const path of ['../x.png', '/x.png', 'a//b.png', 'a/b c.png']) {
        await expect(uploadFile(path, PNG)).rejects.toBeInstanceOf(CodedError);
      }
    });
  });
});
