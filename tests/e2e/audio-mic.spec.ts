/** The microphone, through the real UI: Chromium's fake capture device plays an espeak-ng WAV once. */
import { expect, test } from '../support/agent-fixture';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../bench/chromium';
import { openTab } from '../support/dock';
import { envelopeCorrelation, int16, makeTestAudio } from '../support/test-audio';

const audio = makeTestAudio();

test.use({
  launchOptions: {
    executablePath: chromiumExecutable(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${audio.wav}%noloop`,
    ],
  },
});

test('streams the fake capture device with SNDSTRM; its envelope matches the WAV', async ({
  page,
  web,
  agent,
}, testInfo) => {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await openTab(page, 'Audio');
  await page.getByRole('button', { name: 'Start microphone' }).click();
  await expect(page.getByRole('button', { name: 'Stop microphone' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Input level' })).toBeVisible();
  const seconds = audio.reference.length / 16000;
  await agent.waitFor(() => agent.audio.length >= (seconds + 0.6) * 32000, (seconds + 8) * 1000, 'the whole utterance');
  await expect(page.getByText(/capture → wire p50 \d+ ms/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('audio-mic.png') });
  await page.getByRole('button', { name: 'Stop microphone' }).click();
  await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS', 3000, 'SNDBRKS');
  expect(agent.received).toEqual(['__AV_START', '__AV_SETMODEL,0']);
  expect(agent.audioEvents[0]).toBe('SNDSTRM');
  expect(new Set(agent.packetSizes)).toEqual(new Set([1280]));
  const corr = envelopeCorrelation(audio.reference, int16(agent.audio));
  testInfo.annotations.push({ type: 'envelope correlation', description: corr.toFixed(3) });
  expect(corr).toBeGreaterThanOrEqual(0.95);
});

test('Mute holds the chunks back on the audio thread while the level still shows; unmuting lets them through', async ({
  page,
  web,
  agent,
}) => {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  await openTab(page, 'Audio');
  await page.getByRole('button', { name: 'Mute' }).click();
  await expect(page.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Start microphone' }).click();
  await expect(page.getByText('Muted: nothing is sent')).toBeVisible();
  /* The voice is heard (the meter moves, so chunks are being cut), yet nothing reaches the agent. */
  await expect(page.getByRole('meter', { name: 'Input level' })).toHaveAttribute('aria-valuetext', /dBFS/, {
    timeout: 10_000,
  });
  await agent.waitFor(() => agent.audioEvents.includes('SNDSTRM'), 3000, 'SNDSTRM');
  expect(agent.audio.length).toBe(0);
  await page.getByRole('button', { name: 'Mute' }).click();
  await agent.waitFor(() => agent.audio.length >= 32000, 10_000, 'a second of audio after unmuting');
  await page.getByRole('button', { name: 'Stop microphone' }).click();
  await agent.waitFor(() => agent.audioEvents.at(-1) === 'SNDBRKS', 3000, 'SNDBRKS');
});
