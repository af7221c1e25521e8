/**
 * `npm run bench:reliability`: faults and attacks against browser mode running as
 * its own process, with numbers; prints the table and writes docs/reliability.md.
 * Loopback only; every loop is bounded in count and time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { readJsonl } from '../electron/core/log-writer.js';
import { Panel } from '../electron/core/panel.js';
import { FakeAgent } from '../tests/support/fake-agent.js';
import { fuzz } from '../tests/support/fuzz.js';
import { bridgeRequest, fileRun } from './audio-pacing.js';
import { Agent } from './agent.js';
import { fmt } from './stats.js';
import { startWebProcess, type WebProcess } from './web-process.js';

type Row = [attack: string, sent: string, happened: string, numbers: string];

const rssMb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function openAgent(
  url: string,
  headers: Record<string, string> = { 'X-App-Type': 'MMDAgent' },
): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.on('error', () => undefined);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_q, res) => resolve(res.statusCode ?? 0));
  });
}

function diskLines(web: WebProcess, prefix: string): string[] {
  return readJsonl<{ text?: string; dir?: string }>(web.logFile())
    .records.filter((r) => r.dir === 'in' && r.text?.startsWith(prefix))
    .map((r) => r.text!);
}

/** An agent that answers as MMDAgent-EX: time from sending a line to its echo logged as delivered. */
async function roundTripMs(web: WebProcess): Promise<number> {
  const ws = (await openAgent(web.agentUrl)) as WebSocket;
  const u = new URL(web.uiUrl);
  const bridge = new WebSocket(`ws://${u.host}/bridge`, {
    headers: { Cookie: `rp_token_${u.port}=${u.searchParams.get('token')}`, Origin: u.origin },
  });
  await new Promise((r) => bridge.once('open', r));
  const t0 = performance.now();
  ws.send('PING_EVENT|1\n');
  await new Promise<void>((resolve) => {
    bridge.on('message', (d) => String(d).includes('PING_EVENT|1') && resolve());
    bridge.send(JSON.stringify({ t: 'req', id: 1, ch: 'panel:ready' }));
  });
  const ms = performance.now() - t0;
  bridge.close();
  ws.terminate();
  return ms;
}

