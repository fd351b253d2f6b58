import { describe, expect, it } from '@jest/globals';
import { inBatches, parseMemberNumbers } from './member-numbers';

describe('member numbers from a paste or a CSV file', () => {
  it('reads one per line, dropping blanks and repeats', () => {
    expect(parseMemberNumbers('8602417735\n\n 8602417736 \n8602417735\r\n')).toEqual({
      numbers: ['8602417735', '8602417736'],
      duplicates: 1,
      problem: null,
    });
  });

  it('reads the first column of a CSV file with a BOM, a header and quotes', () => {
    const csv = '\uFEFF会员号,昵称\r\n"8602417735",小明\r\n8602417736,"王, 五"\r\n';
    expect(parseMemberNumbers(csv)).toMatchObject({ numbers: ['8602417735', '8602417736'], problem: null });
  });

  it('names the first line that is not a member number, and an empty list', () => {
    expect(parseMemberNumbers('8602417735\nabc123').problem).toBe('第 2 行「abc123」不是有效的会员号');
    expect(parseMemberNumbers('\n \n').problem).toBe('请填写会员号，每行一个，或上传 CSV 文件');
  });

  it('splits a list into the server’s batches', () => {
    expect(inBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
