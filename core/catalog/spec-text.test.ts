import { specText } from './spec-text';

describe('specText', () => {
  it('names each spec with its value, and is empty without specs', () => {
    const specs = [
      { name: '颜色', values: ['红', '蓝'] },
      { name: '尺码', values: ['M', 'L'] },
    ];
    expect(specText(specs, ['红', 'M'])).toBe('颜色:红 / 尺码:M');
    expect(specText([{ name: '规格', values: ['250g'] }], ['250g'])).toBe('规格:250g');
    expect(specText([], [])).toBe('');
  });
});
