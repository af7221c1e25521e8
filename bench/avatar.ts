/**
 * The Avatar region: what a held face costs (the CPU of the core and the whole browser with four
 * avatar morphs held for 60 s, against the same panel at rest), and how soon a slider's move
 * leaves for the agent (input event → line on the agent's socket), with the bare send path as its floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
import WebSocket from 'ws';
import { writePmd } from '../tests/support/model-files.js';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { fmt, percentile, table } from './stats.js';
import { startWebProcess } from './web-process.js';

const HOLD_SEC = Number(process.env.RP_BENCH_HOLD_SEC) || 60;
const MOVES = 600;
const EXMORPHS = ['wink', 'smile', 'brow', 'mouth'];

/** CPU seconds used so far by a process and every process below it (Linux /proc). */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      /* Gone meanwhile. */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) stack.push(child);
  }
  return total;
}

/** This process's own CPU seconds, in the same clock ticks as /proc (the stand-in agent lives here). */
function selfCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** An MMDAgent-EX stand-in that notes when each line arrives (wall clock, ms). */
async function connectAgent(url: string): Promise<{ lines: { at: number; line: string }[]; close(): void }> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://127.0.0.1:${u.port}${u.pathname}`, {
    headers: { 'X-App-Type': 'MMDAgent' },
    perMessageDeflate: false,
  });
  const lines: { at: number; line: string }[] = [];
  ws.on('message', (data: Buffer) => {
    const at = performance.timeOrigin + performance.now();
    for (const line of data.toString('utf8').split('\n')) if (line) lines.push({ at, line });
  });
  ws.on('error', () => undefined);
  await new Promise((r) => ws.once('open', r));
  ws.send('MODEL_ADD|0|bench/Bench.pmd\nMODEL_EVENT_ADD|0\n');
  return { lines, close: () => ws.terminate() };
}

