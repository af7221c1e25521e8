/**
 * `npm run bench -- speech`: Say → first audio packet at the agent, for the system voice
 * (espeak-ng) and a VOICEVOX-compatible engine (the tests' fake, which follows the real API),
 * split into the engine's time and the panel's own; and the pacing of a long utterance.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry } from '../common/log.js';
import { decodeLogWire } from '../common/log-wire.js';
import { DEFAULT_SPEECH, type SpeechEngine } from '../common/speech.js';
import { Panel } from '../electron/core/panel.js';
import { wavToPcm16k } from '../electron/core/speech/resample.js';
import { FakeVoicevox } from '../tests/support/fake-voicevox.js';
import { snrDb } from '../tests/support/test-audio.js';
import { listener, pacingStats } from './audio-pacing.js';
import { fmt, percentile, table } from './stats.js';

interface Arrival {
  t: number;
  bytes: number;
  w: number;
}

const RUNS = 15;
const wall = (): number => performance.timeOrigin + performance.now();

async function startPanel(): Promise<{ panel: Panel; entries: LogEntry[] }> {
  const panel = new Panel({
    dataDir: mkdtempSync(join(tmpdir(), 'rp-bench-speech-')),
    host: 'web',
    overrides: { wsPort: 0 },
  });
  const entries: LogEntry[] = [];
  panel.on('log:batch', (b) => entries.push(...decodeLogWire(b).entries));
  await panel.start();
  return { panel, entries };
}

/** One Say, timed from the call to the first packet's arrival on the agent's thread. */
async function timedSay(
  panel: Panel,
  entries: LogEntry[],
  agent: Awaited<ReturnType<typeof listener>>,
  agentId: number,
  engine: SpeechEngine,
  text: string,
): Promise<{ total: number; engine: number; core: number; arrivals: Arrival[] }> {
  const said = entries.length;
  const done = new Promise<Arrival[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no SNDBRKS within 30 s for "${text}"`)), 30_000);
    agent.once('message', (m: { arrivals?: Arrival[] }) => {
      clearTimeout(timer);
      resolve(m.arrivals ?? []);
    });
  });
  const t0 = wall();
  const result = await panel.speech.say({ agentId: agentId, alias: '0', text, engine, whenBusy: 'replace' });
  if (!result.ok) throw new Error(`Say failed: ${JSON.stringify(result)}`);
  const arrivals = await done;
  let entry: LogEntry | undefined;
  for (let i = 0; i < 200 && !entry; i++) {
    entry = entries.slice(said).find((e) => e.msg?.key === 'said');
    if (!entry) await new Promise((r) => setTimeout(r, 10));
  }
  const engineMs = Number(entry?.msg?.params.engineMs);
  return { total: arrivals[0]!.w - t0, engine: engineMs, core: Number(entry?.msg?.params.panelMs), arrivals };
}

function summary(label: string, runs: { total: number; engine: number; core: number }[]): [string, string, string?][] {
  const m = (xs: number[]): string => `${fmt(percentile(xs, 50))} ms (p90 ${fmt(percentile(xs, 90))})`;
  return [
    [`${label}: Say → first packet at the agent`, m(runs.map((r) => r.total))],
    [`${label}: engine`, m(runs.map((r) => r.engine))],
    [`${label}: panel's own (total − engine)`, m(runs.map((r) => r.total - r.engine)), 'target ≤ 50 ms'],
    [`${label}: of which in the core (decode, resample, send)`, m(runs.map((r) => r.core))],
  ];
}

/** libsamplerate against sox on the same 24 kHz speech: the resampler's SNR in this run. */
async function resamplerSnr(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-bench-snr-'));
  execFileSync('espeak-ng', ['-v', 'en-us', '-w', join(dir, 's.wav'), 'The quick brown fox jumps over the lazy dog.']);
  execFileSync('sox', [join(dir, 's.wav'), '-r', '24000', join(dir, 's24.wav')]);
  execFileSync('sox', [
    join(dir, 's24.wav'),
    '-r',
    '16000',
    '-b',
    '16',
    '-e',
    'signed-integer',
    '-t',
    'raw',
    join(dir, 'ref.raw'),
  ]);
  const refBuf = readFileSync(join(dir, 'ref.raw'));
  const ref = new Int16Array(refBuf.buffer, refBuf.byteOffset, refBuf.length / 2);
  const ours = await wavToPcm16k(new Uint8Array(readFileSync(join(dir, 's24.wav'))));
  const got = new Int16Array(ours.buffer, ours.byteOffset, ours.length / 2);
  return snrDb(ref, got, 32);
}

