import { CloudError } from '../services/cloud';
import { attempt, refused } from './outcome';

test('a call that answers is ok with its value', async () => {
  expect(await attempt(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
});

test('a refused call fails with the CloudError, its code and its message', async () => {
  const refusal = new CloudError('OUT_OF_STOCK', '已经被抢光了');
  expect(await attempt(() => Promise.reject(refusal))).toEqual({
    ok: false,
    code: 'OUT_OF_STOCK',
    message: '已经被抢光了',
    error: refusal,
  });
});

test('anything else thrown fails as INTERNAL with its message', async () => {
  const outcome = await attempt(() => Promise.reject(new Error('boom')));
  expect(outcome).toMatchObject({ ok: false, code: 'INTERNAL', message: 'boom' });
  expect(!outcome.ok && outcome.error).toBeInstanceOf(CloudError);
});

test('a failure decided on the client has no CloudError', () => {
  expect(refused('NEEDS_INPUT', '请填写收货地址')).toEqual({ ok: false, code: 'NEEDS_INPUT', message: '请填写收货地址', error: null });
});
