/** Operator tools through the real UI in Chromium: quick commands, autocomplete, filters, scene, language, lasting settings. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FakeAgent } from '../support/fake-agent';
import { openTab } from '../support/dock';
import { expectQuiet } from '../support/wait';
import { savedSettings, startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
let agent: FakeAgent;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rp-operator-'));
  web = await startWebPanel([], dataDir);
  agent = await FakeAgent.connect(web.agentUrl, { frameMs: 100 });
});

test.afterEach(async () => {
  expect(agent.exitCode, 'the panel closed the agent connection').toBeNull();
  agent.quit();
  await web.stop();
});

const log = (page: Page) => page.getByRole('log', { name: 'Message log' });
const quick = (page: Page) => page.getByRole('region', { name: 'Quick commands' });

async function open(page: Page): Promise<void> {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
}

async function createCommand(page: Page, label: string, lines: string, hotkey: string): Promise<void> {
  await quick(page).getByRole('button', { name: '+ Add button' }).click();
  const dialog = page.getByRole('dialog', { name: 'New quick command' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill(label);
  await dialog.getByRole('textbox', { name: 'Lines' }).fill(lines);
  await dialog.getByRole('textbox', { name: 'Hotkey' }).press(hotkey);
  await expect(dialog.getByRole('textbox', { name: 'Hotkey' })).toHaveValue(hotkey);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(quick(page).getByRole('button', { name: label, exact: true })).toBeVisible();
}

test('a quick command with a hotkey sends its lines in order with the waits respected, never while typing, and can be cancelled', async ({
  page,
}) => {
  await open(page);
  await createCommand(
    page,
    'Wave and key',
    'MOTION_ADD|{model}|wave|motion/wave.vmd|PART|ONCE\nwait 400\nSYNTH_START|{model}|mei|hello\nwait 300\nKEY|{target}',
    '7',
  );

  /* Typing the hotkey in a text field types it; nothing is sent. */
  await page.getByRole('textbox', { name: 'Message' }).fill('');
  await page.getByRole('textbox', { name: 'Message' }).press('7');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('7');
  await expectQuiet(200, 'line from a hotkey typed into a text field', () => agent.received.length > 0);

  await page.getByRole('textbox', { name: 'Message' }).fill('');
  await log(page).click();
  await page.keyboard.press('7');
  await agent.waitFor(() => agent.received.length === 3, 4000, 'the three lines');
  expect(agent.received).toEqual(['MOTION_ADD|0|wave|motion/wave.vmd|PART|ONCE', 'SYNTH_START|0|mei|hello', 'KEY|1']);
  /*
   * The waits, where the panel sent each line (its session log's times): a line goes only after
   * the previous one was sent and its wait ran, so these gaps cannot be shorter than the waits.
   * The agent's receipt times are read in this busy test process and can come late by a few ms.
   */
  const sentAt = async (): Promise<number[]> => {
    const logs = join(dataDir, 'logs');
    const file = readdirSync(logs).find((f) => f.endsWith('.jsonl'))!;
    const records = readFileSync(join(logs, file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { dir?: string; t?: number });
    return records.filter((r) => r.dir === 'out').map((r) => r.t!);
  };
  await expect.poll(async () => (await sentAt()).length, { message: 'the three lines in the session log' }).toBe(3);
  const [a, b, c] = (await sentAt()) as [number, number, number];
  expect(b - a).toBeGreaterThanOrEqual(400);
  expect(c - b).toBeGreaterThanOrEqual(300);

  /* A long wait, cancelled with Esc: the line after it never goes. */
  await createCommand(page, 'Slow', 'KEY|first\nwait 5000\nKEY|second', 'Shift+S');
  await log(page).click();
  await page.keyboard.press('Shift+S');
  await agent.waitFor(() => agent.received.includes('KEY|first'), 3000, 'the first line');
  await expect(quick(page).getByRole('status', { name: 'Running sequence' })).toContainText('Slow');
  /* Esc is Stop everything: the sequence ends, and the voice gets SYNTH_STOP. */
  await page.keyboard.press('Escape');
  await expect(quick(page).getByRole('status')).toContainText('cancelled');
  await agent.waitFor(() => agent.received.includes('SYNTH_STOP|0'), 3000, 'SYNTH_STOP from Stop everything');
  /* That the line after the wait never goes is proved with fake timers in tests/renderer/quick/runner.test.ts. */
});

