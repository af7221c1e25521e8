/**
 * The Cues region: from GO, and from a waited-for event reaching the core, to the next line on the
 * agent's socket, each beside its floor (the page sending the line itself); and a show of 500 cues
 * imported, listed and scrolled, with the page's longest task.
 */
import { chromium, type Page } from 'playwright';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { instrument, longTask, pageStats, resetLongTasks } from './page-probe.js';
import { fmt, percentile, table } from './stats.js';
import { startWebProcess } from './web-process.js';

const N = 200;
const now = (): number => performance.timeOrigin + performance.now();

/** An MMDAgent-EX stand-in: notes when lines arrive, and sends `EV|i` when asked (wall clock, ms). */
async function connectAgent(url: string) {
  const u = new URL(url);
  const ws = new WebSocket(`ws://127.0.0.1:${u.port}${u.pathname}`, {
    headers: { 'X-App-Type': 'MMDAgent' },
    perMessageDeflate: false,
  });
  const arrived = new Map<string, number>();
  let onLine: (line: string) => void = () => undefined;
  ws.on('message', (data: Buffer) => {
    const at = now();
    for (const line of data.toString('utf8').split('\n'))
      if (line) {
        arrived.set(line, at);
        onLine(line);
      }
  });
  ws.on('error', () => undefined);
  await new Promise((r) => ws.once('open', r));
  return {
    arrived,
    send: (line: string) => ws.send(line + '\n'),
    onLine: (fn: (line: string) => void) => void (onLine = fn),
    close: () => ws.terminate(),
  };
}

const showFile = (cues: unknown[], name: string) => ({
  name: `${name}.json`,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'remote-panel-show', version: 1, name, cues })),
});

async function importShow(page: Page, cues: unknown[], name: string): Promise<void> {
  await page.getByLabel('Show file', { exact: true }).setInputFiles(showFile(cues, name));
  await page.getByRole('listbox', { name: 'Cues' }).getByRole('option').first().waitFor();
  await page.waitForFunction(
    ([n, count]) => document.querySelectorAll('[role=option][id^="cue-"]').length === count && !!n,
    [name, cues.length] as const,
  );
}

