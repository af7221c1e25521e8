/** Say it, through the real UI in Chromium: each engine, and an engine that is not there. */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/agent-fixture';
import { FakeVoicevox } from '../support/fake-voicevox';
import { freePort } from '../support/http-fake';
import { envelopeCorrelation, int16, soxReference } from '../support/test-audio';
import { openTab } from '../support/dock';
import { sendSentinel, type WebPanel } from '../support/web-panel';

async function open(page: Page, web: WebPanel): Promise<void> {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await openTab(page, 'Say it');
}

test.describe('Say it', () => {
  test('VOICEVOX-compatible: pick a voice from the engine’s list, type, Say; the agent gets the engine’s audio', async ({
    page,
    web,
    agent,
  }, testInfo) => {
    const engine = await FakeVoicevox.start();
    try {
      await open(page, web);
      const say = page.getByRole('region', { name: 'Say it' });
      await say.getByLabel('Voice engine').selectOption({ label: 'VOICEVOX-compatible' });
      await expect(say.getByLabel('Engine URL')).toHaveValue('http://127.0.0.1:50021');
      await say.getByLabel('Engine URL').fill(engine.url);
      await say.getByLabel('Engine URL').press('Enter');
      const voice = say.getByLabel('Voice', { exact: true });
      await expect(voice.locator('option', { hasText: 'ずんだもん (ノーマル)' })).toHaveCount(1);
      await expect(voice.locator('option', { hasText: 'ハミング' })).toHaveCount(0);
      await voice.selectOption({ label: 'ずんだもん (ノーマル)' });
      await say.getByLabel('Text to say').fill('こんにちは、ずんだもんなのだ');
      await say.getByRole('button', { name: 'Say', exact: true }).click();
      await expect(say.getByRole('status')).toContainText('Saying it to agent');
      await page.screenshot({ path: testInfo.outputPath('say-voicevox.png') });
      await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS', 15_000, 'SNDBRKS');
      expect(agent.received).toEqual(['__AV_START', '__AV_SETMODEL,0']);
      expect(agent.audioEvents[0]).toBe('SNDFILE');
      expect(engine.syntheses.map((s) => [s.style, s.text])).toEqual([[3, 'こんにちは、ずんだもんなのだ']]);
      expect(envelopeCorrelation(soxReference(engine.syntheses[0]!.wav), int16(agent.audio))).toBeGreaterThanOrEqual(
        0.9,
      );
      await expect(page.getByRole('log', { name: 'Message log' })).toContainText(
        'Said to agent #1 with the VOICEVOX-compatible engine (ずんだもん (ノーマル))',
      );
      await expect(say.getByLabel('Text to say')).toHaveValue('');
    } finally {
      await engine.close();
    }
  });

  test('System voice with espeak-ng: Enter says it, ↑ brings the line back', async ({ page, web, agent }) => {
    await open(page, web);
    const say = page.getByRole('region', { name: 'Say it' });
    await say.getByLabel('Voice engine').selectOption({ label: 'System voice' });
    const voice = say.getByLabel('Voice', { exact: true });
    await expect(voice.locator('option', { hasText: 'English (America) (en-us)' })).toHaveCount(1);
    await voice.selectOption({ label: 'English (America) (en-us)' });
    const box = say.getByLabel('Text to say');
    await box.fill('Hello from the computer’s own voice. "Quotes"; $(and) `ticks` stay text.');
    await box.press('Enter');
    await agent.waitFor(() => agent.audioEvents.filter((e) => e === 'SNDBRKS').length === 2, 20_000, 'two sentences');
    expect(agent.audioEvents.filter((e) => e === 'SNDFILE')).toHaveLength(2);
    expect(agent.audio.length / 32000).toBeGreaterThan(2);
    await expect(box).toHaveValue('');
    await box.press('ArrowUp');
    await expect(box).toHaveValue('Hello from the computer’s own voice. "Quotes"; $(and) `ticks` stay text.');
    await expect(page.getByRole('log', { name: 'Message log' })).toContainText(
      'with the system voice (English (America) (en-us))',
    );
  });

  test('MMDAgent-EX voice: the agent gets SYNTH_START with the voice, and Stop Say it sends SYNTH_STOP', async ({
    page,
    web,
    agent,
  }) => {
    await open(page, web);
    const say = page.getByRole('region', { name: 'Say it' });
    await expect(say.getByLabel('Voice engine')).toHaveValue('agent');
    await say.getByLabel('Voice', { exact: true }).fill('mei_voice_happy');
    await say.getByLabel('Voice', { exact: true }).press('Tab');
    await say.getByLabel('Text to say').fill('ようこそ、メイです');
    await say.getByRole('button', { name: 'Say', exact: true }).click();
    await agent.waitFor(
      () => agent.received.includes('SYNTH_START|0|mei_voice_happy|ようこそ、メイです'),
      5000,
      'SYNTH_START',
    );
    await expect(say.getByRole('status')).toContainText('Sent SYNTH_START to agent #1');
    await say.getByRole('button', { name: 'Stop Say it' }).click();
    await agent.waitFor(() => agent.received.includes('SYNTH_STOP|0'), 5000, 'SYNTH_STOP');
    expect(agent.audioEvents).toEqual([]);
  });

  test('an engine that is not running: an alert naming its host and port, nothing sent, the text kept', async ({
    page,
    web,
    agent,
  }) => {
    const port = await freePort();
    await open(page, web);
    const say = page.getByRole('region', { name: 'Say it' });
    await say.getByLabel('Voice engine').selectOption({ label: 'VOICEVOX-compatible' });
    await say.getByLabel('Engine URL').fill(`http://127.0.0.1:${port}`);
    await say.getByLabel('Engine URL').press('Enter');
    await expect(say.getByRole('alert').first()).toContainText(
      `Cannot reach the VOICEVOX-compatible engine at http://127.0.0.1:${port}`,
    );
    await say.getByLabel('Text to say').fill('届かない');
    await expect(say.getByRole('alert')).toHaveCount(1);
    await say.getByRole('button', { name: 'Say', exact: true }).click();
    /* The Say's own alert, beside the voice list's. */
    await expect(say.getByRole('alert')).toHaveCount(2);
    const alert = say.getByRole('alert').last();
    await expect(alert).toContainText(`http://127.0.0.1:${port}`);
    await expect(alert).toContainText('Start VOICEVOX, or its engine with --host 127.0.0.1');
    await expect(say.getByLabel('Text to say')).toHaveValue('届かない');
    await sendSentinel(page, agent);
    expect(agent.frames.map(String)).toEqual(['KEY|sentinel\n']);
  });
});

test('Settings set the speech timeout and the text limit; a text over the limit gets a message and nothing is sent', async ({
  page,
  web,
  agent,
}) => {
  await open(page, web);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Speech engine timeout (seconds)').fill('0');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The speech engine timeout must be between 1 and 300 seconds.');
  await dialog.getByLabel('Speech engine timeout (seconds)').fill('5');
  await dialog.getByLabel('Longest text to say (characters)').fill('10');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  const say = page.getByRole('region', { name: 'Say it' });
  await say.getByLabel('Text to say').fill('これは十文字を超える長い文です');
  await say.getByRole('button', { name: 'Say', exact: true }).click();
  await expect(say.getByRole('alert')).toHaveText('The text has 15 characters; the limit is 10. Nothing was sent.');
  await expect(say.getByLabel('Text to say')).toHaveValue('これは十文字を超える長い文です');
  await sendSentinel(page, agent);
  expect(agent.frames.map(String)).toEqual(['KEY|sentinel\n']);
});
