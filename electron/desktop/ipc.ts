import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type {
  EventChannel,
  EventMap,
  PortChannel,
  PostChannel,
  RequestChannel,
  RequestMap,
} from '../../common/contract.js';
import { hasHandler } from '../core/requests.js';
import { isAppUrl } from './app-origin.js';

type Handler<C extends RequestChannel> = (arg: unknown, event: IpcMainInvokeEvent) => Promise<RequestMap[C][1]>;

/** Only the app's own top frame may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** The one way main answers a request: typed, and refused for any other sender. */
export function handle<C extends RequestChannel>(channel: C, handler: Handler<C>): void {
  ipcMain.handle(channel, (event, arg: unknown) => {
    if (!isTrustedSender(event)) throw new Error(`Refused ${channel} from an untrusted sender.`);
    return handler(arg, event);
  });
}

/** Fire-and-forget messages, with the same sender check; nothing to answer, so a stranger is ignored. */
export function listen(channel: PostChannel, handler: (arg: unknown) => void): void {
  ipcMain.on(channel, (event, arg: unknown) => {
    if (!isTrustedSender(event)) return;
    try {
      handler(arg);
    } catch {
      /* Nobody waits for an answer; a malformed message is dropped, never thrown in main. */
    }
  });
}

const PORT_OPEN: PortChannel = 'port:open';

/**
 * Ports the page opened for a post channel (the microphone's chunks, posted by the audio thread
 * without waiting for the page's main thread). Each message on the port is one post, through
 * the same handler and sender check; a port from a stranger or for no known channel is closed.
 */
export function listenPorts(handlers: Partial<Record<PostChannel, (arg: unknown) => void>>): void {
  ipcMain.on(PORT_OPEN, (event: IpcMainEvent, arg: unknown) => {
    const channel = (arg as { channel?: unknown } | null)?.channel;
    const handler = hasHandler(handlers, channel) ? handlers[channel] : undefined;
    const trusted = isTrustedSender(event);
    for (const port of event.ports) {
      if (!trusted || !handler) {
        port.close();
        continue;
      }
      port.on('message', (message) => {
        try {
          handler(message.data);
        } catch {
          /* As with `listen`: dropped, never thrown in main. */
        }
      });
      port.start();
    }
  });
}

/**
 * Pushes events to one renderer, held until it says it is ready, and never to a
 * destroyed one. Log batches are already coalesced by the core's tick.
 */
export class EventRelay {
  private ready = false;

  constructor(private readonly contents: WebContents) {
    /* A reload starts a new renderer: hold events again until it says it is ready. */
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.ready = false;
    });
  }

  markReady(): void {
    this.ready = true;
  }

  send<C extends EventChannel>(channel: C, payload: EventMap[C]): void {
    if (!this.ready || this.contents.isDestroyed()) return;
    this.contents.send(channel, payload);
  }
}
