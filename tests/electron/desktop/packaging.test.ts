/**
 * What the packaged app must be, read from the builder config's meaning rather than restated:
 * every file the app loads at run time is inside what it packs, the fuses close the doors an
 * attacker would use, the macOS build may use the microphone, and app:// serves the renderer
 * with its CSP and nothing outside it. Nothing here needs a build first.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../../electron/core/csp.js';

const handlers: ((req: Request) => Promise<Response>)[] = [];
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (_s: string, fn: (req: Request) => Promise<Response>) => handlers.push(fn),
  },
}));

interface BuilderConfig {
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string };
  mac: { target: string[]; entitlements: string; extendInfo: Record<string, string>; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string };
}

const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };

/** electron-builder's rule: a file is packed when it matches an include pattern and no later `!` pattern. */
function packed(file: string): boolean {
  let inside = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(file, pattern.slice(1))) inside = false;
    } else if (matchesGlob(file, pattern)) inside = true;
  }
  return inside;
}

describe('packaging', () => {
  it('packs every file the app loads at run time, and no source maps', () => {
    /* The entry, the bundled preload (window.ts loads ../preload.cjs beside the desktop folder), the page, and the data the core imports. */
    const needed = [
      pkg.main,
      'dist/node/electron/preload.cjs',
      'dist/node/electron/desktop/window.js',
      'dist/node/common/contract.js',
      'dist/node/assets/message-catalog.json',
      'dist/renderer/index.html',
      'dist/renderer/assets/index.js',
      'package.json',
    ];
    for (const file of needed) expect(packed(file), file).toBe(true);
    for (const file of [
      'dist/node/electron/main.js.map',
      'electron/main.ts',
      'tests/support/fake-agent.ts',
      'node_modules/.bin/tsc',
    ])
      expect(packed(file), file).toBe(false);
  });

  it('closes the doors the fuses exist for: no Node mode, no NODE_OPTIONS, no inspector, only an intact ASAR', () => {
    const f = config.electronFuses;
    expect([
      f.runAsNode,
      f.enableNodeOptionsEnvironmentVariable,
      f.enableNodeCliInspectArguments,
      f.grantFileProtocolExtraPrivileges,
    ]).toEqual([false, false, false, false]);
    expect([config.asar, f.enableEmbeddedAsarIntegrityValidation, f.onlyLoadAppFromAsar]).toEqual([true, true, true]);
  });

  it('lets the macOS build use the microphone, and ships an installer and icon for each desktop', () => {
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/microphone/i);
    expect(readFileSync(config.mac.entitlements, 'utf8')).toMatch(
      /<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/,
    );
    for (const os of [config.mac, config.win, config.linux]) {
      expect(os.target.length).toBeGreaterThan(0);
      expect(readFileSync(os.icon).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});

describe('app:// and the CSP', () => {
  it('serves the renderer folder with the CSP header and nothing outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rp-app-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    const { setupAppProtocol } = await import('../../../electron/desktop/app-protocol.js');
    setupAppProtocol(root);
    const serve = handlers.at(-1)!;
    const page = await serve(new Request('app://panel/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of [
      'app://panel/../package.json',
      'app://panel/%2e%2e/package.json',
      'app://other/index.html',
      'app://panel/nope.js',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });

  it('is strict: nothing inline, nothing from elsewhere, no framing', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-(inline|eval)|\*|https?:/);
    expect(readFileSync('renderer/index.html', 'utf8')).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="%CSP%"/,
    );
  });
});
