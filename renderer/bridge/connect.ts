/**
 * The one place the renderer meets the core: picks Electron's `window.api` or the
 * browser bridge, subscribes once at start-up, and writes through store actions.
 */
import { createApi, type PanelApi } from '../../common/api';
import { watchAgentLoss } from '../actions/audio';
import { exportView } from '../actions/log';
import { usePanel } from '../store';
import { savePrefs } from '../actions/prefs';
import { t } from '../i18n';
import { createWebTransport, downloadFile } from './web-transport';

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

export function startBridge(): PanelApi {
  if (api) return api;
  const store = usePanel.getState();
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
      if (up) void webApi.ready().then(usePanel.getState().hydrate);
      else usePanel.getState().setCoreLink('down');
    });
  }
  api.onLogBatch(store.appendBatch);
  api.onLogGap(({ dropped }) => store.markGap(dropped));
  api.onLogOpened(({ name, text }) => usePanel.getState().setComposeResult(usePanel.getState().openLog(name, text)));
  api.onSessions(store.setSessions);
  api.onServerStatus(store.setStatus);
  api.onSettings(store.setSettings);
  api.onAudioStatus(store.setAudioStatus);
  api.onScene(store.setScene);
  api.onPeriodic(store.setPeriodic);
  api.onMenuCommand(({ command }) => {
    if (command === 'shortcuts') usePanel.getState().setShortcutsOpen(true);
    else void exportView(command === 'export-jsonl' ? 'jsonl' : 'txt');
  });
  rememberFilters();
  if (window.api) void api.ready().then(store.hydrate);
  watchAgentLoss();
  return api;
}

/** Filters change per keystroke; they are saved to settings half a second after the last change. */
function rememberFilters(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  usePanel.subscribe((state, prev) => {
    if (state.filters === prev.filters || !state.settings || state.settings.logFilters === state.filters) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      void savePrefs({ logFilters: usePanel.getState().filters }).then((error) => {
        if (error) usePanel.getState().setComposeResult(t('log.filtersNotSaved', { error }));
      });
    }, 500);
  });
}

function saveAsDownload(req: { suggestedName: string; content: string }): { saved: true; path: string } {
  downloadFile(req.suggestedName, req.content);
  return { saved: true, path: req.suggestedName };
}
