import { prefixUpperBound, readMemberQuery, reversedMemberNo } from './member-search';
import { normalizePhone, phoneHash } from './phone-hash';

describe('member search', () => {
  it('tells a phone, a member number, part of one and a nickname apart', () => {
    expect(readMemberQuery(' 138 0013 8000 ', 'auto')).toEqual({ kind: 'phone', phone: '13800138000' });
    expect(readMemberQuery('+8613800138000', 'auto')).toEqual({ kind: 'phone', phone: '13800138000' });
    expect(readMemberQuery('4000000123', 'auto')).toEqual({ kind: 'memberNo', memberNo: '4000000123' });
    expect(readMemberQuery('0123', 'auto')).toEqual({ kind: 'memberNoPart', digits: '0123' });
    expect(readMemberQuery('12', 'auto')).toEqual({ kind: 'nickname', prefix: '12' });
    expect(readMemberQuery('小满', 'auto')).toEqual({ kind: 'nickname', prefix: '小满' });
    expect(readMemberQuery('   ', 'auto')).toMatchObject({ kind: 'invalid' });
  });

  it('follows the chosen mode, and says what it needs', () => {
    expect(readMemberQuery('1380013', 'phone')).toEqual({ kind: 'invalid', message: '请输入完整的11位手机号' });
    expect(readMemberQuery('888', 'nickname')).toEqual({ kind: 'nickname', prefix: '888' });
    expect(readMemberQuery('12', 'memberNo')).toMatchObject({ kind: 'invalid' });
    expect(readMemberQuery('123456', 'memberNo')).toEqual({ kind: 'memberNoPart', digits: '123456' });
  });

  it('turns suffixes into prefixes and prefixes into ranges', () => {
    expect(reversedMemberNo('4000000123')).toBe('3210000004');
    expect(prefixUpperBound('会员')).toBe('会呙');
    expect(prefixUpperBound('ab')).toBe('ac');
    expect(prefixUpperBound('a\uffff')).toBeNull();
    const names = ['会员', '会员1234', '会员😀', '会呙', '会'];
    const bound = prefixUpperBound('会员') as string;
    expect(names.filter((name) => name >= '会员' && name < bound)).toEqual(['会员', '会员1234', '会员😀']);
    // UTF-8 byte order (SQLite's) agrees: an astral character after the prefix still sorts below the bound.
    expect(Buffer.compare(Buffer.from('会员😀'), Buffer.from(bound))).toBe(-1);
  });

  it('hashes a phone under a secret, the same way every time', () => {
    expect(normalizePhone('0086 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('1380013800')).toBeNull();
    const hash = phoneHash('13800138000', 'secret-a');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(phoneHash('13800138000', 'secret-a')).toBe(hash);
    expect(phoneHash('13800138000', 'secret-b')).not.toBe(hash);
  });
});