async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const web = await startWebProcess();
  const pid = web.proc.pid!;
  await sleep(300);
  const base = rssMb(pid);

  /* Fuzz. */
  const f = await fuzz(web.agentUrl, 10_000, 5, 1 << 20, 7);
  await sleep(700);
  const onDisk = new Set(
    readJsonl<{ text?: string; dir?: string; binary?: number }>(web.logFile())
      .records.filter((r) => r.dir === 'in')
      .map((r) => {
        const ascii =
          r.binary !== undefined
            ? Buffer.from(String(r.text).replace(/ …$/, '').split(' ').join(''), 'hex').toString('latin1')
            : String(r.text);
        return /^(SND1280)?F[ZB]\|\d+\|\d+\|/.exec(ascii)?.[0];
      }),
  );
  const lost = f.accepted.filter((m) => !onDisk.has(m)).length;
  const rt = await roundTripMs(web);
  rows.push([
    'Fuzz: random frames from 5 clients',
    `${f.sent.toLocaleString()} frames: binary, invalid UTF-8, lines of 0–100,000 B, lone CR, NUL, SND prefixes, ${f.refusedOversize} over maxPayload`,
    `over-limit frames closed with 1009 and logged; the rest logged; a normal agent answered right after`,
    `accepted on disk ${(f.accepted.length - lost).toLocaleString()}/${f.accepted.length.toLocaleString()} (lost ${lost}); round trip after ${fmt(rt)} ms; RSS ${fmt(base)} → ${fmt(rssMb(pid))} MB`,
  ]);

  /* Connection storm. */
  const beforeStorm = rssMb(pid);
  for (let round = 0; round < 50; round++) {
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const ws = await openAgent(web.agentUrl);
        if (typeof ws !== 'number') ws.terminate();
      }),
    );
  }
  await sleep(500);
  const state = await fetchSessions(web);
  rows.push([
    'Connection storm',
    '1,000 connect/disconnect cycles, 20 at a time',
    'every agent connected, logged and closed',
    `agents left ${state}; RSS ${fmt(beforeStorm)} → ${fmt(rssMb(pid))} MB`,
  ]);

  /* Half-open sockets. */
  const t0 = performance.now();
  const sockets = Array.from({ length: 200 }, () => {
    const s = connect(Number(new URL(web.agentUrl).port), '127.0.0.1');
    s.on('error', () => undefined);
    s.write('GET /chat HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    return s;
  });
  const closedAt: number[] = [];
  sockets.forEach((s) => s.on('close', () => closedAt.push(performance.now() - t0)));
  while (closedAt.length < 200 && performance.now() - t0 < 20_000) await sleep(100);
  sockets.forEach((s) => s.destroy());
  rows.push([
    'Half-open sockets',
    '200 TCP connections that never finish the upgrade',
    'dropped by the 10 s handshake timeout',
    `${closedAt.length}/200 closed by the server, last after ${fmt(Math.max(...closedAt) / 1000)} s`,
  ]);

  /* Origin. */
  const evil = await openAgent(web.agentUrl, { Origin: 'https://evil.example' });
  rows.push([
    'Cross-site WebSocket hijacking',
    'upgrade with Origin: https://evil.example',
    'refused, logged',
    `HTTP ${typeof evil === 'number' ? evil : 'accepted!'}`,
  ]);

  /* Browser-mode token and traversal. */
  const ui = new URL(web.uiUrl);
  const statuses = await Promise.all(
    ['/', `/?token=wrong`, '/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json'].map(
      async (p, i) => {
        const headers: Record<string, string> =
          i >= 2 ? { Cookie: `rp_token_${ui.port}=${ui.searchParams.get('token')}` } : {};
        return (await fetch(`${ui.origin}${p}`, { headers, redirect: 'manual' })).status;
      },
    ),
  );
  rows.push([
    'Browser mode without the token; path traversal',
    'no token, wrong token, 3 traversal paths with the token',
    'refused',
    `${statuses.slice(0, 2).join(', ')}; traversal ${statuses.slice(2).join(', ')}`,
  ]);

  /* UI rate limit: a runaway agent. */
  const runaway = await Agent.connect(web.agentUrl);
  await runaway.run({ cmd: 'burst', prefix: 'RUNAWAY', count: 200_000 });
  await sleep(2500);
  const runawayDisk = diskLines(web, 'RUNAWAY|').length;
  await runaway.close();
  rows.push([
    'Runaway agent',
    '200,000 messages in one burst',
    'UI gets ≤ 50,000/s per agent with a "not shown" marker; disk gets all',
    `on disk ${runawayDisk.toLocaleString()}/200,000; RSS now ${fmt(rssMb(pid))} MB`,
  ]);

  /* Audio during a flood. */
  const flooder = await Agent.connect(web.agentUrl);
  const flooding = flooder.run({ cmd: 'rate', prefix: 'FLOOD', perSecond: 10_000, seconds: 25 });
  const pacing = await fileRun(web, 20);
  await flooding;
  await flooder.close();
  rows.push([
    'Audio during a flood',
    '20 s file to one agent while another sends 10,000 msg/s',
    'pacing held',
    `jitter p99 ${fmt(pacing.jitterP99)} ms (target ≤ 15), max lead ${fmt(pacing.maxLeadMs)} ms, duration error ${fmt(pacing.durationErrorMs)} ms`,
  ]);
  await web.stop();

  /* kill -9 in the middle of a flood. */
  const victim = await startWebProcess();
  const ws = (await openAgent(victim.agentUrl)) as WebSocket;
  const sentAt: number[] = [];
  const start = performance.now();
  let killedAt = 0;
  while (performance.now() - start < 3000) {
    const due = Math.floor(((performance.now() - start) / 1000) * 10_000);
    while (sentAt.length < due && ws.readyState === WebSocket.OPEN) {
      ws.send(`KILL|${sentAt.length}\n`);
      sentAt.push(performance.now());
    }
    if (!killedAt && performance.now() - start > 2000) {
      killedAt = performance.now();
      victim.proc.kill('SIGKILL');
    }
    await sleep(2);
  }
  ws.terminate();
  const kept = diskLines(victim, 'KILL|').length;
  const sentBefore = sentAt.filter((t) => t <= killedAt).length;
  rows.push([
    'kill -9 during a flood',
    '10,000 msg/s, SIGKILL after 2 s',
    'log readable, in order, last line may be cut',
    `kept ${kept.toLocaleString()} of ${sentBefore.toLocaleString()} sent before the kill (lost ${sentBefore - kept}, ${fmt(((sentBefore - kept) / 10_000) * 1000, 0)} ms worth; bound 1,000 ms)`,
  ]);
  return rows;
}

