/**
 * How long `npm run web` takes to be ready (its address printed): with nothing changed (the launcher
 * hashes the sources and reuses the build), beside the floor of starting the built core directly,
 * and a first start that builds every part. Medians of several starts; the targets are in the report.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { table } from './stats.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Spawns `args`, and resolves with the ms until it prints its agent endpoint; then stops it. */
function readyIn(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-bench-start-'));
  const t0 = performance.now();
  const child = spawn(process.execPath, [...args, '--ws-port', '0', '--ui-port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
  });
  let out = '';
  return new Promise((resolveReady, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (!/MMDAgent-EX endpoint/.test(out)) return;
      const ms = performance.now() - t0;
      process.kill(-child.pid!, 'SIGTERM');
      child.once('exit', () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolveReady(ms);
      });
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.once('exit', (code) => {
      if (!/MMDAgent-EX endpoint/.test(out)) reject(new Error(`the start failed (${code}):\n${out}`));
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function benchStart(): Promise<void> {
  const scratch = join(ROOT, 'dist', `bench-start-${process.pid}`);
  try {
    const cold = await readyIn(['scripts/run.mjs', 'web'], { RP_BUILD_DIR: scratch });
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await readyIn(['scripts/run.mjs', 'web'], { RP_BUILD_DIR: scratch }));
    const run = readdirSync(join(scratch, 'run'))[0]!;
    const floor: number[] = [];
    for (let i = 0; i < 5; i++) floor.push(await readyIn([join(scratch, 'run', run, 'node/electron/web/cli.js')]));
    console.log(
      table([
        ['start, nothing changed (median of 5)', `${(median(warm) / 1000).toFixed(2)} s`, 'target ≤ 5 s'],
        ['floor: the built core started directly', `${(median(floor) / 1000).toFixed(2)} s`, 'no hashing, no launcher'],
        ['first start, every part built', `${(cold / 1000).toFixed(1)} s`, 'once per change of a part'],
      ]),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
