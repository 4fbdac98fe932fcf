// ESLint for the whole repository (`npm run lint`): the recommended rules of ESLint,
// typescript-eslint and React's hooks plugin. Why it has a package of its own: docs/toolchain.md.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig([
  {
    ignores: ['**/node_modules/**', 'dist/**', 'dev-dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '**/*.min.js'],
  },
  {
    // A disable comment that no longer disables anything fails the lint.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  comments.recommended,
  {
    rules: {
      // Every disable names its rule and says why, after " -- ".
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      // A leading underscore marks a value that is left out on purpose (a rest sibling, an
      // argument a signature needs).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Off: it reports where the React Compiler would skip a component, and the app does not run
      // the compiler; the hand-written useMemo calls are the memoisation.
      'react-hooks/preserve-manual-memoization': 'off',
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,js,mjs}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'tools/**/*.js', 'relay/**/*.ts', 'live-protocol/**/*.ts', '.ci/**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
]);
