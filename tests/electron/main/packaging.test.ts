/** The hardening that ships: CSP in the page and the app:// responses, fuses, macOS microphone keys. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../../../electron/core/csp.js';

const handlers: ((req: Request) => Promise<Response>)[] = [];
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: (_s: string, fn: (req: Request) => Promise<Response>) => handlers.push(fn) } }));

describe('packaging and CSP', () => {
  it('the built page carries a strict CSP meta tag', () => {
    const html = readFileSync('dist/renderer/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).toContain("default-src 'none'");
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('app:// serves the renderer with the CSP header and nothing outside it', async () => {
    const { setupAppProtocol } = await import('../../../electron/desktop/app-protocol.js');
    setupAppProtocol('dist/renderer');
    const serve = handlers[0]!;
    const page = await serve(new Request('app://panel/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const url of ['app://panel/../package.json', 'app://panel/%2e%2e/package.json', 'app://other/index.html', 'app://panel/nope.js']) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });

  it('flips the Electron fuses and declares the microphone for macOS', () => {
    const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.productName).toBe('Remote Panel for MMDAgent-EX');
    expect((config.mac!.extendInfo as Record<string, string>).NSMicrophoneUsageDescription).toMatch(/microphone/i);
    expect(readFileSync(String(config.mac!.entitlements), 'utf8')).toContain('com.apple.security.device.audio-input');
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.win!.target).toEqual(['nsis']);
    expect(config.mac!.target).toEqual(['dmg']);
  });
});
