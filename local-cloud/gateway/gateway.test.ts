import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from './gateway';
import { json } from './http';
import { route } from './router';

describe('the gateway route table', () => {
  let server: Server;
  let base = '';
  const logged: string[] = [];

  beforeAll(async () => {
    const routes = [
      route('POST', '/fn/:name([a-z]+)', (_req, res, { name }) => json(res, 200, { fn: name })),
      route('POST', '/pay/:id/:outcome(confirm|fail)', (_req, res, params) => json(res, 200, params)),
      route('GET', '/dev/state', (_req, res) => json(res, 200, { route: 'state' })),
      route('POST', '/boom', () => {
        throw new Error('broken');
      }),
      route(['GET', 'HEAD'], '/files/*', (_req, res, { rest }) => json(res, 200, { file: rest })),
      route(['GET', 'HEAD'], '/*', (_req, res, { rest }) => json(res, 200, { site: rest })),
    ];
    server = createServer(createGateway(routes, { origin: () => base, log: (line) => logged.push(line) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (method: string, path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { method, headers });
    return { status: res.status, body: method === 'HEAD' ? null : ((await res.json()) as unknown) };
  };

  it('answers by the first route for the method and path, with its parameters as in the URL', async () => {
    expect(await call('POST', '/fn/member')).toEqual({ status: 200, body: { fn: 'member' } });
    expect(await call('POST', '/pay/a%2Fb/fail')).toEqual({ status: 200, body: { id: 'a%2Fb', outcome: 'fail' } });
    expect(await call('GET', '/dev/state')).toEqual({ status: 200, body: { route: 'state' } });
    expect(await call('GET', '/files/')).toEqual({ status: 200, body: { file: '' } });
    expect(await call('GET', '/files/a/b.svg')).toEqual({ status: 200, body: { file: 'a/b.svg' } });
  });

  it('passes a path no route of its method takes to the next one, and answers 404 when none does', async () => {
    expect(await call('GET', '/fn/member')).toEqual({ status: 200, body: { site: 'fn/member' } });
    expect(await call('HEAD', '/dev/state')).toMatchObject({ status: 200 });
    expect(await call('POST', '/fn/Member')).toEqual({
      status: 404,
      body: { ok: false, error: { code: 'NOT_FOUND', message: 'POST /fn/Member' } },
    });
    expect(await call('POST', '/pay/a/other')).toMatchObject({ status: 404 });
    expect(await call('DELETE', '/dev/state')).toEqual({
      status: 404,
      body: { ok: false, error: { code: 'NOT_FOUND', message: 'DELETE /dev/state' } },
    });
  });

  it('refuses writes from pages of other sites, and lets reads and its own pages through', async () => {
    const evil = { origin: 'https://evil.example' };
    expect(await call('POST', '/fn/member', evil)).toEqual({
      status: 403,
      body: { ok: false, error: { code: 'FORBIDDEN', message: 'cross-site request from https://evil.example' } },
    });
    expect(await call('DELETE', '/nowhere', evil)).toMatchObject({ status: 403 });
    expect(await call('GET', '/dev/state', evil)).toMatchObject({ status: 200 });
    expect(await call('POST', '/fn/member', { origin: base })).toMatchObject({ status: 200 });
    expect(await call('POST', '/fn/member', { origin: base.replace('127.0.0.1', 'localhost') })).toMatchObject({ status: 200 });
  });

  it('answers 500 for a route that throws, and logs it', async () => {
    expect(await call('POST', '/boom')).toEqual({ status: 500, body: { ok: false, error: { code: 'INTERNAL', message: 'broken' } } });
    expect(logged.some((line) => line.startsWith('[gateway] POST /boom failed: Error: broken'))).toBe(true);
  });
});
