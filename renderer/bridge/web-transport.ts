/**
 * Browser mode: the same contract over a WebSocket to the core (cookie-authenticated,
 * same origin). Reconnects with backoff; `onLink` reports the link for the UI.
 */
import type { Transport } from '../../common/api';
import { decodeBridgeFrame, encodeBridgeFrame } from '../../common/bridge-frame';
import type { EventChannel, EventMap, PostChannel, PostMap, RequestChannel, RequestMap } from '../../common/contract';

type Listener = (payload: never) => void;

/** A request that was waiting when the link to the core dropped; the UI says so in its language. */
export class CoreGoneError extends Error {
  constructor() {
    super('The panel core is not reachable.');
  }
}

export interface WebTransport extends Transport {
  onLink(cb: (up: boolean) => void): void;
}

export function createWebTransport(url = bridgeUrl()): WebTransport {
  const listeners = new Map<EventChannel, Set<Listener>>();
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const queue: (string | Uint8Array)[] = [];
  let socket: WebSocket | null = null;
  let nextId = 1;
  let delay = 250;
  let linkCb: (up: boolean) => void = () => undefined;

  const open = (): void => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      for (const frame of queue.splice(0)) ws.send(frame);
      linkCb(true);
    };
    ws.onmessage = (msg) => {
      const frame = decodeBridgeFrame(
        typeof msg.data === 'string' ? msg.data : new Uint8Array(msg.data as ArrayBuffer),
        typeof msg.data !== 'string',
      );
      if (!frame) return;
      if (frame.t === 'evt') {
        for (const l of listeners.get(frame.ch) ?? []) l(frame.payload as never);
      } else if (frame.t === 'res') {
        const w = waiting.get(frame.id);
        waiting.delete(frame.id);
        if (frame.ok) w?.resolve(frame.result);
        else w?.reject(new Error(frame.error));
      }
    };
    /* A failed connection is followed by its close, which retries; the error itself says nothing more. */
    ws.onerror = () => undefined;
    ws.onclose = () => {
      socket = null;
      for (const w of waiting.values()) w.reject(new CoreGoneError());
      waiting.clear();
      linkCb(false);
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 4000);
    };
  };
  open();

  const transmit = (frame: string | Uint8Array): void => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(frame);
    else queue.push(frame);
  };

  return {
    invoke<C extends RequestChannel>(ch: C, arg: RequestMap[C][0]): Promise<RequestMap[C][1]> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        transmit(encodeBridgeFrame({ t: 'req', id, ch: ch as Exclude<RequestChannel, 'file:save'>, arg }));
      });
    },
    post<C extends PostChannel>(ch: C, arg: PostMap[C]): void {
      /* Live audio is not worth queueing while the link is down. */
      if (socket?.readyState === WebSocket.OPEN) socket.send(encodeBridgeFrame({ t: 'post', ch, arg }));
    },
    subscribe<C extends EventChannel>(ch: C, listener: (payload: EventMap[C]) => void): () => void {
      let set = listeners.get(ch);
      if (!set) listeners.set(ch, (set = new Set()));
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    onLink(cb) {
      linkCb = cb;
    },
  };
}

export function bridgeUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`;
}

/** In browser mode, "save" is a download. */
export function downloadFile(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
