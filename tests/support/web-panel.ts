/** Runs `npm run web`'s entry point (the built core and renderer) in a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebPanel {
  uiUrl: string;
  agentUrl: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startWebPanel(
  args: string[] = [],
  dataDir = mkdtempSync(join(tmpdir(), 'rp-web-')),
): Promise<WebPanel> {
  const proc = spawn(
    process.execPath,
    ['dist/node/electron/web/cli.js', '--ws-port', '0', '--ui-port', '0', '--data-dir', dataDir, ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 15_000;
  while (!/MMDAgent-EX endpoint/.test(out)) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`npm run web did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const uiUrl = /Remote Panel UI: (\S+)/.exec(out)![1]!;
  const agentUrl = /MMDAgent-EX endpoint: (\S+)/.exec(out)?.[1] ?? '';
  return {
    uiUrl,
    agentUrl,
    dataDir,
    proc,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
        proc.once('exit', (code) => resolve(code));
        proc.kill(signal);
      }),
  };
}
