/**
 * A raw MMDAgent-EX-like client on its own thread, so sending a flood does not
 * share the core's event loop. Commands arrive from the parent over postMessage.
 */
import type { Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

export type WorkerCommand =
  | { cmd: 'burst'; prefix: string; count: number }
  /** Every frame built up front (masked, as a client must) and written to the socket in one call, as `sendall` does. */
  | { cmd: 'rawburst'; prefix: string; count: number }
  | { cmd: 'rate'; prefix: string; perSecond: number; seconds: number }
  /** Paced like `rate`, cycling through `lines` (each gets `|<n>` appended). */
  | { cmd: 'mixed'; lines: string[]; perSecond: number; count: number }
  | { cmd: 'close' };

const port = parentPort!;
const ws = new WebSocket(String(workerData.url), {
  headers: { 'X-App-Type': 'MMDAgent' },
  perMessageDeflate: false,
  family: 4,
});
ws.on('error', (e) => port.postMessage({ error: e.message }));
ws.on('open', () => port.postMessage({ open: true }));

const wallMs = (): number => performance.timeOrigin + performance.now();

port.on('message', (msg: WorkerCommand) => {
  if (msg.cmd === 'close') {
    ws.terminate();
    return port.postMessage({ closed: true });
  }
  if (msg.cmd === 'burst') {
    const start = wallMs();
    for (let i = 0; i < msg.count; i++) ws.send(`${msg.prefix}|${i}\n`);
    const check = (): void => {
      if (ws.bufferedAmount > 0) return void setTimeout(check, 1);
      port.postMessage({ done: true, start, sent: msg.count });
    };
    check();
    return;
  }
  if (msg.cmd === 'rawburst') {
    const frames = rawFrames(msg.prefix, msg.count);
    const socket = (ws as unknown as { _socket: Socket })._socket;
    const start = wallMs();
    socket.write(frames, () => port.postMessage({ done: true, start, sent: msg.count }));
    return;
  }
  if (msg.cmd === 'mixed') {
    const start = performance.now();
    let sent = 0;
    const tick = (): void => {
      const due = Math.min(msg.count, Math.floor(((performance.now() - start) / 1000) * msg.perSecond));
      while (sent < due) ws.send(`${msg.lines[sent % msg.lines.length]}|${sent++}\n`);
      if (sent < msg.count) setTimeout(tick, 2);
      else port.postMessage({ done: true, sent, seconds: (performance.now() - start) / 1000 });
    };
    tick();
    return;
  }
  /* Paced: every 2 ms, send what is due, each stamped with its wall-clock send time. */
  const total = Math.round(msg.perSecond * msg.seconds);
  const start = performance.now();
  let sent = 0;
  const tick = (): void => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * msg.perSecond));
    while (sent < due) ws.send(`${msg.prefix}|${sent++}|${wallMs().toFixed(3)}\n`);
    if (sent < total) setTimeout(tick, 2);
    else port.postMessage({ done: true, sent, seconds: (performance.now() - start) / 1000 });
  };
  tick();
});

/** `<prefix>|<k>\n` for every k, each a masked text frame (RFC 6455 §5.2), in one buffer. */
function rawFrames(prefix: string, count: number): Buffer {
  const parts: Buffer[] = [];
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  for (let k = 0; k < count; k++) {
    const payload = Buffer.from(`${prefix}|${k}\n`);
    const head =
      payload.length < 126
        ? Buffer.from([0x81, 0x80 | payload.length])
        : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
    for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i & 3]!;
    parts.push(head, mask, payload);
  }
  return Buffer.concat(parts);
}
