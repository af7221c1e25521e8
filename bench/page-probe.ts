/**
 * What the log benchmarks read inside the page: rows per prefix, how soon stamped rows reach the
 * store and the live log's DOM, long tasks, and the heap.
 */
import type { Page } from 'playwright';
import { fmt } from './stats.js';

export interface PageStats {
  count: Record<string, number>;
  /** Agent send → entry in the store, ms: the first seconds after the page opened (COLD), then steady (LAT), then with the view paused (HELD). */
  lat: number[];
  coldLat: number[];
  heldLat: number[];
  /** Agent send → row in the live log's DOM, ms. */
  domLat: number[];
  coldDomLat: number[];
  /** Messages counted in "N not shown" markers. */
  hidden: number;
  longest: number;
  /** Tasks of 50 ms or more since the last reset. */
  longTasks: number;
}

/** Instruments the page: per-prefix counts, latency of stamped rows, longest task. */
export async function instrument(page: Page): Promise<void> {
  await page.waitForFunction(() => '__rpStore' in window);
  await page.evaluate(() => {
    type Entry = { id: number; text: string; msg?: { key: string; params: Record<string, number> } };
    type View = { length: number; at(i: number): Entry | undefined; indexAfter(id: number): number };
    const w = window as unknown as {
      __rpStore: { subscribe(cb: (s: { log: { view: View } }) => void): void };
      __bench: PageStats;
    };
    const bench: PageStats = {
      count: {},
      lat: [],
      coldLat: [],
      heldLat: [],
      domLat: [],
      coldDomLat: [],
      hidden: 0,
      longest: 0,
      longTasks: 0,
    };
    w.__bench = bench;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.longest = Math.max(bench.longest, e.duration);
        bench.longTasks++;
      }
    }).observe({ type: 'longtask' as PerformanceObserverInit['type'], buffered: false });
    /* A stamped row's first appearance in the live log's DOM (rows are recycled: each counts once). */
    const seen = new Set<string>();
    const stamp = /(LAT|COLD)\|(\d+)\|([\d.]+)/;
    new MutationObserver((records) => {
      const now = performance.timeOrigin + performance.now();
      for (const r of records) {
        const nodes = r.type === 'characterData' ? [r.target] : Array.from(r.addedNodes);
        for (const n of nodes) {
          const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
          const m = stamp.exec((el?.closest('.row') ?? el)?.textContent ?? '');
          if (m && !seen.has(m[1]! + m[2]!)) {
            seen.add(m[1]! + m[2]!);
            (m[1] === 'LAT' ? bench.domLat : bench.coldDomLat).push(now - Number(m[3]));
          }
        }
      }
    }).observe(document.querySelector('[role=log]')!, { childList: true, subtree: true, characterData: true });
    let lastId = 0;
    /* Each store update is noted (time, newest id) and its rows are read when the page is idle (at
       least every second, well before the window trims them) or when the stats are asked for:
       reading every row as it arrives would add the benchmark's own work to a flood. */
    const updates: [number, number][] = [];
    let view: View | null = null;
    let idle = 0;
    /** Reads up to `max` noted rows, in small steps so the benchmark never makes a long task itself; true if more wait. */
    const drainSome = (max: number): boolean => {
      let read = 0;
      while (view && updates.length > 0 && read < max) {
        const [at, upTo] = updates[0]!;
        let j = view.indexAfter(lastId);
        for (; j < view.length && read < max; j++, read++) {
          const entry = view.at(j)!;
          if (entry.id > upTo) break;
          const text = entry.text;
          const bar = text.indexOf('|');
          const prefix = bar < 0 ? text : text.slice(0, bar);
          bench.count[prefix] = (bench.count[prefix] ?? 0) + 1;
          /* Both say how many were not shown: an agent over its UI budget, or this view falling behind. */
          if (entry.msg?.key === 'hiddenOverBudget' || entry.msg?.key === 'viewGap')
            bench.hidden += entry.msg.params.n ?? 0;
          const into =
            prefix === 'LAT' ? bench.lat : prefix === 'COLD' ? bench.coldLat : prefix === 'HELD' ? bench.heldLat : null;
          into?.push(at - Number(text.slice(text.lastIndexOf('|') + 1)));
          lastId = entry.id;
        }
        if (j >= view.length || view.at(j)!.id > upTo) {
          lastId = Math.max(lastId, upTo);
          updates.shift();
        }
      }
      return updates.length > 0;
    };
    const drain = (deadline: IdleDeadline): void => {
      let more = drainSome(1000);
      while (more && deadline.timeRemaining() > 2) more = drainSome(1000);
      idle = more ? requestIdleCallback(drain, { timeout: 1000 }) : 0;
    };
    (w as unknown as { __drainSome(max: number): boolean }).__drainSome = drainSome;
    w.__rpStore.subscribe((s) => {
      view = s.log.view;
      const newest = view.at(-1)?.id;
      if (newest === undefined || newest <= (updates.at(-1)?.[1] ?? lastId)) return;
      updates.push([performance.timeOrigin + performance.now(), newest]);
      if (idle === 0) idle = requestIdleCallback(drain, { timeout: 1000 });
    });
  });
}

/** The Long Tasks API reports only tasks of 50 ms or more. */
export const longTask = (ms: number): string => (ms > 0 ? `${fmt(ms, 0)} ms` : 'none ≥ 50 ms');

export const pageStats = (page: Page): Promise<PageStats> =>
  page.evaluate(async () => {
    const w = window as unknown as { __bench: PageStats; __drainSome(max: number): boolean };
    while (w.__drainSome(2000)) await new Promise((r) => setTimeout(r, 0));
    return w.__bench;
  });

export const resetLongTasks = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const b = (window as unknown as { __bench: PageStats }).__bench;
    b.longest = 0;
    b.longTasks = 0;
  });

export async function waitCount(page: Page, prefix: string, n: number, timeoutMs: number): Promise<number> {
  const end = Date.now() + timeoutMs;
  let got = 0;
  while (Date.now() < end) {
    got = (await pageStats(page)).count[prefix] ?? 0;
    if (got >= n) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
  return got;
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

/** The documentation's Python sample server printing the same burst. */
