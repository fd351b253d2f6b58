import { describe, expect, it } from '@jest/globals';
import { AdminApiError } from './client';
import { describeActionError } from './error-messages';
import { outcomeOf } from './outcome';

describe('outcomeOf', () => {
  it('answers the value of a call that succeeds', async () => {
    expect(await outcomeOf(async () => 42)).toEqual({ ok: true, value: 42 });
  });

  it('words a failure with the given describer and keeps its code', async () => {
    const refused = () => Promise.reject(new AdminApiError('INVALID_STATE', '提货码无效'));

    expect(await outcomeOf(refused)).toEqual({
      ok: false,
      failure: { code: 'INVALID_STATE', message: '当前状态下不能执行此操作，请刷新后重试', sessionLost: false },
    });
    expect(await outcomeOf(refused, describeActionError)).toEqual({
      ok: false,
      failure: { code: 'INVALID_STATE', message: '提货码无效', sessionLost: false },
    });
  });

  it('words a throttled attempt with the wait, and a validation message without its field name', async () => {
    const throttled = await outcomeOf(
      () => Promise.reject(new AdminApiError('TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retryAfterMs: 90_000 })),
      describeActionError,
    );
    expect(throttled).toMatchObject({ ok: false, failure: { message: '尝试次数过多，请 2 分钟后再试' } });

    const invalid = await outcomeOf(
      () => Promise.reject(new AdminApiError('VALIDATION_FAILED', 'storeId: 门店经理需要指定门店')),
      describeActionError,
    );
    expect(invalid).toMatchObject({ ok: false, failure: { message: '门店经理需要指定门店' } });
  });

  it('keeps the details the server sent with a failure', async () => {
    const outcome = await outcomeOf(
      () => Promise.reject(new AdminApiError('PRICE_CHANGED', '退款金额已变为 ¥89.00', { preview: { amountFen: 8_900 } })),
      describeActionError,
    );

    expect(outcome).toEqual({
      ok: false,
      failure: { code: 'PRICE_CHANGED', message: '退款金额已变为 ¥89.00', sessionLost: false, details: { preview: { amountFen: 8_900 } } },
    });
  });

  it('marks a session the server refuses, with the message for the login screen', async () => {
    const outcome = await outcomeOf(() => Promise.reject(new AdminApiError('SESSION_EXPIRED', '会话已过期')), describeActionError);

    expect(outcome).toEqual({ ok: false, failure: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录', sessionLost: true } });
  });

  it('turns an error that is not from a call into the generic message', async () => {
    const outcome = await outcomeOf(() => {
      throw new TypeError('boom');
    });

    expect(outcome).toEqual({ ok: false, failure: { code: null, message: '出现未知错误，请稍后重试', sessionLost: false } });
  });
});
