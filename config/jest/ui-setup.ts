// Client code branches on the build platform; component tests run the H5 branch.
process.env.TARO_ENV = 'h5';

// NutUI animates its dialogs and popups with react-transition-group, which still calls
// findDOMNode; React 18 warns about that on every open. Only that warning is dropped.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('Warning: findDOMNode is deprecated')) return;
  consoleError(...args);
};

export {};
