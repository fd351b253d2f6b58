import { describe, expect, it, jest } from '@jest/globals';
import { AdminApiError, createAdminClient } from './client';

function jsonResponse(body: unknown, status = 200) {
  return { status, json: async () => body } as Response;
}

describe('createAdminClient', () => {
  it('posts { action, ...payload } as JSON to /fn/admin and returns data', async () => {
    const fetchImpl = jest.fn(async (_input: RequestInfo | URL, _init?: RequestInit) =>
      jsonResponse({ ok: true, data: { items: [], nextCursor: null } }),
    );
    const client = createAdminClient({ fetchImpl });

    const result = await client.call('listMembers', { token: 'tok_0123456789abcdef', cursor: 'c1' });

    expect(result).toEqual({ items: [], nextCursor: null });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/fn/admin');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ action: 'listMembers', token: 'tok_0123456789abcdef', cursor: 'c1' });
  });

  it('turns an error envelope into an AdminApiError with the stable code', async () => {
    const client = createAdminClient({
      fetchImpl: async () => jsonResponse({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'nope' } }, 401),
    });

    await expect(client.call('login', { username: 'a', password: 'b' })).rejects.toMatchObject({
      name: 'AdminApiError',
      code: 'INVALID_CREDENTIALS',
      message: 'nope',
    });
  });

  it('keeps the details of an error, e.g. how long to wait after too many attempts', async () => {
    const client = createAdminClient({
      fetchImpl: async () =>
        jsonResponse({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', message: '尝试次数过多', details: { retryAfterMs: 60_000 } } }, 429),
    });

    await expect(client.call('login', { username: 'a', password: 'b' })).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 60_000 },
    });
  });

  it('keeps the details an error envelope carries', async () => {
    const preview = { refundId: 'r1', amountFen: 8_900 };
    const client = createAdminClient({
      fetchImpl: async () => jsonResponse({ ok: false, error: { code: 'PRICE_CHANGED', message: '退款金额已变化', details: { preview } } }),
    });

    await expect(client.call('previewRefund', { token: 'tok_0123456789abcdef', refundId: 'r0123456789ab' })).rejects.toMatchObject({
      code: 'PRICE_CHANGED',
      details: { preview },
    });
  });

  it('reports transport failures and unexpected bodies with client-side codes', async () => {
    const offline = createAdminClient({
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(offline.call('login', { username: 'a', password: 'b' })).rejects.toEqual(
      new AdminApiError('NETWORK_ERROR', 'Failed to fetch'),
    );

    const proxyPage = createAdminClient({
      fetchImpl: async () =>
        ({
          status: 502,
          json: async () => {
            throw new SyntaxError('Unexpected token <');
          },
        }) as unknown as Response,
    });
    await expect(proxyPage.call('login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });

    const wrongShape = createAdminClient({ fetchImpl: async () => jsonResponse({ hello: 'world' }) });
    await expect(wrongShape.call('login', { username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
