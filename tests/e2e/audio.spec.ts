/** Making the avatar speak, through the real UI in Chromium: files and the microphone. */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/agent-fixture';
import { int16, makeTestAudio, snrDb } from '../support/test-audio';
import { expectQuiet } from '../support/wait';
import { openTab } from '../support/dock';
import { sendSentinel, type WebPanel } from '../support/web-panel';

const audio = makeTestAudio();

async function open(page: Page, web: WebPanel): Promise<void> {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await openTab(page, 'Audio');
}

test.describe('file streaming', () => {
  test('streams a WAV through the file picker: preamble, SNDFILE, paced audio, SNDBRKS, matching sox', async ({
    page,
    web,
    agent,
  }, testInfo) => {
    await open(page, web);
    await page.getByLabel('Audio file').setInputFiles(audio.wav);
    await expect(page.getByText('speech.wav')).toBeVisible();
    await page.getByRole('button', { name: 'Stream file' }).click();
    const progress = page.getByRole('progressbar', { name: 'Streaming progress' });
    await expect(progress).toBeVisible();
    /* Progress moves while the file is paced out. */
    await expect
      .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 3000 })
      .toBeGreaterThan(1000);
    await page.screenshot({ path: testInfo.outputPath('audio-streaming.png') });
    await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS', 20_000, 'SNDBRKS');
    expect(agent.received).toEqual(['__AV_START', '__AV_SETMODEL,0']);
    expect(agent.audioEvents[0]).toBe('SNDFILE');
    expect(Math.max(...agent.packetSizes)).toBeLessThanOrEqual(4096);
    const got = int16(agent.audio);
    expect(Math.abs(got.length - audio.reference.length)).toBeLessThan(160);
    const snr = snrDb(audio.reference, got);
    testInfo.annotations.push({ type: 'SNR vs sox (dB)', description: snr.toFixed(1) });
    expect(snr).toBeGreaterThanOrEqual(30);
    await expect(page.getByRole('log', { name: 'Message log' })).toContainText('Finished streaming "speech.wav"');
  });

  test('streams an MP3, and Stop the file stops at once with SNDBRKS', async ({ page, web, agent }) => {
    await open(page, web);
    await page.getByLabel('Audio file').setInputFiles(audio.mp3);
    await expect(page.getByText('speech.mp3')).toBeVisible();
    await page.getByRole('button', { name: 'Stream file' }).click();
    await agent.waitFor(() => agent.audio.length > 16000, 5000, 'some audio');
    await page.getByRole('button', { name: 'Stop the file' }).click();
    await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS', 2000, 'SNDBRKS after stop');
    const stoppedAt = agent.audio.length;
    /* A stray packet would come from the pacer's timer, which no later event can rule out. */
    await expectQuiet(300, 'audio after Stop the file', () => agent.audio.length !== stoppedAt);
    expect(stoppedAt / 32000).toBeLessThan(audio.mp3Seconds);
    await expect(page.getByRole('log', { name: 'Message log' })).toContainText('stopped by the operator');
    /* Streaming the whole MP3 afterwards delivers its full duration. */
    const before = agent.audio.length;
    await page.getByRole('button', { name: 'Stream file' }).click();
    await agent.waitFor(() => agent.audioEvents.filter((e) => e === 'SNDBRKS').length === 2, 20_000, 'second SNDBRKS');
    expect(Math.abs((agent.audio.length - before) / 32000 - audio.mp3Seconds)).toBeLessThan(0.1);
  });

  test('bad input gets a clear message and nothing is sent', async ({ page, web, agent }) => {
    await open(page, web);
    await page
      .getByLabel('Audio file')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not audio at all') });
    await expect(page.getByRole('alert')).toContainText('"notes.txt" could not be decoded as audio');
    await page
      .getByLabel('Audio file')
      .setInputFiles({ name: 'empty.wav', mimeType: 'audio/wav', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('alert')).toContainText('"empty.wav" is empty');
    await expect(page.getByRole('button', { name: 'Stream file' })).toBeDisabled();
    await sendSentinel(page, agent);
    expect(agent.frames.map(String)).toEqual(['KEY|sentinel\n']);
  });
});
