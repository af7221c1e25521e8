/** Starts a real Panel on port 0 in a temp folder and collects what it emits. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { AgentInfo } from '../../common/agents.js';
import type { LogEntry } from '../../common/log.js';
import { decodeLogWire } from '../../common/log-wire.js';
import { readJsonl } from '../../electron/core/log-writer.js';
import { Panel, type PanelOptions } from '../../electron/core/panel.js';
import { waitUntil } from './wait.js';

export interface Harness {
  panel: Panel;
  url: string;
  dataDir: string;
  entries: LogEntry[];
  sessions: () => AgentInfo[];
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  disk(): Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startPanel(options: Partial<PanelOptions> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rp-panel-'));
  const panel = new Panel({ dataDir, host: 'web', overrides: { wsPort: 0 }, tickMs: 16, ...options });
  const entries: LogEntry[] = [];
  let agents: AgentInfo[] = [];
  panel.on('log:batch', (wire) => {
    const b = decodeLogWire(wire);
    entries.push(...b.entries);
    for (const u of b.updates) {
      const e = entries.find((x) => x.id === u.id);
      if (e) Object.assign(e, u);
    }
  });
  panel.on('agents:changed', (s) => (agents = s));
  await panel.start();
  return {
    panel,
    get url() {
      return panel.server.currentStatus.url;
    },
    dataDir,
    entries,
    sessions: () => agents,
    waitFor: (predicate, timeoutMs, what) => waitUntil(predicate, timeoutMs, what),
    disk: () => {
      panel.flushLog();
      return readJsonl<Record<string, unknown>>(panel.logFile!).records;
    },
    close: () => panel.shutdown(),
  };
}

/**
 * For a test file: things to undo after each test (newest first), and a `panel()` that
 * starts a Panel and closes it afterwards. Call once, at the top of the file.
 */
export function autoCleanup(): {
  cleanup: (() => unknown)[];
  panel(options?: Partial<PanelOptions>): Promise<Harness>;
} {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  return {
    cleanup,
    panel: async (options = {}) => {
      const h = await startPanel(options);
      cleanup.push(() => h.close());
      return h;
    },
  };
}