test('buttons reorder by drag and drop and stay so; a bad set file gets a clear message and a good one becomes a set', async ({
  page,
}) => {
  await open(page);
  const q = quick(page);
  const labels = () => q.locator('.quick-btn').evaluateAll((els) => els.map((e) => e.childNodes[0]?.textContent));
  expect((await labels()).slice(0, 2)).toEqual(['Greet', 'Nod']);
  await q
    .getByRole('button', { name: 'Nod', exact: true })
    .dragTo(q.getByRole('button', { name: 'Greet', exact: true }));
  await expect
    .poll(labels)
    .toEqual([
      'Nod',
      'Greet',
      'Wave',
      'Thank you',
      'Stop the voice',
      'Say hello',
      'Happy hello',
      'Test turn (to server)',
    ]);
  await page.reload();
  await expect
    .poll(labels)
    .toEqual([
      'Nod',
      'Greet',
      'Wave',
      'Thank you',
      'Stop the voice',
      'Say hello',
      'Happy hello',
      'Test turn (to server)',
    ]);

  const file = q.getByLabel('Quick-command set file');
  await file.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"name":"X","commands":[{"label":"B","lines":["SNDFILE"]}]}'),
  });
  await expect(q.getByRole('alert')).toContainText(
    '“bad.json” is not a quick-command set: Command 1 (“B”): Line 1: A text message cannot start with "SND"',
  );
  await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"name": ') });
  await expect(q.getByRole('alert')).toContainText('“broken.json” is not JSON');
  await file.setInputFiles({
    name: 'debug.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ name: 'Debug', commands: [{ label: 'Ping', lines: ['KEY|ping'] }] })),
  });
  await expect(q.getByRole('combobox', { name: 'Quick-command set' }).locator('option:checked')).toHaveText('Debug');
  await expect(q.getByRole('button', { name: 'Ping', exact: true })).toBeVisible();
  await q.getByRole('button', { name: 'Ping', exact: true }).click();
  await agent.waitFor(() => agent.received.includes('KEY|ping'), 3000, 'the imported command');
});

