import type { Config } from 'jest';

/** Settings every Jest project shares: TypeScript through ts-jest and the `~/` aliases. */
export const shared: Config = {
  rootDir: '../..',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^~/types/(.*)$': '<rootDir>/types/$1',
    '^~/core/(.*)$': '<rootDir>/core/$1',
    '^~/server/(.*)$': '<rootDir>/server/$1',
    '^~/src/(.*)$': '<rootDir>/src/$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
