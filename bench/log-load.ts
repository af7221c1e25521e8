/**
 * The log under load: 1,000,000 messages from an agent through the core into a live
 * Chromium page with a type filter and a regex filter active. Reports the renderer's
 * memory at the end, the longest main-thread task, how long a filter change takes to
 * show, and that the disk log kept every message while the UI window stayed bounded.
 */
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium.js';
import { Agent } from './agent.js';
import { fmt, table } from './stats.js';
import { startWebProcess } from './web-process.js';

const TOTAL = 1_000_000;
/** Under the UI budget of 50,000 a second per agent, so every message can reach the page. */
const RATE = 40_000;
const MIX = [
  'CURRENT_TIME|12',
  'MOTION_EVENT_ADD|0|wave',
  'AVATAR_EVENT_IDLE|START',
  'RECOG_EVENT_STOP|hello',
  'KEY|a',
];

interface PageProbe {
  longest: number;
  tasks: number;
}

async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __probe: PageProbe };
    w.__probe = { longest: 0, tasks: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__probe.longest = Math.max(w.__probe.longest, e.duration);
        w.__probe.tasks++;
      }
    }).observe({ type: 'longtask' as PerformanceObserverInit['type'], buffered: false });
  });
}

const probe = (page: Page): Promise<PageProbe> =>
  page.evaluate(() => (window as unknown as { __probe: PageProbe }).__probe);
const resetProbe = (page: Page): Promise<void> =>
  page.evaluate(
    () => void Object.assign((window as unknown as { __probe: PageProbe }).__probe, { longest: 0, tasks: 0 }),
  );

/** Types into the filter box the way a user does and times it until the next frame is painted. */
async function timeFilterChange(page: Page, value: string): Promise<number> {
  return page.evaluate(async (v) => {
    const input = document.getElementById('log-filter') as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const t0 = performance.now();
    setter.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, value);
}

/**
 * Memory of the page's renderer process (Linux /proc): private memory (its own pages, what
 * the page costs) and resident memory (which also counts shared libraries and fonts), MB.
 */
function rendererMemoryMb(): { privateMb: number; rssMb: number; processes: number } | null {
  if (process.platform !== 'linux') return null;
  let best: { privateMb: number; rssMb: number } | null = null;
  let processes = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (
        !/chrom/i.test(cmd.split('\0')[0] ?? '') ||
        !cmd.includes('--type=renderer') ||
        cmd.includes('--extension-process')
      )
        continue;
      processes++;
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
      const mem = { privateMb: (kb('Private_Clean') + kb('Private_Dirty')) / 1024, rssMb: kb('Rss') / 1024 };
      if (!best || mem.privateMb > best.privateMb) best = mem;
    } catch {
      /* A process that ended meanwhile. */
    }
  }
  return best ? { ...best, processes } : null;
}

async function heapMb(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  return { used: usedSize / 2 ** 20, total: totalSize / 2 ** 20 };
}

async function countOnDisk(file: string): Promise<number> {
  let n = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) if (line.includes('"dir":"in"') && /\|\d+"/.test(line)) n++;
  return n;
}

export async function benchLogLoad(): Promise<void> {
  console.log(
    `\nLog under load (${TOTAL.toLocaleString()} messages at ${RATE.toLocaleString()}/s into a live page, type + regex filters on)`,
  );
  const web = await startWebProcess();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(web.uiUrl + '&bench=1');
  await page.getByRole('status', { name: 'Connection' }).waitFor();
  /* The filters, set through the UI: hide two chatty types, and a regular expression. */
  for (const type of ['CURRENT_TIME', 'AVATAR_EVENT_IDLE']) {
    await page.getByRole('combobox', { name: 'Message type to hide' }).fill(type);
    await page.getByRole('button', { name: 'Hide type' }).click();
  }
  await page.getByRole('button', { name: 'Regular expression' }).click();
  await page.getByRole('searchbox', { name: 'Filter' }).fill('^(MOTION|RECOG)_EVENT');
  await instrument(page);

  const agent = await Agent.connect(web.agentUrl);
  const t0 = performance.now();
  const { sent, seconds = 0 } = await agent.run({ cmd: 'mixed', lines: MIX, perSecond: RATE, count: TOTAL });
  await page.waitForFunction(
    (last) => document.querySelector('[role=log]')?.textContent?.includes(`|${last}`) ?? false,
    TOTAL - 2,
    { polling: 200, timeout: 120_000 },
  );
  const relayMs = performance.now() - t0;
  const flood = await probe(page);
  const shown = await page.evaluate(() => {
    const s = (
      window as unknown as { __rpStore: { getState(): { log: { size: number; view: unknown[] } } } }
    ).__rpStore.getState();
    return { held: s.log.size, view: s.log.view.length };
  });

  /* Filter changes over the full window, timed to the next painted frame. */
  await resetProbe(page);
  const changes: number[] = [];
  for (const value of ['^MOTION_EVENT', 'hello', '^(MOTION|RECOG)_EVENT', 'KEY\\|a\\|99'])
    changes.push(await timeFilterChange(page, value));
  await page.getByRole('button', { name: 'CURRENT_TIME: hidden (click to show only this type)' }).click();
  changes.push(await timeFilterChange(page, ''));
  const filtering = await probe(page);
  await page.waitForTimeout(1000);
  const heap = await heapMb(page);
  const mem = rendererMemoryMb();

  await agent.close();
  await browser.close();
  await new Promise((r) => setTimeout(r, 500));
  await web.stop();
  const onDisk = await countOnDisk(web.logFile());

  console.log(
    table([
      [
        'Messages sent',
        `${sent.toLocaleString()} in ${fmt(seconds, 1)} s`,
        `relay to the last row: ${fmt(relayMs / 1000, 1)} s`,
      ],
      [
        'Held in the UI window / shown by the filters',
        `${shown.held.toLocaleString()} / ${shown.view.toLocaleString()}`,
        'the renderer keeps the newest 200,000',
      ],
      ['On disk', `${onDisk.toLocaleString()} / ${TOTAL.toLocaleString()}`, 'every message in the session log'],
      ['Renderer JS heap after GC (used / allocated)', `${fmt(heap.used)} / ${fmt(heap.total)} MB`, 'target ≤ 400 MB'],
      [
        'Renderer process memory: private / resident',
        mem === null ? 'n/a' : `${fmt(mem.privateMb)} / ${fmt(mem.rssMb)} MB`,
        `the page's renderer (Linux /proc, ${mem?.processes ?? 0} renderer processes); target ≤ 400 MB`,
      ],
      [
        'Longest main-thread task during the flood',
        flood.longest > 0 ? `${fmt(flood.longest, 0)} ms (${flood.tasks} tasks ≥ 50 ms)` : 'none ≥ 50 ms',
        'target ≤ 100 ms',
      ],
      [
        'Filter change → painted, over 200,000 rows',
        `max ${fmt(Math.max(...changes), 0)} ms (${changes.map((c) => fmt(c, 0)).join(', ')})`,
        'target ≤ 200 ms',
      ],
      [
        'Longest main-thread task while filtering',
        filtering.longest > 0 ? `${fmt(filtering.longest, 0)} ms` : 'none ≥ 50 ms',
        'target ≤ 100 ms',
      ],
    ]),
  );
}
