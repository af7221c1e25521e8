import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { EventChannel, SaveFileResult } from '../../common/contract.js';
import type { Panel } from '../core/panel.js';
import { coreHandlers, postHandlers } from '../core/requests.js';
import { EventRelay, handle, listen, listenPorts } from './ipc.js';

/** Wires every contract channel: core requests, the adapter's own file:save, and events. */
export function setupIpc(panel: Panel, win: BrowserWindow): EventRelay {
  const relay = new EventRelay(win.webContents);
  const core = coreHandlers(panel);
  handle('panel:ready', async (arg) => {
    const snapshot = await core['panel:ready'](arg);
    relay.markReady();
    return snapshot;
  });
  /* Every other core request as it is; the handler table is the one list of channels. */
  for (const channel of Object.keys(core) as (keyof typeof core)[]) {
    if (channel !== 'panel:ready') handle(channel, core[channel] as never);
  }
  const posts = postHandlers(panel);
  for (const channel of Object.keys(posts) as (keyof typeof posts)[]) listen(channel, posts[channel]);
  listenPorts(posts);
  handle('file:save', async (arg) => saveFile(win, arg));
  panel.onAny((channel, payload) => relay.send(channel as EventChannel, payload as never));
  return relay;
}

async function saveFile(win: BrowserWindow, arg: unknown): Promise<SaveFileResult> {
  const { suggestedName, content } = (arg ?? {}) as { suggestedName?: unknown; content?: unknown };
  if (typeof suggestedName !== 'string' || typeof content !== 'string') throw new Error('Nothing to save.');
  const result = await dialog.showSaveDialog(win, {
    defaultPath: join(app.getPath('documents'), suggestedName.replace(/[\\/]/g, '_')),
    filters: [
      {
        name: suggestedName.endsWith('.jsonl') ? 'JSON Lines' : 'Text',
        extensions: [suggestedName.split('.').pop() ?? 'txt'],
      },
    ],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  try {
    await writeFile(result.filePath, content, 'utf8');
    return { saved: true, path: result.filePath };
  } catch (error) {
    return { saved: false, problem: { key: 'writeFailed', path: result.filePath, detail: (error as Error).message } };
  }
}
