/** How a Panel is made: where it keeps its files, this run's overrides, and its services' tuning. */
import type { Snapshot } from '../../common/contract.js';
import type { Settings } from '../../common/settings.js';
import type { AgentServerOptions } from './agent-server.js';
import type { PacerOptions } from './audio-packets.js';
import type { Sealer } from './speech/key-vault.js';
import type { UpstreamOptions } from './upstream.js';

export interface PanelOptions {
  /** Folder for settings.json; null keeps settings in memory only. */
  dataDir: string | null;
  /** Folder for session logs; defaults to `<dataDir>/logs`. */
  logDir?: string;
  /** Overrides for this run only (command-line flags); not written to settings.json. */
  overrides?: Partial<Settings>;
  server?: AgentServerOptions;
  pacer?: PacerOptions;
  /** UI entries per second per agent (default 50,000). */
  uiRatePerSec?: number;
  /**
   * UI batch tick, ms (default 4), while there is traffic; at rest there is no tick (see ui-tick).
   * The page redraws at its own pace, so batches more often than frames cost it little.
   */
  tickMs?: number;
  upstream?: UpstreamOptions;
  host: Snapshot['host'];
  /** How the OpenAI-compatible key is sealed: safeStorage in the desktop app, the 0600 file otherwise. */
  sealer?: Sealer;
}
