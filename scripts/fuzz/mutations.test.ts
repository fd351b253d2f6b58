import { MUTATIONS, mutate, random } from './mutations';

describe('the fuzzer’s requests', () => {
  it('makes the same cases from the same seed', () => {
    const cases = () => {
      const next = random(7);
      return MUTATIONS.map((mutation) => JSON.stringify(mutate({ action: 'a', id: 'x1', n: 3, list: ['p'] }, mutation, next, ['other'])));
    };
    expect(cases()).toEqual(cases());
  });

  it('breaks a valid request in each way and keeps it sendable as JSON', () => {
    const next = random(3);
    const base = { action: 'updateAddress', addressId: 'a1', name: '张三', tags: ['home'], detail: { room: '1201' } };
    for (const mutation of MUTATIONS) {
      const request = mutate(base, mutation, next, ['someone-elses-id']);
      expect(JSON.parse(JSON.stringify(request))).toEqual(request);
      expect(request.action).toBe('updateAddress');
      if (mutation === 'valid') expect(request).toEqual(base);
      else expect(JSON.stringify(request)).not.toBe(JSON.stringify(base));
    }
  });

  it('adds prototype keys as own fields of the request, as a JSON body carries them', () => {
    const request = mutate({ action: 'me' }, 'prototypeKeys', random(1), []);
    expect(Object.keys(request).some((key) => ['__proto__', 'constructor', 'prototype'].includes(key))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
