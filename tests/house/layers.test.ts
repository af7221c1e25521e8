/**
 * The house's layers, as `npm run lint` enforces them: for each rule, a probe that breaks it is
 * refused with a message naming the layer, and a plain module in each folder is accepted.
 * Probes are linted as text under a path in the folder; no file is written into the tree.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { findCycles } from '../../scripts/check-cycles.mjs';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId !== null).map((m) => `${m.ruleId}: ${m.message}`);
}

const PROBES: [string, string, RegExp][] = [
  [
    'common/probe.ts',
    "import { Panel } from '../electron/core/panel.js';\nexport const x = Panel;",
    /common may import assets; not electron\/core/,
  ],
  [
    'common/probe.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    /common may import assets; not the package 'node'/,
  ],
  ['common/probe.ts', 'export const x = document.title;', /no DOM or Node globals/],
  [
    'electron/core/probe.ts',
    "import { app } from 'electron';\nexport const x = app;",
    /electron\/core may import common, .*; not the package 'electron'/,
  ],
  [
    'electron/core/probe.ts',
    "import { create } from 'zustand';\nexport const x = create;",
    /electron\/core may import .*; not the package 'zustand'/,
  ],
  [
    'electron/core/probe.ts',
    "import { setupQuit } from '../desktop/quit.js';\nexport const x = setupQuit;",
    /electron\/core may import .*; not electron\/desktop/,
  ],
  [
    'electron/core/probe.ts',
    "import { startWebServer } from '../web/web-server.js';\nexport const x = startWebServer;",
    /electron\/core may import .*; not electron\/web/,
  ],
  [
    'electron/web/probe.ts',
    "import { setupQuit } from '../desktop/quit.js';\nexport const x = setupQuit;",
    /electron\/web may import electron\/core, common, .*; not electron\/desktop/,
  ],
  [
    'electron/desktop/probe.ts',
    "import { useStore } from '../../renderer/store/index.js';\nexport const x = useStore;",
    /electron\/desktop may import .*; not renderer\/store/,
  ],
  [
    'electron/preload.ts',
    "import { Panel } from './core/panel.js';\nexport const x = Panel;",
    /electron\/preload may import common, electron; not electron\/core/,
  ],
  [
    'renderer/lib/probe.ts',
    "import type { Panel } from '../../electron/core/panel';\nexport type X = Panel;",
    /renderer\/lib may import .*; not electron\/core/,
  ],
  [
    'renderer/components/probe.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
    /renderer\/components may import .*; not the package 'node'/,
  ],
  [
    'renderer/store/probe.ts',
    "import { getApi } from '../bridge/connect';\nexport const x = getApi;",
    /renderer\/store may import .*; not renderer\/bridge/,
  ],
  [
    'renderer/store/probe.ts',
    "import { translate } from '../i18n';\nexport const x = translate;",
    /Only types from renderer\/i18n/,
  ],
  [
    'renderer/log/probe.ts',
    "import { useStore } from '../store';\nexport const x = useStore;",
    /renderer\/log may import common; not renderer\/store/,
  ],
  [
    'renderer/bridge/probe.ts',
    "import { sendDraft } from '../actions/compose';\nexport const x = sendDraft;",
    /renderer\/bridge may import .*; not renderer\/actions/,
  ],
  [
    'renderer/actions/probe.ts',
    "import { App } from '../components/../app';\nimport { Composer } from '../components/Composer';\nexport const x = [App, Composer];",
    /renderer\/actions may import .*; not renderer\/components/,
  ],
  [
    'renderer/components/probe.ts',
    "import { getApi } from '../bridge/connect';\nexport const x = getApi;",
    /renderer\/components may import .*; not renderer\/bridge/,
  ],
  [
    'renderer/i18n/probe.ts',
    "import { useStore } from '../store';\nexport const x = useStore;",
    /renderer\/i18n may import common; not renderer\/store/,
  ],
  [
    'electron/web/probe.ts',
    "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
    /Raw ipcMain\/ipcRenderer only/,
  ],
  /* A folder that no row names may import nothing, not even common/: it must be given a row first. */
  [
    'electron/newroom/probe.ts',
    "import { useStore } from '../../renderer/store/index.js';\nexport const x = useStore;",
    /a folder no row names may import nothing/,
  ],
  [
    'electron/newroom/probe.ts',
    "import type { Problem } from '../../common/problems.js';\nexport type P = Problem;",
    /a folder no row names may import nothing/,
  ],
  [
    'renderer/newroom/probe.ts',
    "import { useStore } from '../store';\nexport const x = useStore;",
    /a folder no row names may import nothing/,
  ],
  [
    'renderer/newroom/probe.ts',
    "import { useState } from 'react';\nexport const x = useState;",
    /a folder no row names may import nothing/,
  ],
];

const PLAIN: [string, string][] = [
  [
    'common/probe.ts',
    "import type { Problem } from './contract.js';\nexport const noAgent: Problem = { key: 'noAgent' };",
  ],
  [
    'electron/core/probe.ts',
    "import { splitCompose } from '../../common/wire-rules.js';\nimport { join } from 'node:path';\nexport const x = [splitCompose, join];",
  ],
  [
    'electron/desktop/probe.ts',
    "import { app } from 'electron';\nimport type { Panel } from '../core/panel.js';\nexport const x = app;\nexport type P = Panel;",
  ],
  ['electron/web/probe.ts', "import { Panel } from '../core/panel.js';\nexport const x = Panel;"],
  [
    'renderer/store/probe.ts',
    "import type { Words } from '../i18n';\nimport { LogBuffer } from './log-buffer';\nexport const x = LogBuffer;\nexport type W = Words;",
  ],
  ['renderer/bridge/probe.ts', "import { useStore } from '../store';\nexport const x = useStore;"],
  [
    'renderer/actions/probe.ts',
    "import { getApi } from '../bridge/connect';\nimport { useStore } from '../store';\nexport const x = [getApi, useStore];",
  ],
  [
    'renderer/components/probe.ts',
    "import { sendDraft } from '../actions/compose';\nimport { translate } from '../i18n';\nimport { useStore } from '../store';\nexport const x = [sendDraft, translate, useStore];",
  ],
  [
    'renderer/i18n/probe.ts',
    "import { fillTemplate } from '../../common/fill-template';\nexport const x = fillTemplate;",
  ],
  ['renderer/audio/probe.ts', "import type { Words } from '../i18n';\nexport const x: Words = { raw: '' };"],
];

describe('the lint table of layers', () => {
  it.each(PROBES)('refuses %s breaking its layer', async (path, code, message) => {
    expect((await problems(path, code)).join('\n')).toMatch(message);
  });

  it.each(PLAIN)('accepts a plain module in %s', async (path, code) => {
    expect(await problems(path, code)).toEqual([]);
  });
});

describe('the import-cycle check', () => {
  it('finds a cycle through value imports and ignores one made only of types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-cycles-'));
    mkdirSync(join(dir, 'store'));
    const file = (name: string, text: string): string => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const a = file('a.ts', "import { b } from './b.js';\nexport const a = b;");
    const b = file('b.ts', "import { c } from './store/c';\nexport const b = c;");
    const c = file('store/c.ts', "import { a } from '../a.js';\nexport const c = a;");
    const d = file('d.ts', "import type { E } from './e';\nexport type D = E;");
    const e = file('e.ts', "import type { D } from './d';\nexport type E = D;");
    expect(findCycles([a, b, c, d, e])).toEqual([[a, b, c, a]]);
    expect(findCycles([d, e])).toEqual([]);
  });
});