/** In the page: press GO (a real click on the button) once a frame while no cue runs; the press times. */
function pressGo(page: Page, n: number): Promise<number[]> {
  return page.evaluate(
    (n) =>
      new Promise<number[]>((resolve) => {
        const store = (window as unknown as { __rpStore: { getState(): { cueRunning: unknown } } }).__rpStore;
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'GO')!;
        const times: number[] = [];
        const step = (): void => {
          if (times.length >= n) return resolve(times);
          if (store.getState().cueRunning === null && !button.disabled) {
            times.push(performance.timeOrigin + performance.now());
            button.click();
          }
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    n,
  );
}

export async function benchCues(): Promise<void> {
  const web = await startWebProcess();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.uiUrl + '&bench=1');
  await instrument(page);
  const agent = await connectAgent(web.agentUrl);
  await page.getByRole('tab', { name: 'Cues' }).click();
  console.log('\nCues: GO and waits → the next line; a show of 500 cues');

  /* GO → its first line. */
  await importShow(
    page,
    Array.from({ length: N }, (_, i) => ({ name: `Go ${i}`, steps: [{ send: `GO|${i}` }] })),
    'go',
  );
  const pressed = await pressGo(page, N);
  const go = pressed.map((t, i) => (agent.arrived.get(`GO|${i}`) ?? Number.NaN) - t);

  /* A waited-for event → the line after it: the agent answers each R|i with EV|i+1. */
  const steps = Array.from({ length: N }, (_, i) => [
    { waitFor: `EV|${i}`, timeoutMs: 10000 },
    { send: `R|${i}` },
  ]).flat();
  await importShow(page, [{ name: 'Waits', steps: [{ send: 'R|start' }, ...steps] }], 'waits');
  const evSent = new Map<string, number>();
  const answer = (line: string): void => {
    const m = /^R\|(\w+)$/.exec(line);
    if (!m) return;
    const next = m[1] === 'start' ? 0 : Number(m[1]) + 1;
    if (next >= N) return;
    evSent.set(`R|${next}`, now());
    agent.send(`EV|${next}`);
  };
  agent.onLine(answer);
  await pressGo(page, 1);
  const deadline = Date.now() + 60_000;
  while (!agent.arrived.has(`R|${N - 1}`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const waits = [...evSent].map(([line, t]) => (agent.arrived.get(line) ?? Number.NaN) - t);

  /* The floor: the page sends the line itself as soon as the event's batch arrives. */
  await page.evaluate(() => {
    const w = window as unknown as {
      __rpApi: () => {
        onLogBatch(cb: (w: { x?: unknown }) => void): void;
        send(t: number, l: string): Promise<unknown>;
      };
      __rpStore: { getState(): { agents: { agentId: number }[] } };
    };
    const api = w.__rpApi();
    const agentId = w.__rpStore.getState().agents[0]!.agentId;
    api.onLogBatch((wire) => {
      const m = /FL\|(\d+)/.exec(JSON.stringify(wire));
      if (m) void api.send(agentId, `FR|${m[1]}`);
    });
  });
  const floorSent = new Map<string, number>();
  agent.onLine((line) => {
    const m = /^FR\|(\d+)$/.exec(line);
    if (!m || Number(m[1]) + 1 >= N) return;
    floorSent.set(`FR|${Number(m[1]) + 1}`, now());
    agent.send(`FL|${Number(m[1]) + 1}`);
  });
  floorSent.set('FR|0', now());
  agent.send('FL|0');
  const floorEnd = Date.now() + 60_000;
  while (!agent.arrived.has(`FR|${N - 1}`) && Date.now() < floorEnd) await new Promise((r) => setTimeout(r, 20));
  const floor = [...floorSent].map(([line, t]) => (agent.arrived.get(line) ?? Number.NaN) - t);

  /* 500 cues: imported, listed, scrolled from top to bottom. */
  await resetLongTasks(page);
  const big = Array.from({ length: 500 }, (_, i) => ({
    name: `Cue ${i + 1}`,
    notes: `Notes for cue ${i + 1}: what the operator looks for before pressing GO.`,
    steps: [
      { send: `SYNTH_START|0|mei_voice_normal|台詞 ${i + 1}` },
      { waitFor: 'SYNTH_EVENT_STOP|0', timeoutMs: 15000 },
    ],
  }));
  const importStart = Date.now();
  await importShow(page, big, 'big');
  const importMs = Date.now() - importStart;
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const list = document.querySelector('[role=listbox]')!;
        const step = (): void => {
          list.scrollTop += 120;
          if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) return resolve();
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  const { longest } = await pageStats(page);

  agent.close();
  await browser.close();
  await web.stop();

  const row = (v: number[]): string =>
    `${fmt(percentile(v.filter(Number.isFinite), 50))} / ${fmt(percentile(v.filter(Number.isFinite), 99))} ms`;
  const lost = (v: number[]): string =>
    v.some((x) => !Number.isFinite(x)) ? `; ${v.filter((x) => !Number.isFinite(x)).length} lost` : '';
  console.log(
    table([
      [
        `GO → its first line, ${N} cues, p50 / p99`,
        row(go),
        `a click on GO → the line on the agent's socket; target p99 ≤ 20 ms${lost(go)}`,
      ],
      [
        `A waited-for event → the next line, ${N} waits, p50 / p99`,
        row(waits),
        `the agent sends EV|i → R|i on its socket; target p99 ≤ 20 ms${lost(waits)}`,
      ],
      ['Floor: the page answering the event itself, p50 / p99', row(floor), 'the same path without the step engine'],
      ['A show of 500 cues: import and list', `${importMs} ms`, 'file chosen → 500 options in the list'],
      ['Longest main-thread task, importing and scrolling 500 cues', longTask(longest), 'target: none ≥ 50 ms'],
    ]),
  );
}
