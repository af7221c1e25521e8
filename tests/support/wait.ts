/** Polls `predicate` every 5 ms until it holds, or fails after `timeoutMs` saying what it waited for. */
export async function waitUntil(
  predicate: () => boolean,
  timeoutMs = 3000,
  what = 'condition',
  who = '',
): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${who ? `${who}: ` : ''}timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
