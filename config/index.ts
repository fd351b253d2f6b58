import { createHash } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { UserConfigExport } from '@tarojs/cli';
import { designWidth } from './design-width';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');

/** Folders outside `src` whose TypeScript the client imports. */
const sharedSources = [path.resolve(root, 'types'), path.resolve(root, 'core')];

/** Taro build configuration shared by the weapp and H5 targets. */
export default defineConfig<'webpack5'>((merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'loyalty-mall',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '~/types': path.resolve(root, 'types'),
      '~/core': path.resolve(root, 'core'),
      '~/src': path.resolve(root, 'src'),
    },
    env: {
      // Empty means "the environment selected in WeChat DevTools" (see src/app.ts).
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // `topic=templateId` pairs, comma-separated (see src/config/subscription-templates.ts).
      TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? ''),
    },
    framework: 'react',
    compiler: 'webpack5',
    // One cache per checkout: node_modules may be shared by several checkouts, and one cache written by
    // builds of different checkouts produced weapp pages that require modules no chunk defines.
    cache: {
      enable: true,
      name: `${process.env.NODE_ENV}-${process.env.TARO_ENV}-${createHash('sha256').update(root).digest('hex').slice(0, 12)}`,
    },
    mini: {
      // The client may import values from the pure shared folders (DESIGN.md section 2): compile them too.
      compile: { include: sharedSources },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: sharedSources },
      // NutUI ships ES modules; compile them for the H5 targets as Taro does for the weapp.
      esnextModules: ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'],
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // H5 is the local preview and test target; scripts/size-weapp.ts gates the real budget.
        chain.performance.hints(false);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
