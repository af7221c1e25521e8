/**
 * One handler per core request, shared by the Electron IPC adapter and the browser
 * bridge. Arguments cross a process or network boundary, so their shape is checked.
 */
import type { CoreRequestMap, Settings, Target } from '../contract.js';
import type { Panel } from './panel.js';

export type CoreHandlers = {
  [C in keyof CoreRequestMap]: (arg: unknown) => Promise<CoreRequestMap[C][1]>;
};

function record(arg: unknown): Record<string, unknown> {
  if (!arg || typeof arg !== 'object') throw new Error('The request has no arguments.');
  return arg as Record<string, unknown>;
}

function target(value: unknown): Target {
  if (value === 'all' || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw new Error('The target must be a session id or "all".');
}

export function coreHandlers(panel: Panel): CoreHandlers {
  return {
    'panel:ready': async () => panel.snapshot(),
    'message:send': async (arg) => {
      const { target: t, text } = record(arg);
      if (typeof text !== 'string') throw new Error('The message must be text.');
      return panel.send(target(t), text);
    },
    'settings:update': async (arg) => {
      const { patch, confirm } = record(arg);
      return panel.updateSettings(record(patch) as Partial<Settings>, confirm === true);
    },
    'session:disconnect': async (arg) => {
      const { id, confirm } = record(arg);
      if (typeof id !== 'number') throw new Error('The session id must be a number.');
      return panel.disconnect(id, confirm === true);
    },
  };
}

export function isCoreChannel(channel: unknown): channel is keyof CoreRequestMap {
  return typeof channel === 'string' && ['panel:ready', 'message:send', 'settings:update', 'session:disconnect'].includes(channel);
}
