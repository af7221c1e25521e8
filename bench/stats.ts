/** Small statistics helpers for benchmark output. */
import { record } from './report.js';
export { percentile } from '../electron/core/stats.js';

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/** A table for the console; inside a benchmark run, its rows also go to docs/performance.md. */
export function table(rows: [string, string, string?][]): string {
  record(rows);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b, c]) => `  ${a.padEnd(w0)}  ${b.padStart(w1)}${c ? `  ${c}` : ''}`).join('\n');
}
