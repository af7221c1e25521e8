/**
 * Waiting in tests. Tests wait for events and conditions, never for fixed times; the one kind of
 * check that must let time pass, that nothing arrives, goes through `expectQuiet`, which says so.
 */

/** Polls `predicate` every 5 ms until it holds, or fails after `timeoutMs` saying what it waited for. */
export async function waitUntil(
  predicate: () => boolean,
  timeoutMs = 3000,
  what = 'condition',
  who = '',
): Promise<void> {
  /* performance.now(): a test that fakes Date must not make this loop for ever. */
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeoutMs) throw new Error(`${who ? `${who}: ` : ''}timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A check that nothing arrives: lets `ms` pass, and fails at once, saying `what`, if `arrived()`
 * turns true meanwhile. Only for an absence no later event can prove (nothing ordered behind it
 * on the same channel, no clock to fake); every call says what would arrive.
 */
export async function expectQuiet(ms: number, what: string, arrived: () => boolean): Promise<void> {
  const end = performance.now() + ms;
  for (;;) {
    if (arrived()) throw new Error(`expected no ${what} for ${ms} ms, but it arrived`);
    const left = end - performance.now();
    if (left <= 0) return;
    await new Promise((r) => setTimeout(r, Math.min(5, left)));
  }
}
