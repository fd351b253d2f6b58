/**
 * `@nutui/nutui-react-taro` for component tests, resolved per component as babel-plugin-import
 * does in the build (`Button` → the default export of `dist/es/packages/button`). Loading the library's whole module
 * build instead costs seconds per test file and drags in players that need a real canvas.
 */
const packages = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = new Proxy({} as Record<string, unknown>, {
  get(_target, name) {
    if (name === '__esModule') return true;
    if (typeof name !== 'string' || !/^[A-Z]/.test(name)) return undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`${packages}/${name.toLowerCase()}`) as { default: unknown }).default;
  },
});
