import { decodeCursor, encodeCursor } from './keyset-page';
import { CodedError } from '~/core/coded-error';

describe('list cursor', () => {
  it('reads back what it wrote', () => {
    const cursor = { v: 1_717_171_717_000, id: 'centre:ct1:m1:abcdefgh' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything else as VALIDATION_FAILED on the cursor field', () => {
    const forged = [
      'not-base64-json',
      Buffer.from('{"v":"1","id":"x"}').toString('base64url'),
      Buffer.from('{"v":1}').toString('base64url'),
      Buffer.from('null').toString('base64url'),
      Buffer.from('{"v":1e999,"id":"x"}').toString('base64url'),
    ];
    for (const text of forged) {
      let caught: unknown;
      try {
        decodeCursor(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CodedError);
      expect((caught as CodedError).toApi()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'cursor' } });
    }
  });
});
