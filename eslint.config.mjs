import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Import bans that enforce the one dependency direction (DESIGN.md section 2). */
const banned = {
  types: ['core', 'server', 'cloudfunctions', 'local-cloud', 'src', 'admin'],
  core: ['server', 'cloudfunctions', 'local-cloud', 'src', 'admin'],
  server: ['cloudfunctions', 'local-cloud', 'src', 'admin'],
  cloudfunctions: ['local-cloud', 'src', 'admin'],
  'local-cloud': ['core', 'server', 'cloudfunctions', 'src', 'admin'],
  src: ['server', 'cloudfunctions', 'local-cloud', 'admin'],
  admin: ['server', 'cloudfunctions', 'local-cloud', 'src'],
};
const platformOnly = {
  'wx-server-sdk': ['server', 'local-cloud'],
  '@tarojs/*': ['src'],
};

/** Relative spellings of a top-level folder from up to six levels deep. */
function relativeTo(dir) {
  return [1, 2, 3, 4, 5, 6].flatMap((depth) => ['../'.repeat(depth) + dir, '../'.repeat(depth) + dir + '/**']);
}

function zone(folder) {
  const patterns = banned[folder].map((dir) => ({
    group: [`~/${dir}/*`, ...relativeTo(dir)],
    message: `${folder}/ must not import ${dir}/ (see DESIGN.md section 2).`,
  }));
  for (const [pkg, allowed] of Object.entries(platformOnly)) {
    if (!allowed.includes(folder)) {
      patterns.push({ group: [pkg], message: `Only ${allowed.join(' and ')} may import ${pkg}.` });
    }
  }
  if (folder === 'core' || folder === 'types') {
    patterns.push({
      group: ['node:*', 'fs', 'path', 'http', 'crypto', 'better-sqlite3', 'react', 'react-dom'],
      message: `${folder}/ is pure: no I/O, no platform.`,
    });
  }
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    // Tests beside the code may start a local cloud and use the shared test support.
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.local-cloud/',
      '.cache/',
      'cloudfunctions/*/index.js',
      'tests/fixtures/functions/*/index.js',
      'coverage/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A named import keeps all of zod (with its locales) in every function bundle; the namespace form lets esbuild drop the rest.
    files: ['types/**/*.ts', 'core/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'][importKind='value'] > ImportSpecifier",
          message: "Import zod as a namespace (import * as z from 'zod') so function bundles keep only what the schemas use.",
        },
      ],
    },
  },
  ...Object.keys(banned).map(zone),
);
