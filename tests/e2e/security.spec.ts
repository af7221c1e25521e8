/** Attacks from a browser, and reading back a log, through the real UI in Chromium. */
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
let evil: Server;
let evilUrl = '';

test.beforeEach(async () => {
  web = await startWebPanel();
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>some page</title>');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilUrl = `http://127.0.0.1:${(evil.address() as { port: number }).port}/`;
});

test.afterEach(async () => {
  evil.close();
  await web.stop();
});

test('a web page in the browser cannot reach the agent endpoint (cross-site WebSocket hijacking)', async ({
  page,
  context,
}) => {
  const panel = await context.newPage();
  await panel.goto(web.uiUrl);
  await page.goto(evilUrl);
  const outcome = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
        // eslint-disable-next-line no-restricted-syntax -- a deadline for an answer that never comes, not a wait
        setTimeout(() => resolve('timeout'), 5000);
      }),
    web.agentUrl,
  );
  expect(outcome).toBe('refused');
  await expect(panel.getByRole('log', { name: 'Message log' })).toContainText(
    'refused: a web page (Origin: http://127.0.0.1:',
  );
  await expect(panel.getByRole('status', { name: 'Connection' })).toContainText('Waiting');
});

test('the browser UI and its bridge refuse a page without the token', async ({ page }) => {
  const base = new URL(web.uiUrl).origin;
  const response = await page.goto(base + '/');
  expect(response?.status()).toBe(401);
  await page.goto(evilUrl);
  const bridge = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
    base.replace('http', 'ws') + '/bridge',
  );
  expect(bridge).toBe('refused');
});

test('opens a previous session log read-only, tolerating a cut last line', async ({ page }) => {
  await page.goto(web.uiUrl);
  const lines = [
    {
      id: 1,
      t: 1_700_000_000_000,
      dir: 'sys',
      session: null,
      kind: 'status',
      type: 'STATUS',
      text: 'Listening on ws://127.0.0.1:9001/chat for MMDAgent-EX.',
    },
    {
      id: 2,
      t: 1_700_000_000_100,
      dir: 'in',
      session: 1,
      kind: 'event',
      type: 'MODEL_EVENT_ADD',
      text: 'MODEL_EVENT_ADD|0',
    },
    {
      id: 3,
      t: 1_700_000_000_200,
      dir: 'out',
      session: 1,
      kind: 'command',
      type: 'MOTION_ADD',
      text: 'MOTION_ADD|0|wave|w.vmd',
      delivery: 'pending',
    },
    {
      id: 4,
      t: 1_700_000_000_380,
      dir: 'in',
      session: 1,
      kind: 'event',
      type: 'MOTION_ADD',
      text: 'MOTION_ADD|0|wave|w.vmd',
      echoOf: 3,
    },
    { update: 3, delivery: 'delivered', rtt: 180 },
  ];
  const file = lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"id":5,"t":17000';
  await page
    .getByLabel('Session log file')
    .setInputFiles({ name: 'session-old.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
  await expect(page.getByRole('status', { name: 'Viewing' })).toContainText('session-old.jsonl (read-only)');
  await expect(page.getByRole('status', { name: 'Viewing' })).toContainText('last line was cut short');
  const log = page.getByRole('log', { name: 'Message log' });
  await expect(log).toContainText('MODEL_EVENT_ADD|0');
  await expect(log.locator('.row', { hasText: 'MOTION_ADD|0|wave' })).toHaveCount(1);
  await expect(log.locator('.row', { hasText: 'MOTION_ADD|0|wave' })).toContainText('delivered 180 ms');
  await page.getByLabel('Filter').fill('MODEL');
  await expect(page.getByText('1 of 3')).toBeVisible();
  await page.getByRole('button', { name: 'Back to live log' }).click();
  await page.getByLabel('Filter').fill('');
  await expect(log).toContainText('Listening on ws://127.0.0.1');
  await page
    .getByLabel('Session log file')
    .setInputFiles({ name: 'notes.jsonl', mimeType: 'text/plain', buffer: Buffer.from('hello\nworld\n') });
  await expect(page.getByRole('alert')).toContainText('"notes.jsonl": Line 1 is not valid JSON');
});
