import type { UserConfigExport } from '@tarojs/cli';

/** Development overrides: readable output and build statistics in the log. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
