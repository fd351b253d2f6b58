import { heldValuesRemoved, movedCounts, normaliseTagValues, parseTagImport, tagIdFromName, TAG_ID_PATTERN } from './tag-rules';

describe('tag values', () => {
  it('are trimmed and kept in order', () => {
    expect(normaliseTagValues([' 油性 ', '干性', '38.5'])).toEqual({ values: ['油性', '干性', '38.5'] });
  });

  it('refuse none, blanks, duplicates after trimming, too many and too long', () => {
    expect(normaliseTagValues([])).toEqual({ error: '请至少填写一个可选值' });
    expect(normaliseTagValues(['a', ' '])).toEqual({ error: '可选值不能为空' });
    expect(normaliseTagValues(['油性', ' 油性'])).toEqual({ error: '可选值「油性」重复' });
    expect(normaliseTagValues(Array.from({ length: 51 }, (_, i) => `v${i}`))).toEqual({ error: '可选值最多 50 个' });
    expect(normaliseTagValues(Array.from({ length: 50 }, (_, i) => `v${i}`))).toHaveProperty('values');
    expect(normaliseTagValues(['字'.repeat(33)])).toHaveProperty('error');
    expect(normaliseTagValues(['字'.repeat(32)])).toEqual({ values: ['字'.repeat(32)] });
  });
});

describe('tag ids from names', () => {
  it('keep an ASCII name as a slug and hash a Chinese one, stably', () => {
    expect(tagIdFromName('Shoe Size')).toBe('shoe-size');
    const id = tagIdFromName('肤质');
    expect(id).toMatch(TAG_ID_PATTERN);
    expect(tagIdFromName(' 肤质 ')).toBe(id);
    expect(tagIdFromName('发质')).not.toBe(id);
  });
});

describe('value counts', () => {
  it('move one member from a value to another, dropping values no one holds', () => {
    expect(movedCounts({ 油性: 1, 干性: 2 }, '油性', '干性')).toEqual({ 干性: 3 });
    expect(movedCounts({}, null, '油性')).toEqual({ 油性: 1 });
    expect(movedCounts({ 油性: 2 }, '油性', null)).toEqual({ 油性: 1 });
  });

  it('name the held values an edit would remove', () => {
    expect(heldValuesRemoved({ 油性: 3, 干性: 1 }, ['干性', '中性'])).toEqual([{ value: '油性', members: 3 }]);
    expect(heldValuesRemoved({ 油性: 3 }, ['油性'])).toEqual([]);
  });
});

describe('tag imports', () => {
  const allowed = ['油性', '干性', '38.5'];

  it('read memberNo,value lines, skipping a header, blank lines and a BOM; an empty value clears', () => {
    const text = '\uFEFFmemberNo,value\r\n1000000001,油性\r\n\r\n"1000000002", 38.5 \n1000000003,\n';
    expect(parseTagImport(text, allowed)).toEqual({
      rows: [
        { line: 2, memberNo: '1000000001', value: '油性' },
        { line: 4, memberNo: '1000000002', value: '38.5' },
        { line: 5, memberNo: '1000000003', value: null },
      ],
      errors: [],
    });
  });

  it('report every bad line by its number', () => {
    const text = ['1000000001,油性', '12345,油性', '1000000002,混合', '1000000001,干性', '1000000003,干性,多余'].join('\n');
    expect(parseTagImport(text, allowed).errors).toEqual([
      { line: 2, message: '会员号「12345」须为 10 位数字' },
      { line: 3, message: '「混合」不是该标签的可选值' },
      { line: 4, message: '会员号 1000000001 与第 1 行重复' },
      { line: 5, message: '每行只能有会员号和标签值两列' },
    ]);
  });

  it('count a quoted line break in the line numbers', () => {
    expect(parseTagImport('1000000001,"油\n性"\n1000000002,x', allowed).errors.map((e) => e.line)).toEqual([2, 3]);
  });

  it('refuse more than 5,000 rows at once', () => {
    const text = Array.from({ length: 5001 }, (_, i) => `${1000000000 + i},油性`).join('\n');
    expect(parseTagImport(text, allowed)).toEqual({ rows: [], errors: [{ line: 0, message: '每次最多导入 5000 行，请分批导入' }] });
  });
});