/**
 * The core in this process, so its heap can be read after garbage collection: the fuzz, then a
 * normal agent right after (connect, an event logged, a line delivered), then the heap again.
 */
async function fuzzInProcess(): Promise<Row> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heapMb = (): number => (gc(), gc(), process.memoryUsage().heapUsed / 2 ** 20);
  const maxPayload = 256 * 1024;
  const panel = new Panel({
    dataDir: mkdtempSync(join(tmpdir(), 'rp-rel-')),
    host: 'web',
    overrides: { wsPort: 0 },
    server: { maxPayload },
  });
  let logged = false;
  panel.on('log:batch', (wire) => (logged ||= wire.text.includes('MODEL_EVENT_ADD|0')));
  await panel.start();
  const url = panel.server.currentStatus.url;
  const baseline = heapMb();
  const f = await fuzz(url, 10_000, 5, maxPayload);
  while (panel.server.count() > 0) await sleep(10);
  const t0 = performance.now();
  const agent = await FakeAgent.connect(url, { frameMs: 0 });
  agent.emit('MODEL_EVENT_ADD|0');
  while (!logged) await sleep(1);
  const eventMs = performance.now() - t0;
  panel.outbox.send(panel.agentList().at(-1)!.agentId, 'MOTION_ADD|0|wave|motions/action/wavehand.vmd|PART|ONCE');
  await agent.waitFor(() => agent.received.length === 1, 3000, 'the line');
  const roundMs = performance.now() - t0;
  agent.quit();
  await sleep(200);
  const grown = heapMb() - baseline;
  await panel.shutdown();
  return [
    'Fuzz, in process: heap after garbage collection',
    `${f.sent.toLocaleString()} random frames from 5 clients, ${f.refusedOversize} over maxPayload`,
    'a normal agent right after: connected, its event logged, a line delivered',
    `event logged ${fmt(eventMs)} ms, line delivered ${fmt(roundMs)} ms after connecting (target ≤ 250 ms); heap ${fmt(grown)} MB over the baseline (target ≤ 30 MB)`,
  ];
}

async function fetchSessions(web: WebProcess): Promise<number> {
  const snapshot = (await bridgeRequest(web, 'panel:ready', {})) as { agents: unknown[] };
  return snapshot.agents.length;
}

const rows = [...(await run()), await fuzzInProcess()];
const md = [
  '# Reliability and security',
  '',
  'Regenerated by `npm run bench:reliability` against browser mode running as its own process (the same core as the desktop app), on loopback only. Numbers from one run on a 2-core machine.',
  '',
  'RSS is the whole process as the OS sees it; V8 and malloc keep freed pages, so it does not fall back after a burst. The heap itself is measured after garbage collection in the in-process fuzz row (target: within 30 MB of the baseline), and every queue that could grow is bounded: the UI window, the snapshot window (5,000 entries and 4 M characters), each bridge client (16 MB, then a "not shown" marker), each agent\'s UI rate (50,000/s), and a partial line (1 MiB).',
  '',
  '| attack or fault | what was sent | what happened | numbers |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
].join('\n');
writeFileSync('docs/reliability.md', md);
console.log(md);
process.exit(0);
