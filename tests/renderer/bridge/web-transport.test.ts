/**
 * Browser mode's transport against a real WebSocket server that speaks bridge frames: requests
 * wait for the link, answers and events find their callers, and a dropped link fails what waited.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { BridgeFrame } from '../../../common/contract';
import { decodeBridgeFrame, encodeBridgeFrame } from '../../../common/bridge-frame';
import { CoreGoneError, createWebTransport } from '../../../renderer/bridge/web-transport';

/* Node 20 has no WebSocket global; ws's client has the browser's interface. */
Object.assign(globalThis, { WebSocket });

const servers: WebSocketServer[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    for (const c of s.clients) c.terminate();
    s.close();
  }
});

async function bridge(answer: (frame: BridgeFrame & { t: 'req' }) => BridgeFrame | null) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  await new Promise((r) => wss.once('listening', r));
  const received: BridgeFrame[] = [];
  wss.on('connection', (ws) =>
    ws.on('message', (data: Buffer, binary) => {
      const frame = decodeBridgeFrame(binary ? new Uint8Array(data) : data.toString(), binary);
      if (!frame) return;
      received.push(frame);
      const reply = frame.t === 'req' ? answer(frame) : null;
      if (reply) ws.send(encodeBridgeFrame(reply));
    }),
  );
  const { port } = wss.address() as { port: number };
  return { wss, received, url: `ws://127.0.0.1:${port}/bridge` };
}

describe('the browser-mode transport', () => {
  it('sends a request made before the link is up once it is, and resolves it with the answer', async () => {
    const b = await bridge((f) => ({ t: 'res', id: f.id, ok: true, result: { echoed: f.arg } }));
    const t = createWebTransport(b.url);
    const link: boolean[] = [];
    t.onLink((up) => link.push(up));
    await expect(t.invoke('message:send', { target: 'all', text: 'A|1' })).resolves.toEqual({
      echoed: { target: 'all', text: 'A|1' },
    });
    expect(link).toEqual([true]);
  });

  it('rejects a request the core refused, with the core’s words', async () => {
    const b = await bridge((f) => ({
      t: 'res',
      id: f.id,
      ok: false,
      error: 'The target must be an agent id or "all".',
    }));
    const t = createWebTransport(b.url);
    await expect(t.invoke('message:send', { target: 'all', text: 'A|1' })).rejects.toThrow(/agent id/);
  });

  it('hands events to their subscribers until they unsubscribe', async () => {
    const b = await bridge((f) => ({ t: 'res', id: f.id, ok: true, result: null }));
    const t = createWebTransport(b.url);
    const got: unknown[] = [];
    const off = t.subscribe('server:status', (s) => got.push(s.state));
    await t.invoke('panel:ready', undefined);
    const status = { state: 'listening', url: '', host: '', port: 1, path: '/' } as const;
    for (const ws of b.wss.clients) ws.send(encodeBridgeFrame({ t: 'evt', ch: 'server:status', payload: status }));
    await vi.waitFor(() => expect(got).toEqual(['listening']));
    off();
    for (const ws of b.wss.clients) ws.send(encodeBridgeFrame({ t: 'evt', ch: 'server:status', payload: status }));
    await t.invoke('panel:ready', undefined);
    expect(got).toEqual(['listening']);
  });

  it('fails what waited when the link drops, says so, and comes back by itself', async () => {
    const b = await bridge(() => null);
    const t = createWebTransport(b.url);
    const link: boolean[] = [];
    t.onLink((up) => link.push(up));
    const pending = t.invoke('panel:ready', undefined);
    await vi.waitFor(() => expect(b.received).toHaveLength(1));
    for (const ws of b.wss.clients) ws.terminate();
    await expect(pending).rejects.toBeInstanceOf(CoreGoneError);
    await vi.waitFor(() => expect(link).toEqual([true, false, true]), { timeout: 5000 });
  });

  it('drops live microphone audio while the link is down instead of queueing it', async () => {
    const b = await bridge((f) => ({ t: 'res', id: f.id, ok: true, result: null }));
    const t = createWebTransport(b.url);
    t.post('audio:mic-chunk', { agentId: 1, pcm: new Uint8Array(4), capturedAt: 0 });
    await t.invoke('panel:ready', undefined);
    t.post('audio:mic-chunk', { agentId: 1, pcm: new Uint8Array(4), capturedAt: 1 });
    await t.invoke('panel:ready', undefined);
    expect(b.received.map((f) => f.t)).toEqual(['req', 'post', 'req']);
  });
});
