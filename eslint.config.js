// Flat config: typescript-eslint (needs typescript@5, hence not TypeScript 7), React hooks rules,
// and the house's layers as one table (each folder, and what it may import).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslint-layers.mjs';

/**
 * The layers, by runtime, as allow-lists: each row names its places, the rows it may import from
 * (`may`), the rows it may take types from (`typesFrom`) and the packages it may use (`node` is
 * Node's built-in modules). A file is in the row with the longest place that holds it; a file in
 * no row may import nothing. `*` (tests, benchmarks, scripts) may import anything.
 */
const RENDERER_HELPERS = ['renderer/lib', 'renderer/audio', 'renderer/quick'];
const LAYERS = [
  { name: 'assets', places: ['assets/'], may: [] },
  { name: 'common', places: ['common/'], may: ['assets'] },
  {
    name: 'electron/core',
    places: ['electron/core/'],
    may: ['common', 'assets'],
    packages: ['node', 'ws', 'conf', '@alexanderolsen/libsamplerate-js'],
  },
  {
    name: 'electron/desktop',
    places: ['electron/desktop/'],
    may: ['electron/core', 'common'],
    packages: ['node', 'electron'],
  },
  { name: 'electron/web', places: ['electron/web/'], may: ['electron/core', 'common'], packages: ['node', 'ws'] },
  {
    name: 'electron/main',
    places: ['electron/main.ts'],
    may: ['electron/desktop', 'electron/core', 'common'],
    packages: ['node', 'electron'],
  },
  { name: 'electron/preload', places: ['electron/preload.ts'], may: ['common'], packages: ['electron'] },
  { name: 'renderer/i18n', places: ['renderer/i18n/'], may: ['common'] },
  { name: 'renderer/log', places: ['renderer/log/'], may: ['common'], typesFrom: ['renderer/i18n'] },
  ...RENDERER_HELPERS.map((name) => ({
    name,
    places: [`${name}/`],
    may: ['common', ...RENDERER_HELPERS],
    typesFrom: ['renderer/i18n'],
  })),
  {
    name: 'renderer/store',
    places: ['renderer/store/'],
    may: ['common', 'renderer/log'],
    packages: ['zustand'],
    typesFrom: ['renderer/i18n'],
  },
  {
    name: 'renderer/bridge',
    places: ['renderer/bridge/'],
    may: ['renderer/store', 'renderer/log', 'common'],
    typesFrom: ['renderer/i18n'],
  },
  {
    name: 'renderer/actions',
    places: ['renderer/actions/'],
    may: ['renderer/bridge', 'renderer/store', 'renderer/log', ...RENDERER_HELPERS, 'common'],
    typesFrom: ['renderer/i18n'],
  },
  {
    name: 'renderer/components',
    places: ['renderer/components/'],
    may: ['renderer/actions', 'renderer/store', 'renderer/log', 'renderer/i18n', ...RENDERER_HELPERS, 'common'],
    packages: ['react'],
  },
  {
    name: 'renderer/app',
    places: ['renderer/app.tsx'],
    may: ['renderer/components', 'renderer/actions', 'renderer/store', 'common'],
    packages: ['react'],
  },
  { name: 'renderer/styles', places: ['renderer/styles/'], may: [] },
  {
    name: 'renderer/main',
    places: ['renderer/main.tsx'],
    may: ['renderer/app', 'renderer/styles', 'renderer/actions', 'renderer/bridge', 'renderer/store', 'common'],
    packages: ['react', 'react-dom'],
  },
  { name: 'tests', places: ['tests/'], may: ['*'], packages: ['*'] },
  { name: 'bench', places: ['bench/'], may: ['*'], packages: ['*'] },
  { name: 'scripts', places: ['scripts/'], may: ['*'], packages: ['*'] },
  {
    name: 'tool configs',
    places: [
      'eslint.config.js',
      'vite.config.ts',
      'vite.preload.config.ts',
      'vitest.config.ts',
      'playwright.config.ts',
    ],
    may: ['*'],
    packages: ['*'],
  },
];

/** DOM- or Node-only globals: code in common/ runs on both sides. */
const NOT_IN_COMMON = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'process',
  'Buffer',
  'require',
  '__dirname',
].map((name) => ({ name, message: 'common/ runs in the renderer and in Node: no DOM or Node globals.' }));

/** Raw ipcMain/ipcRenderer only in the typed IPC wrappers and the preload (as GitHub Desktop does). */
const RAW_IPC = { files: ['electron/**/*.ts'], ignores: ['electron/desktop/ipc.ts', 'electron/preload.ts'] };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021, TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_COMMON] },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { house: layersPlugin },
    rules: { 'house/layers': ['error', { rows: LAYERS }] },
  },
  {
    /* Tests wait for events and conditions; the one kind of wait that must let time pass goes through expectQuiet. */
    files: ['tests/**/*.{ts,tsx}'],
    ignores: ['tests/support/wait.ts', 'tests/support/fake-*.ts', 'tests/support/http-fake.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: 'Wait for an event or a condition, or use expectQuiet for an absence.',
        },
        {
          selector: "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout']",
          message: 'Wait for an event or a condition, or use expectQuiet for an absence.',
        },
      ],
    },
  },
  {
    ...RAW_IPC,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]',
          message:
            'Raw ipcMain/ipcRenderer only in electron/desktop/ipc.ts and electron/preload.ts: use the typed wrappers.',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