/** In the page, once a frame: a slider input (through React's handler) or a bare send; input times go to `__moves`. */
function drive(page: Page, how: 'slider' | 'bare', n: number): Promise<void> {
  return page.evaluate(
    ({ how, n }) =>
      new Promise<void>((resolve) => {
        const w = window as unknown as {
          __moves: number[];
          __rpStore: { getState(): { agents: { agentId: number }[] } };
          __rpApi: () => { send(target: number, text: string): Promise<unknown> };
        };
        w.__moves = [];
        const slider = document.querySelector<HTMLInputElement>('input[aria-label="morph0"]')!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const agentId = w.__rpStore.getState().agents[0]!.agentId;
        let i = 0;
        const step = (): void => {
          if (i >= n) return resolve();
          const value = ((i % 99) + 1) / 100;
          w.__moves.push(performance.timeOrigin + performance.now());
          if (how === 'slider') {
            setValue.call(slider, String(value));
            slider.dispatchEvent(new Event('input', { bubbles: true }));
          } else void w.__rpApi().send(agentId, `KEY|${i}`);
          i++;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { how, n },
  );
}

export async function benchAvatar(): Promise<void> {
  const web = await startWebProcess();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.uiUrl + '&bench=1');
  const agent = await connectAgent(web.agentUrl);
  await page.getByRole('tab', { name: 'Avatar' }).click();
  const morphs = Array.from({ length: 40 }, (_, i) => `morph${i}`);
  const shapemap = EXMORPHS.map((e, i) => `EXMORPH_${e} morph${i + 1}`).join('\n') + '\nACT0 motion/00_normal.vmd\n';
  await page.getByLabel('Model files', { exact: true }).setInputFiles([
    { name: 'Bench.pmd', mimeType: 'application/octet-stream', buffer: Buffer.from(writePmd(morphs)) },
    { name: 'Bench.pmd.shapemap', mimeType: 'text/plain', buffer: Buffer.from(shapemap) },
  ]);
  await page.getByRole('slider', { name: 'morph0', exact: true }).waitFor();
  console.log('\nAvatar: a held face and slider → wire');

  /* Slider → wire: each move's line (MODEL_BINDFACE with its value) on the agent's socket. */
  const latency = async (how: 'slider' | 'bare'): Promise<number[]> => {
    const from = agent.lines.length;
    await drive(page, how, MOVES);
    const moves = await page.evaluate(() => (window as unknown as { __moves: number[] }).__moves);
    const want = (i: number): string =>
      how === 'slider' ? `MODEL_BINDFACE|0|morph0|${((i % 99) + 1) / 100}|` : `KEY|${i}`;
    const deadline = Date.now() + 10_000;
    while (!agent.lines.slice(from).some((l) => l.line.startsWith(want(MOVES - 1))) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const got = agent.lines.slice(from);
    return moves.map((t, i) => {
      const hit = got.find((l) => l.at >= t - 1 && l.line.startsWith(want(i)));
      return hit ? Math.max(0, hit.at - t) : Number.POSITIVE_INFINITY;
    });
  };
  const slider = await latency('slider');
  const bare = await latency('bare');
  await page.getByRole('button', { name: 'Reset face' }).click();

  /* CPU: the panel at rest, then with four avatar morphs held, HOLD_SEC each. */
  const cpuOver = async (): Promise<{ core: number; browser: number; lines: number }> => {
    /* Chromium runs below this process, as the web process does: the browser is the tree less those two. */
    const sample = (): { core: number; browser: number } => {
      const core = treeCpuSeconds(web.proc.pid!);
      return { core, browser: treeCpuSeconds(process.pid) - core - selfCpuSeconds() };
    };
    const lines0 = agent.lines.length;
    const before = sample();
    await new Promise((r) => setTimeout(r, HOLD_SEC * 1000));
    const after = sample();
    return {
      core: ((after.core - before.core) / HOLD_SEC) * 100,
      browser: ((after.browser - before.browser) / HOLD_SEC) * 100,
      lines: agent.lines.length - lines0,
    };
  };
  /* The latency runs leave work behind (their log rows, a collection): the panel settles first. */
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5000));
  await settle();
  const restBefore = await cpuOver();
  for (const name of EXMORPHS) await page.getByRole('slider', { name, exact: true }).press('End');
  const held = await cpuOver();
  await page.getByRole('button', { name: 'Reset face' }).click();
  await settle();
  const restAfter = await cpuOver();
  const rest = {
    core: (restBefore.core + restAfter.core) / 2,
    browser: (restBefore.browser + restAfter.browser) / 2,
  };
  const exLines = agent.lines.filter((l) => l.line.startsWith('__AV_EXMORPH,')).length;

  agent.close();
  await browser.close();
  await web.stop();

  const ms = (v: number[], p: number): string => fmt(percentile(v, p), 1);
  const missed = slider.filter((v) => !Number.isFinite(v)).length;
  const total = (c: { core: number; browser: number }): number => c.core + c.browser;
  console.log(
    table([
      [
        `Slider → wire, ${MOVES} moves at one per frame, p50 / p99`,
        `${ms(slider, 50)} / ${ms(slider, 99)} ms`,
        `input event → MODEL_BINDFACE on the agent's socket; target p99 ≤ 17 ms${missed ? `; ${missed} never arrived` : ''}`,
      ],
      [
        'Floor: the page sending a line itself, p50 / p99',
        `${ms(bare, 50)} / ${ms(bare, 99)} ms`,
        'the same pace, straight through window.api (bridge → core → ws)',
      ],
      [
        `At rest, ${HOLD_SEC} s before and after: core + browser CPU`,
        `${fmt(total(rest), 2)} % of a core`,
        `the mean of ${fmt(total(restBefore), 2)} and ${fmt(total(restAfter), 2)} %; core ${fmt(rest.core, 2)} %, Chromium (every process) ${fmt(rest.browser, 2)} %`,
      ],
      [
        `${EXMORPHS.length} avatar morphs held, ${HOLD_SEC} s: core + browser CPU`,
        `${fmt(total(held), 2)} % of a core`,
        `core ${fmt(held.core, 2)} %, Chromium ${fmt(held.browser, 2)} %; ${held.lines} lines to the agent`,
      ],
      [
        'A held face costs',
        `${fmt(total(held) - total(rest), 2)} percentage points of a core`,
        `target ≤ 2; ${exLines} __AV_EXMORPH lines in all`,
      ],
    ]),
  );
}
