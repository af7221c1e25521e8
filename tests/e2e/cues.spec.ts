/** The Cues region through the real UI in Chromium: a show imported, GO through cues that wait for the agent, Stop, trials. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openTab } from '../support/dock';
import { FakeAgent } from '../support/fake-agent';
import { expectQuiet, waitUntil } from '../support/wait';
import { startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
let agent: FakeAgent;

test.beforeEach(async () => {
  web = await startWebPanel();
  /* As the real one does: SYNTH_EVENT_START 0.1 s after SYNTH_START, SYNTH_EVENT_STOP when it is said. */
  agent = await FakeAgent.connect(`${web.agentUrl}/reception`, {
    startup: ['MODEL_EVENT_ADD|0'],
    synthMs: 700,
  });
});

test.afterEach(async () => {
  expect(agent.exitCode, 'the panel closed the agent connection').toBeNull();
  agent.quit();
  await web.stop();
});

const SHOW = {
  format: 'remote-panel-show',
  version: 1,
  name: 'Trial show',
  cues: [
    {
      name: 'Hello',
      notes: 'greets, then waits for the end of speech',
      continue: 'auto',
      steps: [
        { send: 'SYNTH_START|0|mei_voice_normal|こんにちは' },
        { waitFor: 'SYNTH_EVENT_STOP|0', timeoutMs: 15000 },
      ],
    },
    { name: 'Nod', continue: 'manual', steps: [{ send: 'MOTION_ADD|0|cue2|motions/action/nod.vmd|PART|ONCE' }] },
    {
      name: 'Bye',
      steps: [
        { send: 'SYNTH_START|0|mei_voice_normal|{participant}さん、さようなら' },
        { waitFor: 'SYNTH_EVENT_STOP|0', timeoutMs: 15000 },
        { send: 'KEY|after-bye' },
      ],
    },
    { name: 'Long wait', steps: [{ send: 'KEY|long' }, { waitFor: 'NEVER', timeoutMs: 60000 }, { send: 'KEY|never' }] },
  ],
};

const file = (content: unknown, name = 'trial-show.json') => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});
const region = (page: Page) => page.getByRole('region', { name: 'Cues' });
const option = (page: Page, name: string) =>
  region(page).getByRole('listbox', { name: 'Cues' }).getByRole('option', { name });

async function openCues(page: Page): Promise<void> {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' }).getByRole('button')).toHaveText(['reception']);
  await openTab(page, 'Cues');
}

test('a bad show file is refused whole, saying which cue and step; a good one becomes the current show', async ({
  page,
}) => {
  await openCues(page);
  const bad = structuredClone(SHOW) as { cues: { steps: unknown[] }[] };
  bad.cues[1]!.steps.push({ waitFor: '/([/' });
  await region(page).getByLabel('Show file').setInputFiles(file(bad, 'broken.json'));
  await expect(region(page).getByRole('alert')).toContainText(
    'broken.json was not imported: cue 2 (“Nod”): step 2: the regular expression does not compile',
  );
  await expect(region(page).getByRole('combobox', { name: 'Show' })).not.toContainText('Trial show');
  await region(page).getByLabel('Show file').setInputFiles(file('{ not json'));
  await expect(region(page).getByRole('alert')).toContainText('it is not JSON');
  await region(page).getByLabel('Show file').setInputFiles(file(SHOW));
  await expect(region(page).getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported the show “Trial show” (4 cues).',
  );
  await expect(region(page).getByRole('listbox', { name: 'Cues' }).getByRole('option')).toHaveCount(4);
  await expect(option(page, 'Hello')).toHaveAttribute('aria-selected', 'true');
});

