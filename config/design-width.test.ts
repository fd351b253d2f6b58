import vm from 'node:vm';
import { designWidth } from './design-width';

describe('designWidth as the app bundle runs it', () => {
  // Taro inlines the function's source into the bundle: it must work with no other names in scope.
  const inlined = vm.runInNewContext(`(${designWidth.toString()})`, Object.create(null)) as typeof designWidth;

  it('answers 750 for a size or our stylesheets, 375 for NutUI’s', () => {
    expect(inlined(32)).toBe(750);
    expect(inlined()).toBe(750);
    expect(inlined({ file: '/work/src/pages/home/index.scss' })).toBe(750);
    expect(inlined({ file: 'C:\\app\\node_modules\\@nutui\\nutui-react-taro\\dist\\button.scss' })).toBe(375);
  });
});
