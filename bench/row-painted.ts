import type { Page } from 'playwright';

/**
 * Watches the live log for the first row containing `text`; the returned function resolves to when
 * that row was first painted: the page's clock (ms since the epoch) at the start of the frame that
 * paints it. A MutationObserver, not Playwright's `polling: 'raf'`: that polling makes the page
 * produce a frame at every vsync and read the whole log's text in each, and in alternated runs on
 * a 2-core machine it slowed the very burst it timed by about 50 ms.
 */
export async function watchRowPainted(page: Page, text: string, timeoutMs = 120_000): Promise<() => Promise<number>> {
  await page.evaluate(
    ([wanted, ms]) => {
      const log = document.querySelector('[role=log]');
      if (!log) throw new Error('The live log is not on the page.');
      (window as unknown as { __rowPainted: Promise<number> }).__rowPainted = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`No row with ${wanted} within ${ms} ms.`));
        }, ms);
        const observer = new MutationObserver(() => {
          if (!log.textContent?.includes(wanted)) return;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
        });
        observer.observe(log, { subtree: true, childList: true, characterData: true });
      });
    },
    [text, timeoutMs] as const,
  );
  return () => page.evaluate(() => (window as unknown as { __rowPainted: Promise<number> }).__rowPainted);
}
