/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
import { shared } from './config/jest/shared';
import { admin } from './config/jest/admin';
import { ui } from './config/jest/ui';

/** One runner for everything: unit, ui, admin, contract, integration, weapp and e2e projects. */
const config: Config = {
  projects: [
    {
      ...shared,
      rootDir: '.',
      displayName: 'unit',
      testEnvironment: 'node',
      // Use cases run through the real SDK against a local cloud; their races of 100 callers need more than 5 s on a busy
      // machine. (A project's `testTimeout` is ignored: Jest reads it from the top level only, so the setup file sets it.)
      setupFilesAfterEnv: ['<rootDir>/config/jest/slow-setup.ts'],
      testMatch: ['<rootDir>/{core,server,local-cloud,scripts,config}/**/*.test.ts'],
    },
    { ...ui, rootDir: '.' },
    { ...admin, rootDir: '.' },
    {
      ...shared,
      rootDir: '.',
      displayName: 'contract',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/config/jest/slow-setup.ts'],
      testMatch: ['<rootDir>/tests/contract/**/*.test.ts'],
    },
    {
      ...shared,
      rootDir: '.',
      displayName: 'integration',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/config/jest/slow-setup.ts'],
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      ...shared,
      rootDir: '.',
      // The built mini-program: its bundles in a logic layer of their own, its templates in a view layer (tests/weapp/support).
      displayName: 'weapp',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/config/jest/slow-setup.ts'],
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
    },
    {
      ...shared,
      rootDir: '.',
      displayName: 'e2e',
      testEnvironment: 'node',
      setupFilesAfterEnv: ['<rootDir>/config/jest/slow-setup.ts'],
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};

export default config;
