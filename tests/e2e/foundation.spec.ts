/** The foundation, driven through the real UI in Chromium via browser mode. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { FakeAgent } from '../support/fake-agent';
import { openTab } from '../support/dock';
import { sendSentinel, startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
const agents: FakeAgent[] = [];

test.beforeEach(async () => {
  web = await startWebPanel();
});

test.afterEach(async () => {
  /* Nothing in the run may close an agent's connection from the panel's side. */
  for (const a of agents) {
    expect(a.exitCode, 'the panel closed an agent connection').toBeNull();
    a.quit();
  }
  agents.length = 0;
  await web.stop();
});

async function connectAgent(options: Parameters<typeof FakeAgent.connect>[1] = {}): Promise<FakeAgent> {
  const a = await FakeAgent.connect(web.agentUrl, { frameMs: 150, ...options });
  agents.push(a);
  return a;
}

const status = (page: Page) => page.getByRole('status', { name: 'Connection' });
const log = (page: Page) => page.getByRole('log', { name: 'Message log' });

test('shows Connected when the agent connects, and Waiting when it leaves', async ({ page }) => {
  await page.goto(web.uiUrl);
  await expect(status(page)).toContainText('Waiting');
  /* The wait is marked by a few pulses, never an endless animation: that kept the page drawing every frame while idle. */
  const animations = await page.evaluate(() =>
    document
      .getAnimations()
      .map((a) => ({ name: (a as CSSAnimation).animationName, iterations: a.effect?.getTiming().iterations })),
  );
  expect(animations.map((a) => a.name)).toContain('pulse');
  expect(animations.filter((a) => a.iterations === Infinity)).toEqual([]);
  await openTab(page, 'Connect');
  await expect(page.getByRole('textbox', { name: '.mdf lines' })).toHaveValue(
    new RegExp(
      `Plugin_Remote_Websocket_Host=127\\.0\\.0\\.1\\n.*Port=${new URL(web.agentUrl).port}\\n.*Directory=/chat\\nPlugin_Remote_RetryCount=`,
    ),
  );
  const a = await connectAgent();
  await expect(status(page)).toContainText('Connected');
  await openTab(page, 'Agents');
  await expect(page.getByRole('button', { name: 'Disconnect agent #1' })).toBeVisible();
  a.quit();
  agents.length = 0;
  await expect(status(page)).toContainText('Waiting');
  await expect(log(page)).toContainText('left: agent disconnected');
});

test('shows 1,000 agent events in order', async ({ page }) => {
  await page.goto(web.uiUrl);
  const a = await connectAgent();
  await expect(status(page)).toContainText('Connected');
  for (let i = 0; i < 1000; i++) a.emit(`TEST_EVENT|${i}`);
  await expect(log(page)).toContainText('TEST_EVENT|999');
  await expect(page.getByText('1,002 messages')).toBeVisible();
  /* The order of every row, read back through the UI's own export of the view. */
  await page.getByLabel('Filter').fill('TEST_EVENT');
  await expect(page.getByText('1,000 of 1,002')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByText('Export / open').click();
  await page.getByRole('button', { name: 'Export .txt' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(Array.from({ length: 1000 }, (_, i) => `TEST_EVENT|${i}\n`).join(''));
});

test('sends exactly the typed line, and the echo marks it delivered', async ({ page }, testInfo) => {
  await page.goto(web.uiUrl);
  const a = await connectAgent({
    startup: [
      'PLUGIN_EVENT_ENABLE|Variables',
      'STAGE|images/floor_green.png,images/back_white.png',
      'MODEL_ADD|0|gene/Gene_light.pmd',
      'MODEL_EVENT_ADD|0',
      'MOTION_ADD|0|base|motions/wait/01_Wait.vmd|FULL|LOOP|ON|OFF',
      'MOTION_EVENT_ADD|0|base',
      'CURRENT_TIME|20|01',
    ],
  });
  await expect(status(page)).toContainText('Connected');
  await page.getByLabel('Message', { exact: true }).fill('MOTION_ADD|0|wave|motion/wave.vmd');
  await page.getByRole('button', { name: 'Send' }).click();
  await a.waitFor(() => a.frames.length === 1);
  expect(a.frames.map(String)).toEqual(['MOTION_ADD|0|wave|motion/wave.vmd\n']);
  const row = log(page).locator('.row', { hasText: 'MOTION_ADD|0|wave|motion/wave.vmd' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/delivered \d+ ms/);
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('');
  /* Enter sends too; Up brings the last message back. */
  await page.getByLabel('Message', { exact: true }).fill('SYNTH_START|0|slt_voice_normal|Hello there.');
  await page.keyboard.press('Enter');
  await a.waitFor(() => a.received.length === 2);
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('');
  await page.getByLabel('Message', { exact: true }).press('ArrowUp');
  await expect(page.getByLabel('Message', { exact: true })).toHaveValue('SYNTH_START|0|slt_voice_normal|Hello there.');
  await page.getByLabel('Message', { exact: true }).fill('');
  await expect(log(page).locator('.row', { hasText: 'SYNTH_START' })).toContainText('delivered');
  await page.screenshot({ path: testInfo.outputPath('foundation.png') });
});

test('an over-long message shows an error and sends nothing', async ({ page }) => {
  await page.goto(web.uiUrl);
  const a = await connectAgent();
  await expect(status(page)).toContainText('Connected');
  await page.getByLabel('Message', { exact: true }).fill(`LONG|${'x'.repeat(2100)}`);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText('accepts at most 2047');
  await page.getByLabel('Message', { exact: true }).fill('SNDFILE');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('cannot start with "SND"');
  await sendSentinel(page, a);
  expect(a.frames.map(String)).toEqual(['KEY|sentinel\n']);
});

test('sending with no agent connected explains that nothing was sent', async ({ page }) => {
  await page.goto(web.uiUrl);
  await expect(status(page)).toContainText('Waiting');
  await page.getByLabel('Message', { exact: true }).fill('MOTION_ADD|0|wave|motion/wave.vmd');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText('No MMDAgent-EX is connected, so nothing was sent.');
});

test('targets one agent of several', async ({ page }) => {
  await page.goto(web.uiUrl);
  const a = await connectAgent();
  const b = await connectAgent();
  await expect(status(page).getByRole('button')).toHaveText(['#1', '#2']);
  await page
    .getByLabel('Target')
    .selectOption({ label: await page.getByLabel('Target').locator('option').nth(2).innerText() });
  await page.getByLabel('Message', { exact: true }).fill('KEY|x');
  await page.keyboard.press('Enter');
  await b.waitFor(() => b.received.length === 1);
  /* Then to the other agent: it gets that line alone, so the first went to b only. */
  await page
    .getByLabel('Target')
    .selectOption({ label: await page.getByLabel('Target').locator('option').nth(1).innerText() });
  await sendSentinel(page, a, 'KEY|for-a');
  expect(a.received).toEqual(['KEY|for-a']);
  expect(b.received).toEqual(['KEY|x']);
});
