/** The operator's console through the real UI in Chromium: Stop everything, named agents, alerts, a move refused. */
import { createServer, type Server } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { openTab } from '../support/dock';
import { FakeAgent } from '../support/fake-agent';
import { makeTestAudio } from '../support/test-audio';
import { expectQuiet } from '../support/wait';
import { savedSettings, sendSentinel, startWebPanel, type WebPanel } from '../support/web-panel';

const audio = makeTestAudio();
let web: WebPanel;
const agents: FakeAgent[] = [];

test.beforeEach(async () => {
  web = await startWebPanel();
});

test.afterEach(async () => {
  for (const a of agents.splice(0)) {
    expect(a.exitCode, 'the panel closed an agent connection').toBeNull();
    a.quit();
  }
  await web.stop();
});

async function connect(name: string, options: Parameters<typeof FakeAgent.connect>[1] = {}): Promise<FakeAgent> {
  const a = await FakeAgent.connect(`${web.agentUrl}/${name}`, { frameMs: 100, ...options });
  agents.push(a);
  return a;
}

const badges = (page: Page) => page.getByRole('status', { name: 'Connection' }).getByRole('button');
const log = (page: Page) => page.getByRole('log', { name: 'Message log' });

test('Stop everything ends a file stream and a running sequence on two agents, and nothing follows it', async ({
  page,
}) => {
  const left = await connect('left', { startup: ['MODEL_EVENT_ADD|0'] });
  const right = await connect('right', { startup: ['MODEL_EVENT_ADD|0'] });
  await page.goto(web.uiUrl);
  await expect(badges(page)).toHaveText(['left', 'right']);

  await openTab(page, 'Quick');
  await page.getByRole('button', { name: '+ Add button' }).click();
  const dialog = page.getByRole('dialog', { name: 'New quick command' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Slow');
  await dialog.getByRole('textbox', { name: 'Lines' }).fill('KEY|first\nwait 1200\nKEY|second');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await openTab(page, 'Audio');
  await page.getByRole('combobox', { name: 'Speak to' }).selectOption({ label: 'left' });
  await page.getByLabel('Audio file').setInputFiles(audio.wav);
  await page.getByRole('button', { name: 'Stream file' }).click();
  await left.waitFor(() => left.packetTimes.length >= 3, 5000, 'the file streaming to left');

  await page.getByRole('combobox', { name: 'Target' }).selectOption({ label: 'All agents (2)' });
  await openTab(page, 'Quick');
  await page.getByRole('button', { name: 'Slow', exact: true }).click();
  await right.waitFor(() => right.received.includes('KEY|first'), 3000, 'the sequence started');

  const pressed = performance.now();
  await page.getByRole('button', { name: 'Stop everything' }).click();
  for (const a of [left, right])
    await a.waitFor(() => a.received.includes('SYNTH_STOP|0'), 3000, 'SYNTH_STOP for the model');
  expect(left.audioEvents.at(-1)).toBe('SNDBRKS');
  const lastPacket = left.packetTimes.at(-1)!;
  expect(lastPacket - pressed, 'no audio packet later than 150 ms after the press').toBeLessThan(150);
  const packets = left.packetTimes.length;
  await expect(page.locator('#compose-feedback')).toContainText('Stopped everything: 1 stream(s)');
  await expect(page.locator('#compose-feedback')).toContainText('1 sequence(s)');
  await expectQuiet(
    1500,
    'line or packet after Stop everything (the sequence after its wait, the rest of the file)',
    () => left.packetTimes.length > packets || [left, right].some((a) => a.received.includes('KEY|second')),
  );
});

test('agents named by their path show by name everywhere; a rename stays with the path; a leaving agent is said loudly', async ({
  page,
}) => {
  await connect('left', { startup: ['MODEL_EVENT_ADD|0'] });
  const right = await connect('right');
  await page.goto(web.uiUrl);
  await expect(badges(page)).toHaveText(['left', 'right']);
  await expect(log(page).locator('.row.dir-in .c-agent').first()).toHaveText('left');
  await expect(page.getByRole('combobox', { name: 'Target' }).locator('option')).toHaveText([
    'All agents (2)',
    'left',
    'right',
  ]);

  await openTab(page, 'Agents');
  await page.getByRole('button', { name: 'Rename agent left' }).click();
  await page.getByRole('textbox', { name: 'Name of agent left' }).fill('a|b');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'an agent name has' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name of agent left' }).fill('受付');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(badges(page)).toHaveText(['受付', 'right']);
  await expect(log(page).locator('.row.dir-in .c-agent').first()).toHaveText('受付');
  await expect.poll(() => savedSettings(web.dataDir).agentNames).toEqual({ '/chat/left': '受付' });

  right.quit();
  agents.splice(agents.indexOf(right), 1);
  const alert = page.getByRole('alert').filter({ hasText: 'right left at' });
  await expect(alert).toContainText(/right left at \d\d:\d\d:\d\d: agent disconnected/);
  await expect(page).toHaveTitle(/right left/);
  await expect(badges(page)).toHaveText(['受付']);
  await page.getByRole('button', { name: 'Dismiss the alert about right' }).click();
  await expect(alert).toBeHidden();
  await expect(page).toHaveTitle('Remote Panel');
});

test('a move to a port in use is tried first: nothing closes, the panel says why, and the agent stays', async ({
  page,
}) => {
  const blocker: Server = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const taken = (blocker.address() as { port: number }).port;
  try {
    const a = await connect('left');
    await page.goto(web.uiUrl);
    await expect(badges(page)).toHaveText(['left']);
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('textbox', { name: 'Port', exact: true }).fill(String(taken));
    await dialog.getByRole('button', { name: 'Apply' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('Nothing was changed and no agent was disconnected');
    await expect(refusal).toContainText(`Port ${taken} on 127.0.0.1 is already in use`);
    /* No question was asked: nothing would have closed. */
    await expect(page.getByRole('dialog', { name: /Restart the listener/ })).toHaveCount(0);
    /* A corrected value does not keep the old error. */
    await dialog.getByRole('textbox', { name: 'Port', exact: true }).fill(String(new URL(web.agentUrl).port));
    await expect(refusal).toBeHidden();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await sendSentinel(page, a);
    expect(a.exitCode).toBeNull();
    expect(a.connections).toBe(1);
    await expect(badges(page)).toHaveText(['left']);
  } finally {
    await new Promise((r) => blocker.close(r));
  }
});
