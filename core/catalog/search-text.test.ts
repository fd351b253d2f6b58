import { keywordPatterns, normaliseSearchText, searchTextOf } from './search-text';

describe('search text', () => {
  it('folds full-width characters, case and white space', () => {
    expect(normaliseSearchText('  ＵＳＢ－Ｃ　数据线\t100W ')).toBe('usb-c 数据线 100w');
  });

  it('builds searchText from title, subtitle and keywords', () => {
    expect(searchTextOf({ title: '编织快充数据线', subtitle: 'USB-C · 100W', keywords: ['Type-C', '充电线'] })).toBe(
      '编织快充数据线 usb-c · 100w type-c 充电线',
    );
    expect(searchTextOf({ title: '每日坚果', subtitle: '' })).toBe('每日坚果');
  });

  it('turns a keyword into literal patterns, one per distinct word, at most five', () => {
    expect(keywordPatterns('Ｃ++ (new)')).toEqual(['c\\+\\+', '\\(new\\)']);
    expect(keywordPatterns('咖啡  咖啡 豆')).toEqual(['咖啡', '豆']);
    expect(keywordPatterns('a b c d e f g')).toHaveLength(5);
    const [pattern] = keywordPatterns('1.5m床');
    expect(new RegExp(pattern as string).test('1.5m床')).toBe(true);
    expect(new RegExp(pattern as string).test('105m床')).toBe(false);
  });
});
