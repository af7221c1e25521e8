/**
 * Exposes `window.api` and nothing else: never raw ipcRenderer. Bundled to
 * preload.cjs because a sandboxed preload cannot load other files.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from '../common/api.js';
import type { PortChannel, PortOffer, PostChannel } from '../common/contract.js';

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

type PagePort = Parameters<typeof ipcRenderer.postMessage>[2] extends (infer P)[] | undefined ? P : never;

/** The page's window as the preload uses it (this program is compiled without DOM types). */
declare const window: {
  addEventListener(
    type: 'message',
    listener: (event: { source: unknown; data: unknown; ports: readonly PagePort[] }) => void,
  ): void;
};

/** The post channels a port may carry; main checks again. */
const PORT_CHANNELS: ReadonlySet<PostChannel> = new Set<PostChannel>(['audio:mic-chunk']);
const PORT_OPEN: PortChannel = 'port:open';

/*
 * A port the page offers (from its own window only) goes on to main, where its messages become
 * posts. A MessagePort cannot cross the context bridge, so it comes by window.postMessage.
 */
window.addEventListener('message', (event) => {
  if (event.source !== window || event.ports.length !== 1) return;
  const channel = (event.data as Partial<PortOffer> | null)?.portFor;
  if (typeof channel !== 'string' || !PORT_CHANNELS.has(channel)) return;
  ipcRenderer.postMessage(PORT_OPEN, { channel }, [...event.ports]);
});
