import type { Config } from 'jest';
import { shared } from './shared';

/** Component tests for the admin page (React + Ant Design) in jsdom. */
export const admin: Config = {
  ...shared,
  displayName: 'admin',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/admin/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/config/jest/admin-setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/config/jest/admin-after-env.ts'],
  moduleNameMapper: {
    ...shared.moduleNameMapper,
    // @ant-design/icons' CommonJS build requires an ES-module file of @ant-design/colors.
    '^@ant-design/colors/es/(.*)$': '@ant-design/colors/lib/$1',
    // The charts draw on a canvas, which jsdom lacks: tests read the rows a chart is given instead.
    '^@ant-design/plots$': '<rootDir>/config/jest/plots-stub.tsx',
  },
};
