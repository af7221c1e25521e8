/**
 * A MessagePort whose messages reach the core as posts on one channel without passing through
 * the page's main thread: under Electron the preload hands it to main, in browser mode a worker
 * carries it over a bridge socket of its own. The microphone's audio thread posts its chunks here.
 */
import relayUrl from './post-relay.worker.ts?worker&url';
import type { PortOffer, PostChannel } from '../../common/contract';
import type { RelayPort } from './post-relay.worker';
import { bridgeUrl } from './web-transport';

let relay: Worker | null = null;

export function openPostPort(channel: PostChannel): MessagePort {
  const { port1, port2 } = new MessageChannel();
  if (window.api) {
    const offer: PortOffer = { portFor: channel };
    /* '/': only this page's own origin receives it (the preload listens on this window). */
    window.postMessage(offer, '/', [port2]);
  } else {
    relay ??= new Worker(relayUrl, { name: 'post-relay' });
    const message: RelayPort = { channel, url: bridgeUrl() };
    relay.postMessage(message, [port2]);
  }
  return port1;
}