test('GO runs a cue, waits for the agent’s SYNTH_EVENT_STOP, continues by itself; Stop cues ends a wait; the trial is marked in the session log', async ({
  page,
}) => {
  await openCues(page);
  await region(page).getByLabel('Show file').setInputFiles(file(SHOW));
  await expect(option(page, 'Hello')).toHaveAttribute('aria-selected', 'true');
  await region(page).getByRole('textbox', { name: 'Participant' }).fill('P07');
  await region(page).getByRole('textbox', { name: 'Condition' }).fill('robot');
  await region(page).getByRole('button', { name: 'Start trial' }).click();
  await expect(region(page).getByRole('button', { name: 'End trial' })).toBeVisible();

  await region(page).getByRole('button', { name: 'GO' }).click();
  await agent.waitFor(() => agent.received.includes('SYNTH_START|0|mei_voice_normal|こんにちは'), 3000, 'cue 1');
  /* Hello is "auto": Nod follows once the agent said SYNTH_EVENT_STOP|0, not before. */
  const nod = 'MOTION_ADD|0|cue2|motions/action/nod.vmd|PART|ONCE';
  await agent.waitFor(() => agent.received.includes(nod), 5000, 'cue 2, by itself');
  const stopAt = agent.receivedAt[agent.received.indexOf(nod)]!;
  const saidAt = agent.receivedAt[agent.received.indexOf('SYNTH_START|0|mei_voice_normal|こんにちは')]!;
  expect(stopAt - saidAt, 'Nod waited for the end of speech (700 ms)').toBeGreaterThan(650);
  await expect(option(page, 'Hello')).toContainText('done');
  await expect(option(page, 'Nod')).toContainText('done');
  await expect(option(page, 'Bye')).toHaveAttribute('aria-selected', 'true');

  /* Space in the list is GO: Bye fills {participant} from the trial, and waits for its speech too. */
  await option(page, 'Bye').click();
  await region(page).getByRole('listbox', { name: 'Cues' }).press('Space');
  await agent.waitFor(() => agent.received.includes('KEY|after-bye'), 5000, 'the end of Bye');
  expect(agent.received).toContain('SYNTH_START|0|mei_voice_normal|P07さん、さようなら');
  await expect(option(page, 'Long wait')).toHaveAttribute('aria-selected', 'true');

  await region(page).getByRole('button', { name: 'GO' }).click();
  await agent.waitFor(() => agent.received.includes('KEY|long'), 3000, 'the long cue');
  await expect(option(page, 'Long wait')).toContainText('running');
  await region(page).getByRole('button', { name: 'Stop cues' }).click();
  await expect(option(page, 'Long wait')).toContainText('stopped');
  await expectQuiet(800, 'a line after Stop cues', () => agent.received.includes('KEY|never'));

  await region(page).getByRole('button', { name: 'End trial' }).click();
  await expect(region(page).getByRole('button', { name: 'Start trial' })).toBeVisible();
  const logs = join(web.dataDir, 'logs');
  const text = (): string => {
    const name = readdirSync(logs).find((f) => f.endsWith('.jsonl'));
    return name ? readFileSync(join(logs, name), 'utf8') : '';
  };
  await waitUntil(() => text().includes('Trial ended'), 5000, 'the trial end in the session log');
  const notices = text()
    .split('\n')
    .filter((l) => /Trial|Cue \d/.test(l))
    .map((l) => (JSON.parse(l) as { text: string }).text.replace(/\d\d:\d\d:\d\d\.\d{3}/g, 'T'));
  expect(notices).toEqual([
    'Trial started: participant P07, condition robot, show “Trial show”.',
    'Cue 1 “Hello” of “Trial show” done, T–T; waits that timed out and went on: 0.',
    'Cue 2 “Nod” of “Trial show” done, T–T; waits that timed out and went on: 0.',
    'Cue 3 “Bye” of “Trial show” done, T–T; waits that timed out and went on: 0.',
    'Cue 4 “Long wait” of “Trial show” stopped by the operator at step 2, T–T.',
    'Trial ended: participant P07, condition robot, show “Trial show”.',
  ]);

  /* The log view filters to the trial: the lines sent before it are not in it. */
  const trial = page.getByRole('combobox', { name: 'Trial' });
  await expect(trial.getByRole('option')).toHaveText(['All entries', /^Trial P07 \/ robot/]);
  await trial.selectOption({ index: 1 });
  const log = page.getByRole('log', { name: 'Message log' });
  await expect(log.locator('.row', { hasText: 'Trial started' })).toHaveCount(1);
  await expect(log.locator('.row', { hasText: 'MMDAgent-EX connected' })).toHaveCount(0);
});
