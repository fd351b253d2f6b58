import type { Config } from 'jest';
import { shared } from './shared';

/** Component tests for the Taro client, rendered with the real H5 components in jsdom. */
export const ui: Config = {
  ...shared,
  displayName: 'ui',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.tsx'],
};
