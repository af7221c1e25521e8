// Flat config: typescript-eslint (needs typescript@5, hence not TypeScript 7) and React hooks rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      /* The renderer never imports node or electron. */
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'fs', 'path', 'os', 'child_process', 'ws'],
          patterns: [{ group: ['node:*'], message: 'The renderer never imports node.' }, { regex: 'electron/(core|main|web)/', message: 'Talk to the core through window.api.' }],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts', 'electron/contract.ts', 'electron/api.ts'],
    languageOptions: { globals: globals.node },
    /* The core and browser mode run without Electron. */
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  { files: ['electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
);
