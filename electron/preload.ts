/**
 * Exposes `window.api` and nothing else: never raw ipcRenderer. Bundled to
 * preload.cjs because a sandboxed preload cannot load other files.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from '../common/api.js';

const api = createApi({
  invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
  post: (channel, arg) => ipcRenderer.send(channel, arg),
  subscribe: (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld('api', api);
