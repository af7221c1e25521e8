/**
 * The peers a burst is measured against, in the same run: the documentation's Python sample
 * server printing each line (stdout to a file, as `python3 sample.py > out.txt`), and a bare
 * `ws` server that only counts frames (the floor of the panel's own runtime).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from './agent.js';

const SAMPLE_SERVER = fileURLToPath(new URL('../../../bench/sample_server.py', import.meta.url));
const BARE = fileURLToPath(new URL('./bare-ws-server.js', import.meta.url));

const wall = (): number => performance.timeOrigin + performance.now();

/** The last bytes of a file, for "has the last line been printed yet". */
function tail(path: string, bytes = 64): string {
  const size = statSync(path).size;
  if (size === 0) return '';
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(bytes, size));
    readSync(fd, buf, 0, buf.length, size - buf.length);
    return buf.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** First send → the Python sample has printed the last line to its file; null without python3-websockets. */
export async function pythonBurstToFile(count: number): Promise<number | null> {
  const out = join(mkdtempSync(join(tmpdir(), 'rp-py-')), 'out.txt');
  const fd = openSync(out, 'w');
  const port = 20000 + Math.floor(Math.random() * 20000);
  /* -u: each line is written as it is printed, as to a terminal (block buffering would hold the last lines until exit). */
  const proc = spawn('/usr/bin/python3', ['-u', SAMPLE_SERVER, String(port)], { stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const t0 = Date.now();
  let agent: Agent | null = null;
  while (!agent && Date.now() - t0 < 5000 && proc.exitCode === null) {
    agent = await Agent.connect(`ws://127.0.0.1:${port}/chat`).catch(() => null);
    if (!agent) await new Promise((r) => setTimeout(r, 50));
  }
  if (!agent) {
    proc.kill();
    console.log(`  (python3-websockets sample server did not start: ${err.trim().split('\n').pop() ?? 'no output'})`);
    return null;
  }
  const last = `BURST|${count - 1}\n`;
  const { start } = await agent.run({ cmd: 'rawburst', prefix: 'BURST', count });
  let endAt = 0;
  while (!endAt && Date.now() - t0 < 120_000) {
    if (tail(out).endsWith(last)) endAt = wall();
    else await new Promise((r) => setTimeout(r, 2));
  }
  await agent.close();
  proc.kill();
  return endAt ? endAt - start! : null;
}

/** First send → a bare ws server has counted every frame. */
export async function bareWsBurst(count: number): Promise<number> {
  const proc = spawn(process.execPath, [BARE, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  while (!/READY (\d+)/.test(out)) await new Promise((r) => setTimeout(r, 5));
  const port = /READY (\d+)/.exec(out)![1];
  const agent = await Agent.connect(`ws://127.0.0.1:${port}/chat`);
  const { start } = await agent.run({ cmd: 'rawburst', prefix: 'BURST', count });
  while (!/DONE ([\d.]+)/.test(out)) await new Promise((r) => setTimeout(r, 2));
  const done = Number(/DONE ([\d.]+)/.exec(out)![1]);
  await agent.close();
  proc.kill();
  return done - start!;
}
