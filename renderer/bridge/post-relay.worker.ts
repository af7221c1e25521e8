/**
 * Browser mode's port relay, on a worker thread of its own: posts that arrive on a port (the
 * microphone's chunks, straight from the audio thread) go to the core over this worker's own
 * bridge socket, so a page busy drawing a flood never holds them back. The socket never says
 * `panel:ready`, so the core sends it no events.
 */
import { encodeBridgeFrame } from '../../common/bridge-frame';
import type { PostChannel } from '../../common/contract';

export interface RelayPort {
  channel: PostChannel;
  url: string;
}

declare const self: { onmessage: ((e: MessageEvent<RelayPort>) => void) | null };

let socket: WebSocket | null = null;
let url = '';
let delay = 250;

function open(): void {
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => {
    delay = 250;
  };
  ws.onclose = () => {
    socket = null;
    setTimeout(open, delay);
    delay = Math.min(delay * 2, 4000);
  };
}

self.onmessage = (e) => {
  const port = e.ports[0];
  if (!port) return;
  const { channel } = e.data;
  if (!socket) {
    url = e.data.url;
    open();
  }
  port.onmessage = (m: MessageEvent<unknown>) => {
    /* Live audio is not worth queueing while the link is down, as on the page's own socket. */
    if (socket?.readyState === WebSocket.OPEN) socket.send(encodeBridgeFrame({ t: 'post', ch: channel, arg: m.data }));
  };
};
