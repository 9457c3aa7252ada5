// @ts-check
// Lint: the recommended sets of ESLint, typescript-eslint and eslint-plugin-astro. A rule the code
// breaks in more than a handful of places is switched off below with the reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-editor/',
      'dist-sites/',
      '**/.astro/',
      '.tmp/',
      'data/',
      'bench/tmp/',
      'node_modules/',
      'public/',
      'content/',
      'tests/fixtures/content/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Logs, request paths, comments and URLs are cleaned of control characters on purpose, in five places.
      'no-control-regex': 'off',
      // A leading underscore marks a value left out on purpose (`const { hash: _hash, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
