import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './bench/chromium.ts';

export default defineConfig({
  testDir: 'tests',
  /* The browser-mode end-to-end tests, and the desktop smoke test where Electron's binary exists. */
  testMatch: ['e2e/**/*.spec.ts', 'electron/desktop/**/*.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
