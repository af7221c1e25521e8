/**
 * The one place the renderer meets the core: picks Electron's `window.api` or the browser
 * bridge, subscribes once at start-up, and writes core events into the store. What the app
 * menu asks for (an export, the shortcuts overlay) is handed to the caller, which owns actions.
 */
import { createApi, type Api } from '../../common/api';
import type { EventMap } from '../../common/contract';
import { useStore } from '../store';
import { feedLines } from './line-watch';
import { createWebTransport, downloadFile } from './web-transport';

declare global {
  interface Window {
    /** Present under Electron (from the preload); absent in browser mode. */
    api?: Api;
  }
}

let api: Api | null = null;

export function getApi(): Api {
  if (!api) throw new Error('The bridge has not started.');
  return api;
}

export interface BridgeHooks {
  onMenuCommand(command: EventMap['menu:command']['command']): void;
  /** Stop everything ran, here or in another window: what this page runs on its own stops too. */
  onStopped?(): void;
}

export function startBridge(hooks: BridgeHooks): Api {
  if (api) return api;
  const store = useStore.getState();
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
      if (up) void webApi.ready().then(useStore.getState().hydrate);
      else useStore.getState().setCoreLink('down');
    });
  }
  api.onLogBatch((wire) => {
    feedLines(wire);
    try {
      store.appendWire(wire);
    } catch {
      /* A batch that does not add up is shown as a gap (the disk log has it), never half-applied. */
      store.markGap(Number(wire.n) || 0);
    }
  });
  api.onLogGap(({ dropped }) => store.markGap(dropped));
  api.onLogOpened(({ name, text }) => useStore.getState().setComposeResult(useStore.getState().openLog(name, text)));
  api.onAgents(store.setAgents);
  api.onAgentAlert(store.addAlert);
  api.onServerStatus(store.setStatus);
  api.onSettings(store.setSettings);
  api.onAudioStatus(store.setAudioStatus);
  api.onScene(store.setScene);
  api.onPeriodic(store.setPeriodic);
  api.onFaces(store.setFaces);
  api.onMenuCommand(({ command }) => hooks.onMenuCommand(command));
  api.onStopped(() => hooks.onStopped?.());
  if (window.api) void api.ready().then(store.hydrate);
  return api;
}

function saveAsDownload(req: { suggestedName: string; content: string }): { saved: true; path: string } {
  downloadFile(req.suggestedName, req.content);
  return { saved: true, path: req.suggestedName };
}
