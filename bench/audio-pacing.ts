/**
 * Audio pacing benchmark: a 60 s file streamed through browser mode's bridge, and
 * the microphone from Chromium's fake capture device, each measured at the agent.
 */
import type { Snapshot } from '../common/contract.js';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { chromium } from 'playwright';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { Agent } from './agent.js';
import { fmt, percentile, table } from './stats.js';
import { startWebProcess, type WebProcess } from './web-process.js';

const LISTENER = fileURLToPath(new URL('./packet-listener.js', import.meta.url));

interface Arrival {
  t: number;
  bytes: number;
}

export interface PacingResult {
  durationErrorMs: number;
  jitterP50: number;
  jitterP99: number;
  maxLeadMs: number;
}

/** An agent on its own thread that records when each SND packet arrives. */
export async function listener(url: string): Promise<Worker> {
  const w = new Worker(LISTENER, { workerData: { url } });
  await new Promise<void>((resolve, reject) =>
    w.once('message', (m: { open?: boolean; error?: string }) => (m.open ? resolve() : reject(new Error(m.error)))),
  );
  return w;
}

/** Opens the browser-mode bridge the way the page does (token cookie) and sends one request. */
export async function bridgeRequest(
  web: WebProcess,
  ch: string,
  arg: Record<string, unknown>,
  pcm?: Uint8Array,
): Promise<unknown> {
  const u = new URL(web.uiUrl);
  const token = u.searchParams.get('token')!;
  const ws = new WebSocket(`ws://${u.host}/bridge`, {
    headers: { Cookie: `rp_token_${u.port}=${token}`, Origin: u.origin },
  });
  await new Promise((r) => ws.once('open', r));
  const header = Buffer.from(JSON.stringify({ t: 'req', id: 1, ch, arg }));
  const frame = pcm ? Buffer.concat([Buffer.alloc(4), header, pcm]) : JSON.stringify({ t: 'req', id: 1, ch, arg });
  if (pcm) (frame as Buffer).writeUInt32LE(header.length, 0);
  const reply = new Promise((resolve) =>
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as { t: string; id?: number; result?: unknown };
      if (f.t === 'res' && f.id === 1) resolve(f.result);
    }),
  );
  ws.send(frame);
  const result = await reply;
  ws.close();
  return result;
}

/** Measures pacing from packet arrival times: lead, interval jitter, and span against the ideal. */
export function pacingStats(arrivals: Arrival[], leadMs = 160): PacingResult {
  const t0 = arrivals[0]!.t;
  let audioMs = 0;
  let maxLeadMs = 0;
  const jitter: number[] = [];
  arrivals.forEach((a, i) => {
    const startMs = audioMs;
    audioMs += a.bytes / 32;
    maxLeadMs = Math.max(maxLeadMs, audioMs - (a.t - t0));
    /* Packets after the initial lead are due 40 ms apart. */
    if (i > 0 && startMs > leadMs) jitter.push(Math.abs(a.t - arrivals[i - 1]!.t - arrivals[i - 1]!.bytes / 32));
  });
  const lastStart = audioMs - arrivals.at(-1)!.bytes / 32;
  const idealSpan = lastStart - leadMs;
  return {
    durationErrorMs: arrivals.at(-1)!.t - t0 - idealSpan,
    jitterP50: percentile(jitter, 50),
    jitterP99: percentile(jitter, 99),
    maxLeadMs,
  };
}

export async function fileRun(web: WebProcess, seconds: number): Promise<PacingResult> {
  const w = await listener(web.agentUrl);
  await new Promise((r) => setTimeout(r, 300));
  const state = (await bridgeRequest(web, 'panel:ready', {})) as Snapshot;
  const agentId = Math.max(...state.agents.map((s) => s.agentId));
  const samples = new Int16Array(seconds * 16000).map((_, i) => Math.round(6000 * Math.sin(i / 10)));
  const done = new Promise<Arrival[]>((resolve) =>
    w.on('message', (m: { brks?: boolean; arrivals?: Arrival[] }) => m.brks && resolve(m.arrivals!)),
  );
  await bridgeRequest(
    web,
    'audio:stream-file',
    { agentId, alias: '0', name: `${seconds}s.wav`, whenBusy: 'replace' },
    new Uint8Array(samples.buffer),
  );
  const arrivals = await done;
  w.postMessage({ cmd: 'close' });
  await w.terminate();
  return pacingStats(arrivals);
}

async function micRun(web: WebProcess, wav: string, seconds: number): Promise<{ p50: number; p99: number }> {
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
    ],
  });
  const page = await browser.newPage();
  const agent = await listener(web.agentUrl);
  await page.goto(web.uiUrl + '&bench=1');
  await page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Connected' }).waitFor();
  await page
    .getByLabel('Target')
    .selectOption({ index: (await page.getByLabel('Target').locator('option').count()) - 1 });
  await page.getByRole('button', { name: 'Start microphone' }).click();
  await page.waitForTimeout(seconds * 1000);
  const status = await page.evaluate(() => {
    const w = window as unknown as {
      __rpStore: { getState(): { audioStatus: { state: string; latencyP50?: number; latencyP99?: number }[] } };
    };
    return w.__rpStore.getState().audioStatus.find((a) => a.state === 'mic');
  });
  await page.getByRole('button', { name: 'Stop microphone' }).click();
  agent.postMessage({ cmd: 'close' });
  await agent.terminate();
  await browser.close();
  return { p50: status?.latencyP50 ?? NaN, p99: status?.latencyP99 ?? NaN };
}

export async function benchAudio(wav: string): Promise<void> {
  const rows: [string, string, string?][] = [];
  for (const flood of [false, true]) {
    const web = await startWebProcess();
    let flooder: Agent | null = null;
    let floodBrowser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
    let flooding: Promise<unknown> = Promise.resolve();
    if (flood) {
      /* The log benchmark's load: a second agent at 10,000 msg/s into a live page. */
      floodBrowser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
      await (await floodBrowser.newPage()).goto(web.uiUrl);
      flooder = await Agent.connect(web.agentUrl);
      flooding = flooder.run({ cmd: 'rate', prefix: 'FLOOD', perSecond: 10_000, seconds: 90 });
    }
    const label = flood ? ' (flood 10k msg/s)' : '';
    const file = await fileRun(web, 60);
    const mic = await micRun(web, wav, 10);
    rows.push(
      [`60 s file: duration error${label}`, `${fmt(file.durationErrorMs)} ms`, 'target ≤ 100 ms'],
      [`60 s file: packet jitter p50${label}`, `${fmt(file.jitterP50)} ms`, ''],
      [`60 s file: packet jitter p99${label}`, `${fmt(file.jitterP99)} ms`, 'target ≤ 15 ms'],
      [`60 s file: max lead${label}`, `${fmt(file.maxLeadMs)} ms`, 'target ≤ 250 ms'],
      [`Microphone capture → wire p50${label}`, `${fmt(mic.p50)} ms`, ''],
      [`Microphone capture → wire p99${label}`, `${fmt(mic.p99)} ms`, 'target ≤ 120 ms'],
    );
    if (flooder) {
      await flooder.close();
      await flooding.catch(() => undefined);
    }
    await floodBrowser?.close();
    await web.stop();
  }
  console.log('\nAudio pacing (measured at the agent, on its own thread)');
  console.log(table(rows));
}
