import Taro from '@tarojs/taro';
import { memberProfile } from '../test/member-profile';
import { callFunction, CloudError, resetDevSession } from './cloud';

const profile = memberProfile({ points: { available: 0, pending: 0 } });

function jsonResponse(body: unknown, status = 200): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    json: () => Promise.resolve(body),
  } as Response;
}

const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();

beforeEach(() => {
  jest.clearAllMocks();
  fetchMock.mockReset();
  resetDevSession();
  process.env.TARO_ENV = 'h5';
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

describe('H5', () => {
  test('logs in once, then posts { action, ...payload } to /fn/<name>', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ openid: null }))
      .mockResolvedValueOnce(jsonResponse({ openid: 'dev-openid' }))
      .mockResolvedValueOnce(jsonResponse({ ok: true, data: { ...profile, created: true } }))
      .mockResolvedValueOnce(jsonResponse({ ok: true, data: profile }));

    await expect(callFunction('member', 'join', { nickname: '小悦' })).resolves.toEqual({ ...profile, created: true });
    await expect(callFunction('member', 'getProfile', {})).resolves.toEqual(profile);

    const calls = fetchMock.mock.calls.map(([url, init]) => [init.method, url]);
    expect(calls).toEqual([
      ['GET', '/dev/session'],
      ['POST', '/dev/login'],
      ['POST', '/fn/member'],
      ['POST', '/fn/member'],
    ]);
    const [, init] = fetchMock.mock.calls[2]!;
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ action: 'join', nickname: '小悦' });
  });

  test('skips the login when the browser already has a session', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ openid: 'dev-openid' }))
      .mockResolvedValueOnce(jsonResponse({ ok: true, data: profile }));

    await callFunction('member', 'getProfile', {});
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/dev/session', '/fn/member']);
  });

  test('turns an error envelope into a CloudError with its code', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ openid: 'dev-openid' }))
      .mockResolvedValueOnce(jsonResponse({ ok: false, error: { code: 'NOT_A_MEMBER', message: 'Join first.' } }, 404));

    const error = await callFunction('member', 'getProfile', {}).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CloudError);
    expect(error).toMatchObject({ code: 'NOT_A_MEMBER', message: 'Join first.' });
  });

  test('keeps the machine-readable details of a refusal, e.g. the new breakdown of PRICE_CHANGED', async () => {
    const details = { preview: { breakdown: { payableFen: 17_138 } } };
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ openid: 'dev-openid' }))
      .mockResolvedValueOnce(jsonResponse({ ok: false, error: { code: 'PRICE_CHANGED', message: '订单金额已更新', details } }));

    const error = await callFunction('member', 'getProfile', {}).catch((err: unknown) => err);
    expect(error).toMatchObject({ code: 'PRICE_CHANGED', details });
  });

  test('a failed network call is NETWORK, and the next call tries the session again', async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(jsonResponse({ openid: 'dev-openid' }))
      .mockResolvedValueOnce(jsonResponse({ ok: true, data: profile }));

    await expect(callFunction('member', 'getProfile', {})).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(callFunction('member', 'getProfile', {})).resolves.toEqual(profile);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/dev/session', '/dev/session', '/fn/member']);
  });

  test('a reply that is not an envelope is NETWORK', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ openid: 'dev-openid' }))
      .mockResolvedValueOnce(jsonResponse({ message: 'Bad Gateway' }, 502));

    await expect(callFunction('member', 'getProfile', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });
});

describe('weapp', () => {
  const cloudCall = jest.mocked(Taro.cloud.callFunction as (param: unknown) => Promise<unknown>);

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  test('calls Taro.cloud.callFunction and unwraps res.result', async () => {
    cloudCall.mockResolvedValueOnce({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: profile } });

    await expect(callFunction('member', 'getProfile', {})).resolves.toEqual(profile);
    expect(cloudCall).toHaveBeenCalledWith({ name: 'member', data: { action: 'getProfile' } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test('a failed platform call is NETWORK', async () => {
    cloudCall.mockRejectedValueOnce({ errMsg: 'cloud.callFunction:fail Error: timeout' });

    await expect(callFunction('member', 'getProfile', {})).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'cloud.callFunction:fail Error: timeout',
    });
  });
});
