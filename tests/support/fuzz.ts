/** Random hostile frames for the fuzz test and the reliability report. Seeded, so runs repeat. */
import WebSocket from 'ws';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzFrame {
  data: Buffer;
  binary: boolean;
  /** The marker the disk log must hold exactly once, or null for a frame the server must refuse. */
  marker: string | null;
}

/** One frame: a marked line of 0–100,000 bytes with invalid UTF-8, NUL, lone CR or an SND prefix, or binary. */
export function fuzzFrame(rand: () => number, client: number, n: number, maxPayload: number): FuzzFrame {
  const kind = rand();
  if (kind < 0.01)
    return { data: Buffer.alloc(maxPayload + 1 + Math.floor(rand() * 1000), 0x41), binary: rand() < 0.5, marker: null };
  const len = rand() < 0.05 ? Math.floor(rand() * 100_000) : Math.floor(rand() * 200);
  const body = Buffer.alloc(len);
  for (let i = 0; i < len; i++) {
    const r = rand();
    body[i] =
      r < 0.1 ? 0x00 : r < 0.2 ? 0x0d : r < 0.35 ? 0x80 + Math.floor(rand() * 0x80) : 0x20 + Math.floor(rand() * 0x5e);
  }
  if (kind < 0.2) {
    const marker = `FB|${client}|${n}|`;
    return { data: Buffer.concat([Buffer.from(marker), body]), binary: true, marker };
  }
  const marker = `FZ|${client}|${n}|`;
  const prefix = kind < 0.3 ? 'SND1280' : '';
  return {
    data: Buffer.concat([Buffer.from(prefix + marker), body, Buffer.from('\n')]),
    binary: false,
    marker: prefix + marker,
  };
}

export interface FuzzResult {
  sent: number;
  accepted: string[];
  refusedOversize: number;
}

/** Several clients send `total` frames; a client closed for an oversize frame reconnects. */
export async function fuzz(
  url: string,
  total: number,
  clients: number,
  maxPayload: number,
  seed = 1,
): Promise<FuzzResult> {
  const accepted: string[] = [];
  let refusedOversize = 0;
  const per = Math.ceil(total / clients);
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const rand = rng(seed * 1000 + c);
      let ws: WebSocket | null = null;
      for (let n = 0; n < per; n++) {
        if (!ws || ws.readyState !== WebSocket.OPEN) ws = await open(url);
        const frame = fuzzFrame(rand, c, n, maxPayload);
        if (frame.marker === null) {
          refusedOversize++;
          const closed = new Promise((r) => ws!.once('close', r));
          ws.send(frame.data, { binary: frame.binary });
          await closed;
          ws = null;
          continue;
        }
        ws.send(frame.data, { binary: frame.binary });
        accepted.push(frame.marker);
        if (n % 200 === 0) await new Promise((r) => setImmediate(r));
      }
      /* A closing handshake: every frame sent before it has been read by the panel. */
      if (ws) {
        const closed = new Promise((r) => ws!.once('close', r));
        ws.close();
        await closed;
      }
    }),
  );
  return { sent: per * clients, accepted, refusedOversize };
}

async function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { 'X-App-Type': 'MMDAgent' }, perMessageDeflate: false });
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_q, res) => reject(new Error(`refused ${res.statusCode}`)));
  });
  return ws;
}
