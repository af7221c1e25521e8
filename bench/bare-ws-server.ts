/**
 * The floor of the panel's own runtime: a bare `ws` server in its own process that only counts
 * frames. It prints READY <port>, then DONE <wall ms> when the expected count has arrived.
 */
import { WebSocketServer } from 'ws';

const expected = Number(process.argv[2]);
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 8192 });
wss.on('listening', () => console.log(`READY ${(wss.address() as { port: number }).port}`));
wss.on('connection', (ws) => {
  let n = 0;
  ws.on('message', () => {
    if (++n === expected) console.log(`DONE ${(performance.timeOrigin + performance.now()).toFixed(3)}`);
  });
});
