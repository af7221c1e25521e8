/** Runs `npm run web`'s entry point (the built core and renderer) in a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FakeAgent } from './fake-agent';

/**
 * Proves nothing sent earlier is still on its way to `agent`: a line sent now through the composer
 * arrives, and lines to one agent arrive in the order they were sent.
 */
export async function sendSentinel(page: Page, agent: FakeAgent, line = 'KEY|sentinel'): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(line);
  await box.press('Enter');
  await agent.waitFor(() => agent.received.includes(line), 5000, `the line ${line}`);
}

/** settings.json as the core wrote it: the core writes before it answers, so this is what a restart reads. */
export function savedSettings(dataDir: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

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
  proc.stderr!.on('data', (d) => (out += d));
  /* Ready when it prints its endpoint; it fails if it exits first, or says nothing for 15 s. */
  await new Promise<void>((resolve, reject) => {
    const fail = (): void => reject(new Error(`npm run web did not start:\n${out}`));
    // eslint-disable-next-line no-restricted-syntax -- a deadline for a start that never comes, not a wait
    const deadline = setTimeout(fail, 15_000);
    proc.once('exit', fail);
    proc.stdout!.on('data', (d) => {
      out += d;
      if (!/MMDAgent-EX endpoint/.test(out)) return;
      clearTimeout(deadline);
      proc.off('exit', fail);
      resolve();
    });
  });
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
