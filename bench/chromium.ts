/**
 * Which Chromium the browser tests and benchmarks drive: $CHROMIUM_PATH, then
 * Playwright's own download, then a system Chromium; a clear error if none.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumExecutable(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    /* Playwright has no browser of its own here. */
  }
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return system;
  throw new Error(
    'No Chromium found for the browser tests. Install one: on Debian/Ubuntu `sudo apt-get install chromium`, ' +
      'elsewhere `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
}
