/** Proxy mode through the real UI: `npm run web -- --upstream <url>`, a fake agent and a fake dialogue server. */
import { expect, test, type Page } from '@playwright/test';
import { FakeAgent } from '../support/fake-agent';
import { FakeDialogueServer } from '../support/fake-dialogue-server';
import { sendSentinel, startWebPanel, type WebPanel } from '../support/web-panel';

let server: FakeDialogueServer;
let web: WebPanel;
let agent: FakeAgent;

test.beforeEach(async () => {
  server = new FakeDialogueServer();
  await server.start();
  web = await startWebPanel(['--upstream', server.url]);
  agent = await FakeAgent.connect(web.agentUrl, {
    frameMs: 150,
    startup: ['MODEL_EVENT_ADD|0', 'MOTION_EVENT_ADD|0|base'],
  });
});

test.afterEach(async () => {
  expect(agent.exitCode, 'the panel closed the agent connection').toBeNull();
  agent.quit();
  await web.stop();
  await server.stop();
});

const log = (page: Page) => page.getByRole('log', { name: 'Message log' });
const upstream = (page: Page) => page.getByRole('status', { name: 'Upstream' });

test('shows the chain up, relays TEST_MESSAGE as server → agent, and injects to the dialogue server as the agent', async ({
  page,
}, testInfo) => {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await expect(page.getByText('MMDAgent-EX #1')).toBeVisible();
  await expect(upstream(page)).toHaveText(/^up/);

  /* The sample server's TEST_MESSAGE reaches the agent and is logged as server → agent. */
  await agent.waitFor(() => agent.received.includes('TEST_MESSAGE'), 3000, 'TEST_MESSAGE at the agent');
  const row = log(page).locator('.row.dir-down', { hasText: 'TEST_MESSAGE' }).first();
  await expect(row).toBeVisible();
  await expect(row.getByLabel('server → agent')).toBeVisible();

  /* The start-up burst reached the dialogue server in order. */
  await server.waitFor(() => server.lines.length >= 2, 3000, 'the start-up burst');
  expect(server.lines.slice(0, 2)).toEqual(['MODEL_EVENT_ADD|0', 'MOTION_EVENT_ADD|0|base']);

  await page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'to dialogue server (as the agent)' });
  await page.getByRole('textbox', { name: 'Message' }).fill('RECOG_EVENT_STOP|こんにちは');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await server.waitFor(() => server.lines.includes('RECOG_EVENT_STOP|こんにちは'), 3000, 'the injected event');
  await expect(log(page).locator('.row.dir-up', { hasText: 'RECOG_EVENT_STOP' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'to agent' });
  await sendSentinel(page, agent);
  expect(agent.received).not.toContain('RECOG_EVENT_STOP|こんにちは');
  await page.getByRole('combobox', { name: 'Send to' }).selectOption({ label: 'to dialogue server (as the agent)' });

  /* Direction filter: only panel → server. */
  await page.getByRole('combobox', { name: 'Direction' }).selectOption({ label: 'panel → server' });
  await expect(log(page).locator('.row')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Direction' }).selectOption({ label: 'All directions' });
  await page.screenshot({ path: testInfo.outputPath('proxy.png') });

  /* The Settings switch turns proxying off (the link closes, the agent stays) and on again. */
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('textbox', { name: 'Upstream URL' })).toHaveValue(server.url);
  await page.getByRole('switch', { name: 'Proxy to a dialogue server' }).uncheck();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(upstream(page)).toHaveCount(0);
  await server.waitFor(() => server.open === 0, 3000, 'the upstream link to close');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('switch', { name: 'Proxy to a dialogue server' }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(upstream(page)).toHaveText(/^up/);
  expect(server.connections).toBe(2);
});

test('keeps the agent when the dialogue server restarts, shows the link down with Retry now, and resumes', async ({
  page,
}) => {
  await page.goto(web.uiUrl);
  await expect(upstream(page)).toHaveText(/^up/);
  const port = server.port;
  await server.stop();
  await expect(upstream(page)).toHaveText(/^down/);
  await expect(page.getByRole('button', { name: /Retry now/ })).toBeVisible();
  agent.emit('KEY|x');
  await expect(log(page).locator('.row', { hasText: 'KEY|x' })).toContainText('not forwarded');
  /* Once the backoff has grown past 2 s, "Retry now" is what brings the link back. */
  await expect(upstream(page)).toHaveText(/[3-9] retries/, { timeout: 8000 });
  await server.start(port);
  await page.getByRole('button', { name: /Retry now/ }).click();
  await expect(upstream(page)).toHaveText(/^up/, { timeout: 1500 });
  await expect(log(page)).toContainText('reconnected after');
  expect(agent.connections).toBe(1);
});