export async function benchSpeech(): Promise<void> {
  const engine = await FakeVoicevox.start();
  const { panel, entries } = await startPanel();
  await panel.settingsApplier.update({
    speech: {
      ...DEFAULT_SPEECH,
      voicevoxUrl: engine.url,
      voices: { ...DEFAULT_SPEECH.voices, voicevox: '3', system: 'en-us' },
    },
  });
  const agent = await listener(panel.server.currentStatus.url);
  await new Promise((r) => setTimeout(r, 300));
  const agentId = panel.agentList()[0]!.agentId;
  const rows: [string, string, string?][] = [];
  for (const [label, eng, text] of [
    ['System voice (espeak-ng)', 'system', 'Hello there, this is the computer speaking.'],
    ['VOICEVOX-compatible (fake engine)', 'voicevox', 'こんにちは、今日はいい天気ですね。'],
  ] as const) {
    const runs = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const run = await timedSay(panel, entries, agent, agentId, eng, text);
      if (i >= 2) runs.push(run);
    }
    rows.push(...summary(label, runs));
  }
  /* A long utterance (about 9 s of audio in three sentences), paced like a file. */
  const long = await timedSay(
    panel,
    entries,
    agent,
    agentId,
    'voicevox',
    'これはペース配分を測るための長い文です。二つ目の文もあります。三つ目の文で終わります。',
  );
  const all: Arrival[][] = [long.arrivals];
  while (all.length < 3)
    all.push(
      await new Promise<Arrival[]>((resolve) =>
        agent.once('message', (m: { arrivals?: Arrival[] }) => resolve(m.arrivals ?? [])),
      ),
    );
  const pacing = all.map((a) => pacingStats(a));
  rows.push(
    ['Long Say (3 sentences): packet jitter p50', `${fmt(Math.max(...pacing.map((p) => p.jitterP50)))} ms`],
    [
      'Long Say (3 sentences): packet jitter p99',
      `${fmt(Math.max(...pacing.map((p) => p.jitterP99)))} ms`,
      'target ≤ 15 ms',
    ],
    ['Long Say (3 sentences): max lead', `${fmt(Math.max(...pacing.map((p) => p.maxLeadMs)))} ms`, 'target ≤ 250 ms'],
    ['Resampler vs sox (24 kHz speech → 16 kHz): SNR', `${fmt(await resamplerSnr())} dB`, 'target ≥ 30 dB'],
  );
  /* Stop speech in the middle of a Say: how soon the agent has its SNDBRKS (measured on its own thread). */
  const stops: number[] = [];
  for (let i = 0; i < 5; i++) {
    const ended = new Promise<number>((resolve) => {
      const onMessage = (m: { brks?: boolean }): void => {
        if (!m.brks) return;
        agent.off('message', onMessage);
        resolve(wall());
      };
      agent.on('message', onMessage);
    });
    const text = 'これは止めるための長い文です。止めたらすぐに終わるはずです。';
    const said = await panel.speech.say({ agentId, alias: '0', text, engine: 'voicevox', whenBusy: 'replace' });
    if (!said.ok) throw new Error(`Say failed: ${JSON.stringify(said)}`);
    await new Promise((r) => setTimeout(r, 500));
    const t0 = wall();
    panel.speech.stop(agentId, '0');
    stops.push((await ended) - t0);
  }
  rows.push([
    'Stop speech → SNDBRKS at the agent, median / max of 5',
    `${fmt(percentile(stops, 50))} / ${fmt(Math.max(...stops))} ms`,
    'target ≤ 500 ms',
  ]);
  agent.postMessage({ cmd: 'close' });
  await agent.terminate();
  await panel.shutdown();
  await engine.close();
  console.log(`\nSay it (${RUNS} runs each after 2 warm-ups; median, p90)`);
  console.log(table(rows));
}
