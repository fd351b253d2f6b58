import type { Config } from 'jest';
import { shared } from './shared';

/** ESM packages under node_modules that the Taro H5 components pull in. */
const esmPackages = ['@tarojs', '@stencil', 'swiper', 'ssr-window', 'dom7', 'tslib', '@nutui'];

/** Component tests for the Taro client, rendered with the real H5 components in jsdom. */
export const ui: Config = {
  ...shared,
  displayName: 'ui',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  transform: {
    ...shared.transform,
    '^.+\\.m?jsx?$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }]],
      },
    ],
  },
  // Judge a file by its innermost node_modules folder: @tarojs/components nests a pnpm tree.
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)(?!.*/node_modules/)`],
  moduleNameMapper: {
    // Before the `~/src` alias: the first pattern that matches wins.
    '\\.(png|jpe?g|gif)$': '<rootDir>/config/jest/file-stub.ts',
    ...shared.moduleNameMapper,
    '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react/index',
    '^@tarojs/taro$': '<rootDir>/config/jest/taro-mock.ts',
    '^@nutui/nutui-react-taro$': '<rootDir>/config/jest/nutui-on-demand.ts',
    '\\.(css|scss|sass|less)$': '<rootDir>/config/jest/style-stub.ts',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
  setupFiles: ['<rootDir>/config/jest/ui-setup.ts'],
};