test('? opens the shortcut overlay listing every shortcut, and Ctrl+Shift+E exports the filtered view', async ({
  page,
}) => {
  await open(page);
  agent.emit('KEY|a');
  await expect(log(page)).toContainText('KEY|a');
  await log(page).click();
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  for (const keys of ['Enter', 'Shift+Enter', 'Tab', 'Esc', '/', 'Ctrl+Shift+E', 'Ctrl+O', '? / F1'])
    await expect(overlay.getByText(keys, { exact: true })).toBeVisible();
  await expect(overlay.getByText('Quick command “Greet” (Demo A)')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
  await page.keyboard.press('F1');
  await expect(overlay).toBeVisible();
  await overlay.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('searchbox', { name: 'Filter' }).fill('KEY');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E');
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe('KEY|a\n');
});

test('autocomplete inserts MOTION_ADD and shows its argument forms; an unknown name only warns', async ({ page }) => {
  await open(page);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.pressSequentially('MOTION_A');
  await expect(page.getByRole('option', { name: /MOTION_ADD/ })).toBeVisible();
  await box.press('Tab');
  await expect(box).toHaveValue('MOTION_ADD|');
  const forms = page.getByRole('note', { name: 'Documented forms' });
  await expect(forms).toContainText('MOTION_ADD|(model alias)|(motion alias)|(motion file name)');
  await expect(forms.locator('mark').first()).toHaveText('(model alias)');

  await box.fill('');
  await box.pressSequentially('MY_OWN_EVENT|x');
  await expect(page.getByText('MY_OWN_EVENT is not in the documented message list')).toBeVisible();
  await box.press('Enter');
  await agent.waitFor(() => agent.received.includes('MY_OWN_EVENT|x'), 3000, 'the unknown message, sent as typed');
});

test('the type filter hides CURRENT_TIME, a regex filter highlights, and the scene view shows model 0', async ({
  page,
}) => {
  await open(page);
  agent.emit('CURRENT_TIME|12|00');
  agent.emit('KEY|a');
  agent.emit('MODEL_EVENT_ADD|0');
  agent.emit('MOTION_EVENT_ADD|0|base');
  await expect(log(page)).toContainText('CURRENT_TIME');
  await page.getByRole('combobox', { name: 'Message type to hide' }).fill('CURRENT_TIME');
  await page.getByRole('button', { name: 'Hide type' }).click();
  await expect(log(page)).not.toContainText('CURRENT_TIME');
  await expect(log(page)).toContainText('KEY|a');

  await page.getByRole('button', { name: 'Regular expression' }).click();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('^(KEY|MODEL)');
  await expect(log(page).locator('.row')).toHaveCount(2);
  await expect(log(page).locator('mark').first()).toHaveText('KEY');

  await openTab(page, 'Agents');
  const scene = page.getByRole('region', { name: 'Scene' });
  await expect(scene.getByRole('button', { name: 'Model 0', exact: true })).toBeVisible();
  await expect(scene.getByRole('button', { name: 'Motion base of model 0' })).toBeVisible();
  await scene.getByRole('button', { name: 'Model 0', exact: true }).click();
  const message = page.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue('0');
  await expect(message).toBeFocused();
  /* Focus the user gives another field before the next frame stays there: the insert's deferred focus does not take it back. */
  const motion = await scene.getByRole('button', { name: 'Motion base of model 0' }).elementHandle();
  const filter = await page.getByRole('searchbox', { name: 'Filter' }).elementHandle();
  await page.evaluate(
    ([m, f]) => {
      (m as HTMLElement).click();
      (f as HTMLElement).focus();
    },
    [motion, filter] as const,
  );
  await expect(message).toHaveValue('0base');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeFocused();

  /* The detail pane of a row: its arguments, and Send again for the panel's own lines. */
  await page.getByRole('searchbox', { name: 'Filter' }).fill('');
  await log(page).locator('.row', { hasText: 'MOTION_EVENT_ADD' }).click();
  const detail = page.getByRole('region', { name: 'Message details' });
  await expect(detail).toContainText('(motion alias)');
  await expect(detail.getByRole('button', { name: 'Copy' })).toBeVisible();
});

test('switching to Japanese changes the labels, and settings survive a restart of the browser-mode server', async ({
  page,
}, testInfo) => {
  await open(page);
  agent.emit('MODEL_EVENT_ADD|0');
  agent.emit('CURRENT_TIME|12|00');
  await page.screenshot({ path: testInfo.outputPath('english.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(page.getByRole('button', { name: '設定' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'クイックコマンド' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'メッセージ' })).toBeVisible();
  await openTab(page, '音声');
  await expect(page.getByRole('button', { name: 'マイクを開始' })).toBeVisible();
  /* Message names stay as they are. */
  await expect(log(page)).toHaveCount(0);
  await expect(page.getByRole('log', { name: 'メッセージログ' })).toContainText('CURRENT_TIME');
  await page.screenshot({ path: testInfo.outputPath('japanese.png') });

  await page.getByRole('combobox', { name: '隠すメッセージ種別' }).fill('CURRENT_TIME');
  await page.getByRole('button', { name: '種別を隠す' }).click();
  await page.getByRole('combobox', { name: 'テーマ' }).selectOption('light');
  await page.getByRole('combobox', { name: 'モデル別名' }).fill('mei');
  await openTab(page, 'クイック');
  await page.getByRole('region', { name: 'クイックコマンド' }).getByRole('button', { name: '+ ボタンを追加' }).click();
  const dialog = page.getByRole('dialog', { name: '新しいクイックコマンド' });
  await dialog.getByRole('textbox', { name: 'ラベル' }).fill('お辞儀');
  await dialog.getByRole('textbox', { name: '送る行' }).fill('MOTION_ADD|{model}|bow|motion/bow.vmd|PART|ONCE');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  /* The core writes each change before it answers; two are debounced in the page, so wait for the file. */
  await expect
    .poll(() => savedSettings(dataDir), { message: 'every change on disk before the restart', timeout: 5000 })
    .toMatchObject({
      language: 'ja',
      theme: 'light',
      modelAlias: 'mei',
      logFilters: expect.objectContaining({
        types: expect.arrayContaining([{ type: 'CURRENT_TIME', mode: 'exclude' }]),
      }),
      quickSets: expect.arrayContaining([
        expect.objectContaining({ commands: expect.arrayContaining([expect.objectContaining({ label: 'お辞儀' })]) }),
      ]),
    });

  agent.quit();
  await web.stop();
  web = await startWebPanel([], dataDir);
  agent = await FakeAgent.connect(web.agentUrl, { frameMs: 100 });
  await page.goto(web.uiUrl);
  await expect(page.getByRole('button', { name: '設定' })).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'CURRENT_TIME: 非表示（クリックでこの種別だけを表示）' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(
    page.getByRole('region', { name: 'クイックコマンド' }).getByRole('button', { name: 'お辞儀', exact: true }),
  ).toBeVisible();
  await openTab(page, '発話');
  await expect(page.getByRole('combobox', { name: 'モデル別名' })).toHaveValue('mei');
  await openTab(page, 'クイック');
  await page
    .getByRole('region', { name: 'クイックコマンド' })
    .getByRole('button', { name: 'お辞儀', exact: true })
    .click();
  await agent.waitFor(
    () => agent.received.includes('MOTION_ADD|mei|bow|motion/bow.vmd|PART|ONCE'),
    3000,
    'the remembered command with the remembered model',
  );
});
