import { describe, expect, it } from '@jest/globals';
import { parseMemberIds } from './campaign-members';

describe('campaign members pasted one per line', () => {
  it('keeps distinct ids in order, skipping blank lines and spaces', () => {
    expect(parseMemberIds(' m1 \n\nm2\r\nm1\nm_3-x\n')).toEqual({ ids: ['m1', 'm2', 'm_3-x'], duplicates: 1, problem: null });
  });

  it('names the first line that is not a member id, and refuses none or more than 100', () => {
    expect(parseMemberIds('m1\nm 2\nm3').problem).toBe('第 2 行「m 2」不是有效的会员 ID');
    expect(parseMemberIds(' \n ').problem).toBe('请填写会员 ID，每行一个');
    const many = Array.from({ length: 101 }, (_, n) => `m${n}`).join('\n');
    expect(parseMemberIds(many).problem).toBe('一次最多发放 100 位会员，当前 101 位');
    expect(parseMemberIds(many.split('\n').slice(0, 100).join('\n')).problem).toBeNull();
  });
});
