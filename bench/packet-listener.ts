/**
 * An agent on its own thread that records when each SND packet arrives (its own
 * event loop, so the measurement does not share the bench's).
 */
import { parentPort, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const port = parentPort!;
const ws = new WebSocket(String(workerData.url), {
  headers: { 'X-App-Type': 'MMDAgent' },
  perMessageDeflate: false,
  family: 4,
});
/** `t`: this thread's clock; `w`: wall-clock ms, comparable across threads. */
const arrivals: { t: number; bytes: number; w: number }[] = [];
ws.on('open', () => port.postMessage({ open: true }));
ws.on('error', (e) => port.postMessage({ error: e.message }));
ws.on('message', (data: Buffer) => {
  const t = performance.now();
  if (
    data.length > 7 &&
    data.subarray(0, 3).toString('latin1') === 'SND' &&
    /^\d{4}$/.test(data.subarray(3, 7).toString('latin1'))
  ) {
    arrivals.push({ t, bytes: data.length - 7, w: performance.timeOrigin + t });
  } else if (data.toString('latin1').startsWith('SNDBRKS')) {
    port.postMessage({ brks: true, arrivals: arrivals.splice(0) });
  }
});
port.on('message', (m: { cmd: string }) => {
  if (m.cmd === 'take') port.postMessage({ arrivals: arrivals.splice(0) });
  if (m.cmd === 'close') ws.terminate();
});
