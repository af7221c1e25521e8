/**
 * The desktop app, run for real: the built app in Electron, its window, the preload's
 * `window.api` behind context isolation, an agent connecting, a line sent, a clean quit.
 * It runs wherever Electron's binary is installed and is skipped with one line where not.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { FakeAgent } from '../../support/fake-agent';

/**
 * The path of Electron's binary, or null when the package was installed without it. Read from
 * the files its installer leaves, never by loading `electron`: that would try to download it.
 */
function electronBinary(): string | null {
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP = 'Electron binary not installed: desktop smoke test skipped';
/* Once, from the worker that would run it (the runner also loads this file to list the tests). */
if (!binary && process.env.TEST_WORKER_INDEX !== undefined) console.log(SKIP);

test('the desktop app opens, shows an agent Connected, sends a line and quits cleanly', async () => {
  test.skip(!binary, SKIP);
  const userData = mkdtempSync(join(tmpdir(), 'rp-desktop-'));
  /* Any free port, so a real MMDAgent-EX or another panel on 9001 is never disturbed. */
  writeFileSync(join(userData, 'settings.json'), JSON.stringify({ wsPort: 0, language: 'en' }));
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.', `--user-data-dir=${userData}`],
    env: { ...process.env, CI: '1' },
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Waiting');
  const exposed = await page.evaluate(() => ({
    api: typeof (window as { api?: object }).api,
    require: typeof (window as { require?: unknown }).require,
    process: typeof (window as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
  const url = await page.evaluate(
    async () =>
      (await (window as unknown as { api: { ready(): Promise<{ status: { url: string } }> } }).api.ready()).status.url,
  );
  const agent = await FakeAgent.connect(url, { frameMs: 150 });
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await page.getByRole('textbox', { name: 'Message' }).fill('MOTION_ADD|0|wave|motion/wave.vmd');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await agent.waitFor(
    () => agent.received.includes('MOTION_ADD|0|wave|motion/wave.vmd'),
    5000,
    'the line at the agent',
  );
  agent.quit();
  await app.close();
});
