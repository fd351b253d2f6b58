import type { UserConfigExport } from '@tarojs/cli';

/** Production overrides: minified output without source maps, so package sizes are real. */
export default {
  mini: {
    enableSourceMap: false,
  },
  h5: {
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>;
