// Flat config: typescript-eslint (needs typescript@5, hence not TypeScript 7), React hooks rules,
// and the house's layers as one table (each folder, and what it may import).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'stream', 'url', 'util', 'buffer', 'events', 'worker_threads'];

/** Import patterns that reach a folder of the project from anywhere in it. */
const reach = (...folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);

/**
 * The layers, by runtime. `may` says in words where a layer may reach; `deny` are the import
 * patterns that break it. `typesFrom` lists folders whose types (not values) it may use.
 */
const RENDERER = [...reach('electron'), ...NODE, 'electron', 'ws'];
const LAYERS = [
  { files: ['common/**/*.ts'], may: 'nothing of the project (no node, electron or DOM)', deny: [...reach('electron', 'renderer', 'tests', 'bench'), ...NODE, 'electron', 'ws', 'react', 'react-dom', 'zustand'] },
  { files: ['electron/core/**/*.ts'], may: 'common/ only (never electron, desktop/ or web/)', deny: [...reach('renderer', 'desktop', 'web'), '../main*', '../preload*', '**/electron/main*', '**/electron/preload*', 'electron', 'react', 'react-dom', 'zustand'] },
  { files: ['electron/main.ts'], may: 'desktop/, core/ and common/ (it is the desktop entry)', deny: [...reach('renderer', 'web'), 'react', 'react-dom', 'zustand'] },
  { files: ['electron/preload.ts'], may: 'common/ and electron (a sandboxed preload)', deny: [...reach('renderer', 'core', 'desktop', 'web'), ...NODE, 'react', 'react-dom', 'zustand'] },
  { files: ['electron/web/**/*.ts'], may: 'core/ and common/ (browser mode runs without Electron)', deny: [...reach('renderer', 'desktop'), 'electron', 'react', 'react-dom', 'zustand'] },
  { files: ['electron/desktop/**/*.ts'], may: 'core/ and common/', deny: [...reach('renderer', 'web'), 'react', 'react-dom', 'zustand'] },
  { files: ['renderer/**/*.{ts,tsx}'], may: 'common/ only (never electron/ or node)', deny: RENDERER },
  { files: ['renderer/store/**/*.ts'], may: 'common/ and its own files (and i18n types)', deny: [...RENDERER, ...reach('bridge', 'actions', 'components', 'audio', 'quick', 'lib')], typesFrom: reach('i18n') },
  { files: ['renderer/i18n/**/*.ts'], may: 'common/ only: words are pure, components say them', deny: [...RENDERER, ...reach('store', 'bridge', 'actions', 'components', 'audio', 'quick', 'lib')] },
  { files: ['renderer/audio/**/*.ts', 'renderer/quick/**/*.ts', 'renderer/lib/**/*.ts'], may: 'common/ and each other (helpers without state)', deny: [...RENDERER, ...reach('store', 'bridge', 'actions', 'components')], typesFrom: reach('i18n') },
  { files: ['renderer/bridge/**/*.ts'], may: 'the store', deny: [...RENDERER, ...reach('actions', 'components', 'audio', 'quick', 'lib')], typesFrom: reach('i18n') },
  { files: ['renderer/actions/**/*.ts'], may: 'the bridge, the store and the helpers', deny: [...RENDERER, ...reach('components')], typesFrom: reach('i18n') },
  { files: ['renderer/components/**/*.{ts,tsx}', 'renderer/app.tsx'], may: 'the store, actions, i18n and helpers (never the bridge)', deny: [...RENDERER, ...reach('bridge')] },
];

/** DOM- or Node-only globals: code in common/ runs on both sides. */
const NOT_IN_COMMON = ['window', 'document', 'navigator', 'location', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({ name, message: 'common/ runs in the renderer and in Node: no DOM or Node globals.' }));

/** Raw ipcMain/ipcRenderer only in the typed IPC wrappers and the preload (as GitHub Desktop does). */
const RAW_IPC = { files: ['electron/**/*.ts'], ignores: ['electron/desktop/ipc.ts', 'electron/preload.ts'] };

function layerRule({ files, may, deny, typesFrom = [] }) {
  const message = `${files[0].split('/**')[0]} may import ${may}.`;
  const patterns = [{ group: deny, message }];
  if (typesFrom.length) patterns.push({ group: typesFrom, message: `${message} Only types from here (import type).`, allowTypeImports: true });
  return { files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

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
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser }, plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['common/**/*.ts'], languageOptions: { globals: { ...globals.es2021, TextEncoder: 'readonly', TextDecoder: 'readonly' } }, rules: { 'no-restricted-globals': ['error', ...NOT_IN_COMMON] } },
  ...LAYERS.map(layerRule),
  {
    ...RAW_IPC,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Raw ipcMain/ipcRenderer only in electron/desktop/ipc.ts and electron/preload.ts: use the typed wrappers.' },
      ],
    },
  },
  { files: ['electron/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
);
