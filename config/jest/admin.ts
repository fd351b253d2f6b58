import type { Config } from 'jest';
import { shared } from './shared';

/** Component tests for the admin page (React + Ant Design) in jsdom. */
export const admin: Config = {
  ...shared,
  displayName: 'admin',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/admin/**/*.test.tsx'],
};
