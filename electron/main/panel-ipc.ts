import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { EventChannel, EventMap, SaveFileResult } from '../contract.js';
import type { Panel } from '../core/panel.js';
import { coreHandlers, postHandlers } from '../core/requests.js';
import { EventRelay, handle, listen } from './ipc.js';

/** Wires every contract channel: core requests, the adapter's own file:save, and events. */
export function setupIpc(panel: Panel, win: BrowserWindow): EventRelay {
  const relay = new EventRelay(win.webContents);
  const core = coreHandlers(panel);
  handle('panel:ready', async (arg) => {
    const snapshot = await core['panel:ready'](arg);
    relay.markReady();
    return snapshot;
  });
  handle('message:send', core['message:send']);
  handle('settings:update', core['settings:update']);
  handle('session:disconnect', core['session:disconnect']);
  handle('audio:stream-file', core['audio:stream-file']);
  handle('audio:stop', core['audio:stop']);
  handle('audio:mic-start', core['audio:mic-start']);
  handle('audio:mic-stop', core['audio:mic-stop']);
  listen('audio:mic-chunk', postHandlers(panel)['audio:mic-chunk']);
  handle('file:save', async (arg) => saveFile(win, arg));
  panel.onAny((channel, payload) => {
    /* Structured clone carries objects; the pre-serialized JSON is for the browser bridge only. */
    if (channel === 'log:batch') {
      const { entries, updates } = payload as EventMap['log:batch'];
      relay.send('log:batch', { entries, updates });
    } else relay.send(channel as EventChannel, payload as never);
  });
  return relay;
}

async function saveFile(win: BrowserWindow, arg: unknown): Promise<SaveFileResult> {
  const { suggestedName, content } = (arg ?? {}) as { suggestedName?: unknown; content?: unknown };
  if (typeof suggestedName !== 'string' || typeof content !== 'string') throw new Error('Nothing to save.');
  const result = await dialog.showSaveDialog(win, {
    defaultPath: join(app.getPath('documents'), suggestedName.replace(/[\\/]/g, '_')),
    filters: [{ name: suggestedName.endsWith('.jsonl') ? 'JSON Lines' : 'Text', extensions: [suggestedName.split('.').pop() ?? 'txt'] }],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  try {
    await writeFile(result.filePath, content, 'utf8');
    return { saved: true, path: result.filePath };
  } catch (error) {
    return { saved: false, reason: `Could not write ${result.filePath}: ${(error as Error).message}` };
  }
}
