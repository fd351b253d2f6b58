import fc from 'fast-check';
import { CSV_BOM, csvField, csvLine, parseCsv } from './csv';

describe('CSV fields and lines', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('王小明')).toBe('王小明');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说 "你好"')).toBe('"说 ""你好"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
    expect(csvField(' 前有空格')).toBe('" 前有空格"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe('"\t=SUM(A1)"');
    expect(parseCsv(csvLine(['=SUM(A1)', '-5']))).toEqual([['=SUM(A1)', '-5']]);
  });

  it('reads back exactly what it wrote, whatever the text, after a BOM', () => {
    // A leading tab is the formula guard's mark, so fields are drawn without one.
    const field = fc.string({ unit: 'grapheme' }).filter((text) => !text.startsWith('\t'));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = CSV_BOM + rows.map((row) => csvLine(row)).join('');
        expect(text.startsWith(CSV_BOM)).toBe(true);
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});
