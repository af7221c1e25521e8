/** Runs browser mode (`npm run web`'s entry) as its own process, as an operator would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../electron/web/cli.js', import.meta.url));

export interface WebProcess {
  uiUrl: string;
  agentUrl: string;
  dataDir: string;
  proc: ChildProcess;
  logFile(): string;
  stop(): Promise<void>;
}

export async function startWebProcess(args: string[] = [], nodeArgs: string[] = []): Promise<WebProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-bench-'));
  const proc = spawn(
    process.execPath,
    [...nodeArgs, CLI, '--ws-port', '0', '--ui-port', '0', '--data-dir', dataDir, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 15_000;
  while (!/MMDAgent-EX endpoint: ws/.test(out)) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`browser mode did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    uiUrl: /Remote Panel UI: (\S+)/.exec(out)![1]!,
    agentUrl: /MMDAgent-EX endpoint: (\S+)/.exec(out)![1]!,
    dataDir,
    proc,
    logFile: () =>
      join(
        dataDir,
        'logs',
        readdirSync(join(dataDir, 'logs')).find((f) => f.endsWith('.jsonl'))!,
      ),
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
