/**
 * `window.api`: one method per operation, built over any transport. The preload
 * builds it over ipcRenderer, browser mode over the bridge socket, so the type the
 * renderer sees is derived from this one object and the two cannot drift.
 * No electron, DOM or node imports.
 */
import type { EventChannel, EventMap, RequestChannel, RequestMap, Settings, Target } from './contract.js';

export interface Transport {
  invoke<C extends RequestChannel>(channel: C, arg: RequestMap[C][0]): Promise<RequestMap[C][1]>;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
}

export function createApi(t: Transport) {
  return {
    /** The renderer is ready: returns the snapshot, and events flow from now on. */
    ready: () => t.invoke('panel:ready', undefined),
    send: (target: Target, text: string) => t.invoke('message:send', { target, text }),
    updateSettings: (patch: Partial<Settings>, confirm = false) => t.invoke('settings:update', { patch, confirm }),
    disconnect: (id: number, confirm = false) => t.invoke('session:disconnect', { id, confirm }),
    saveFile: (suggestedName: string, content: string) => t.invoke('file:save', { suggestedName, content }),
    onLogBatch: (cb: (batch: EventMap['log:batch']) => void) => t.subscribe('log:batch', cb),
    onSessions: (cb: (sessions: EventMap['sessions:changed']) => void) => t.subscribe('sessions:changed', cb),
    onServerStatus: (cb: (status: EventMap['server:status']) => void) => t.subscribe('server:status', cb),
    onSettings: (cb: (settings: EventMap['settings:changed']) => void) => t.subscribe('settings:changed', cb),
  };
}

export type PanelApi = ReturnType<typeof createApi>;
