/**
 * The one place the renderer meets the core: picks Electron's `window.api` or the browser
 * bridge, subscribes once at start-up, and writes core events into the store. What the app
 * menu asks for (an export, the shortcuts overlay) is handed to the caller, which owns actions.
 */
import { createApi, type PanelApi } from '../../common/api';
import type { EventMap, LogWire } from '../../common/contract';
import { usePanel } from '../store';
import { LogPacer } from './log-pacer';
import { createWebTransport, downloadFile } from './web-transport';

/** Above this rate (rows a second) the live log is redrawn at most every FLOOD_EVERY_MS. */
const FLOOD_ROWS_PER_SEC = 5000;
const FLOOD_EVERY_MS = 50;

declare global {
  interface Window {
    /** Present under Electron (from the preload); absent in browser mode. */
    api?: PanelApi;
  }
}

let api: PanelApi | null = null;

export function getApi(): PanelApi {
  if (!api) throw new Error('The bridge has not started.');
  return api;
}

export interface BridgeHooks {
  onMenuCommand(command: EventMap['menu:command']['command']): void;
}

export function startBridge(hooks: BridgeHooks): PanelApi {
  if (api) return api;
  const store = usePanel.getState();
  const pacer = new LogPacer<LogWire>(
    (wires) => {
      for (const wire of wires) {
        try {
          store.appendWire(wire);
        } catch {
          /* A batch that does not add up is shown as a gap (the disk log has it), never half-applied. */
          store.markGap(Number(wire.n) || 0);
        }
      }
    },
    { floodRowsPerSec: FLOOD_ROWS_PER_SEC, floodEveryMs: FLOOD_EVERY_MS },
  );
  /* A snapshot holds everything sent before it: batches still held go in first, then it replaces them. */
  const hydrate = (snapshot: Parameters<typeof store.hydrate>[0]): void => {
    pacer.flush();
    usePanel.getState().hydrate(snapshot);
  };
  if (window.api) {
    api = window.api;
  } else {
    const transport = createWebTransport();
    const webApi = createApi({
      invoke: (ch, arg) =>
        ch === 'file:save'
          ? Promise.resolve(saveAsDownload(arg as { suggestedName: string; content: string }) as never)
          : transport.invoke(ch, arg),
      subscribe: transport.subscribe,
      post: transport.post,
    });
    api = webApi;
    transport.onLink((up) => {
      if (up) void webApi.ready().then(hydrate);
      else usePanel.getState().setCoreLink('down');
    });
  }
  api.onLogBatch((wire) => pacer.push(wire));
  api.onLogGap(({ dropped }) => {
    pacer.flush();
    store.markGap(dropped);
  });
  api.onLogOpened(({ name, text }) => usePanel.getState().setComposeResult(usePanel.getState().openLog(name, text)));
  api.onSessions(store.setSessions);
  api.onServerStatus(store.setStatus);
  api.onSettings(store.setSettings);
  api.onAudioStatus(store.setAudioStatus);
  api.onScene(store.setScene);
  api.onPeriodic(store.setPeriodic);
  api.onMenuCommand(({ command }) => hooks.onMenuCommand(command));
  if (window.api) void api.ready().then(hydrate);
  return api;
}

function saveAsDownload(req: { suggestedName: string; content: string }): { saved: true; path: string } {
  downloadFile(req.suggestedName, req.content);
  return { saved: true, path: req.suggestedName };
}
