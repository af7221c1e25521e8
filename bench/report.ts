/**
 * What `npm run bench` writes to docs/performance.md. Each benchmark's tables are collected per
 * run; over several runs every number in a row is given as its median with the spread (min–max).
 * A benchmark that was not run this time keeps its section from the file as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { chromiumExecutable } from './chromium.js';

export type Row = [label: string, value: string, note?: string];

interface Section {
  id: string;
  title: string;
  runs: Row[][];
}

const sections: Section[] = [];
let current: Row[] | null = null;

/** Rows printed from now on belong to run `run` of section `id`. */
export function beginRun(id: string, title: string): void {
  let section = sections.find((s) => s.id === id);
  if (!section) sections.push((section = { id, title, runs: [] }));
  current = [];
  section.runs.push(current);
}

/** Called by `table()`: the rows join the run being measured, if any. */
export function record(rows: Row[]): void {
  current?.push(...rows);
}

const NUMBER = /-?\d[\d,]*(?:\.\d+)?/g;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The same text over several runs: each number as its median (min–max), when the words agree. */
export function spread(texts: string[]): string {
  if (texts.length === 1) return texts[0]!;
  const skeleton = (t: string): string => t.replace(NUMBER, '#');
  if (new Set(texts.map(skeleton)).size !== 1) return texts.join('; ');
  const numbers = texts.map((t) => (t.match(NUMBER) ?? []).map((n) => Number(n.replace(/,/g, ''))));
  let i = 0;
  return texts[0]!.replace(NUMBER, (first) => {
    const column = numbers.map((n) => n[i]!);
    i++;
    const digits = first.includes('.') ? first.split('.')[1]!.length : 0;
    const show = (n: number): string =>
      first.includes(',') ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
    const lo = Math.min(...column);
    const hi = Math.max(...column);
    return lo === hi ? show(lo) : `${show(median(column))} (${show(lo)}–${show(hi)})`;
  });
}

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumExecutable(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

function machine(): string {
  const cpu = cpus();
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, ${gib} GiB, ${type()} ${release()}`;
}

function sectionText(s: Section, when: string, where: string): string {
  const runs = s.runs.length;
  const width = Math.max(...s.runs.map((r) => r.length));
  const lines = [
    `<!-- section:${s.id} -->`,
    `## ${s.title}`,
    '',
    `${when}; ${where}; ${runs} run${runs === 1 ? '' : 's'}${runs > 1 ? ', median (min–max)' : ''}.`,
    '',
    '| Measure | Result | Target or note |',
    '| --- | --- | --- |',
  ];
  for (let i = 0; i < width; i++) {
    const rows = s.runs.map((r) => r[i]).filter((r): r is Row => r !== undefined);
    const cell = (t: string): string => t.replace(/\|/g, '\\|');
    lines.push(
      `| ${cell(rows[0]![0])} | ${cell(spread(rows.map((r) => r[1])))} | ${cell(spread(rows.map((r) => r[2] ?? '')))} |`,
    );
  }
  lines.push(`<!-- /section:${s.id} -->`);
  return lines.join('\n');
}

const HEAD = `# Performance

Written by \`npm run bench\` (all benchmarks) or \`npm run bench -- log audio\` (some of them), with
\`--runs N\` to run each N times. Do not edit it by hand: the next run writes it again.

How to read it:
- Each section says when and where it ran: the date, the machine, Node's and Chromium's versions.
  Numbers from different machines are not comparable; ratios to a peer or floor measured in the
  same run are.
- Over several runs each number is the median, with the lowest and highest in brackets. A wide
  spread means the machine was busy; quote the median.
- Targets live here and in the benchmarks, never in the tests: a test checks behaviour, and a
  benchmark measures how fast.
- \`docs/reliability.md\` (\`npm run bench:reliability\`) covers faults and attacks.
`;

/** Writes the sections measured now into `path`, keeping the others as they were. */
export function writeReport(path: string): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const kept = new Map<string, string>();
  for (const m of old.matchAll(/<!-- section:(\S+) -->[\s\S]*?<!-- \/section:\1 -->/g)) kept.set(m[1]!, m[0]);
  const when = `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const where = `${machine()}; Node ${process.version}; ${chromiumVersion()}`;
  for (const s of sections) if (s.runs.some((r) => r.length > 0)) kept.set(s.id, sectionText(s, when, where));
  const order = ['log', 'load', 'audio', 'speech', 'proxy'];
  const ids = [...kept.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  writeFileSync(path, `${HEAD}\n${ids.map((id) => kept.get(id)).join('\n\n')}\n`);
}
