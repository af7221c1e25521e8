/** Where the app keeps its data: the same folder Electron's `userData` uses, so both adapters share it. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Remote Panel for MMDAgent-EX';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** One log file per app run, named by its start time. */
export function sessionLogName(date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `session-${stamp}-${process.pid}.jsonl`;
}
