/** Browser mode over real sockets: token, static root, headers and the bridge. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeBridgeFrame } from '../../../common/bridge-frame.js';
import type { BridgeFrame, EventMap, Snapshot } from '../../../common/contract.js';
import { decodeLogWire } from '../../../common/log-wire.js';
import { startWebServer, type WebServer } from '../../../electron/web/web-server.js';
import { FakeAgent } from '../../support/fake-agent.js';
import { startPanel, type Harness } from '../../support/panel-harness.js';

let h: Harness;
let web: WebServer;
const root = mkdtempSync(join(tmpdir(), 'rp-root-'));
const site = join(root, 'renderer');

beforeAll(async () => {
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>panel</title>');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  h = await startPanel();
  web = await startWebServer({ panel: h.panel, root: site });
});
afterAll(async () => {
  await web.close();
  await h.close();
});

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const cookie = (): Record<string, string> => ({ Cookie: `${web.cookieName}=${web.token}` });

describe('browser mode web server', () => {
  it('binds 127.0.0.1 and prints a URL with the token', () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=${web.token}$`));
  });

  it('refuses requests without the token (401) or with a wrong one (403)', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/index.html')).status).toBe(401);
    expect((await get('/?token=nope')).status).toBe(403);
    expect((await get('/', { Cookie: `${web.cookieName}=nope` })).status).toBe(403);
  });

  it('moves the token into a strict same-site cookie and serves with CSP and nosniff', async () => {
    const first = await get(`/?token=${web.token}`);
    expect(first.status).toBe(303);
    expect(String(first.headers['set-cookie'])).toMatch(/rp_token_\d+=.*HttpOnly.*SameSite=Strict/);
    const page = await get('/', cookie());
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>panel</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'; script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a request target URL cannot parse with 400, and keeps running', async () => {
    const { connect } = await import('node:net');
    for (const line of ['GET http://[ HTTP/1.1', 'GET http://x:99999/ HTTP/1.1']) {
      for (const upgrade of [false, true]) {
        const reply = await new Promise<string>((resolve) => {
          const s = connect(web.port, '127.0.0.1', () =>
            s.write(
              `${line}\r\nHost: 127.0.0.1\r\n${upgrade ? 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' : ''}\r\n`,
            ),
          );
          let data = '';
          s.on('data', (d) => (data += d));
          s.on('close', () => resolve(data));
          s.on('error', () => resolve(data));
          // eslint-disable-next-line no-restricted-syntax -- a deadline for a server that never answers, not a wait
          setTimeout(() => s.destroy(), 1000);
        });
        expect(reply, `${line} upgrade=${upgrade}`).toMatch(/^HTTP\/1\.1 400/);
      }
    }
    expect((await get('/', cookie())).status).toBe(200);
  });

  it('drops a malformed post on the bridge without falling over', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge`, { headers: cookie() });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'post', ch: 'audio:mic-chunk', arg: null }));
    ws.send(JSON.stringify({ t: 'post', ch: 'audio:mic-chunk', arg: { target: 'x' } }));
    ws.send(Buffer.from([0, 0, 0, 200, 1, 2]));
    /* Frames on one socket are handled in order: a request after them is answered once they were. */
    const answered = new Promise<unknown>((resolve) =>
      ws.on('message', (data: Buffer, binary: boolean) => {
        const frame = decodeBridgeFrame(binary ? new Uint8Array(data) : data.toString(), binary);
        if (frame?.t === 'res' && frame.id === 9) resolve(frame);
      }),
    );
    ws.send(JSON.stringify({ t: 'req', id: 9, ch: 'panel:ready' }));
    expect(await answered).toMatchObject({ ok: true });
    expect((await get('/', cookie())).status).toBe(200);
    ws.close();
  });

  it('serves nothing outside the built renderer', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/nope.js',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect((await get(path, cookie())).status, path).toBe(404);
    }
  });

  it('bridges the typed contract over a socket that needs the token and the own origin', async () => {
    const base = `ws://127.0.0.1:${web.port}/bridge`;
    const refused = (ws: WebSocket): Promise<number> =>
      new Promise((r) => ws.once('unexpected-response', (_q, res) => r(res.statusCode!)));
    expect(await refused(new WebSocket(base))).toBe(401);
    expect(await refused(new WebSocket(base, { headers: { ...cookie(), Origin: 'https://evil.example' } }))).toBe(403);
    const ws = new WebSocket(base, { headers: { ...cookie(), Origin: `http://127.0.0.1:${web.port}` } });
    const frames: BridgeFrame[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d)) as BridgeFrame));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'req', id: 1, ch: 'panel:ready' }));
    await h.waitFor(() => frames.some((f) => f.t === 'res' && f.id === 1));
    const res = frames.find((f) => f.t === 'res' && f.id === 1) as { ok: true; result: Snapshot };
    expect(res.result.host).toBe('web');
    ws.send(JSON.stringify({ t: 'req', id: 2, ch: 'message:send', arg: { target: 'all', text: 'A|1' } }));
    ws.send(JSON.stringify({ t: 'req', id: 3, ch: 'message:send', arg: { target: 'all', text: 42 } }));
    ws.send(JSON.stringify({ t: 'req', id: 4, ch: 'file:save', arg: {} }));
    await h.waitFor(() => frames.some((f) => f.t === 'res' && f.id === 3));
    expect(frames.find((f) => f.t === 'res' && f.id === 2)).toMatchObject({
      ok: true,
      result: { ok: false, problem: { key: 'noAgent' } },
    });
    expect(frames.find((f) => f.t === 'res' && f.id === 3)).toMatchObject({
      ok: false,
      error: 'The message must be text.',
    });
    expect(frames.some((f) => f.t === 'res' && f.id === 4)).toBe(false);
    ws.close();
  });

  it('tells a client that fell behind how many entries it missed as soon as it catches up, with no more traffic', async () => {
    const small = await startWebServer({ panel: h.panel, root: site, maxBridgeBuffer: 64 << 10 });
    const agent = await FakeAgent.connect(h.url, { frameMs: 1 });
    const ws = new WebSocket(`ws://127.0.0.1:${small.port}/bridge`, {
      headers: { Cookie: `${small.cookieName}=${small.token}` },
    });
    let big = 0;
    let gap = 0;
    let ready = false;
    ws.on('message', (d: Buffer, binary) => {
      const f = decodeBridgeFrame(d, binary);
      if (f?.t === 'res' && f.id === 1) ready = true;
      if (f?.t === 'evt' && f.ch === 'log:batch')
        big += decodeLogWire(f.payload as EventMap['log:batch']).entries.filter((e) =>
          e.text.startsWith('BIG|'),
        ).length;
      if (f?.t === 'evt' && f.ch === 'log:gap') gap += (f.payload as EventMap['log:gap']).dropped;
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ t: 'req', id: 1, ch: 'panel:ready' }));
    await h.waitFor(() => ready && h.sessions().length > 0, 5_000, 'ready, with the agent in');
    /* The client stops reading while 3,000 entries of 4 KB come: more than the socket's buffers hold. */
    ws.pause();
    for (let i = 0; i < 3000; i++) agent.emit(`BIG|${i}|${'x'.repeat(4000)}`);
    await h.waitFor(
      () => h.disk().filter((r) => String(r.text).startsWith('BIG|')).length === 3000,
      10_000,
      'all on disk',
    );
    /* The harness hears the panel's batches as the bridge does: once it has them all, each was offered. */
    await h.waitFor(
      () => h.entries.filter((e) => e.text.startsWith('BIG|')).length === 3000,
      10_000,
      'every batch offered to the paused client',
    );
    ws.resume();
    await h.waitFor(
      () => gap > 0 && big + gap === 3000,
      5_000,
      `every entry received or reported missing (${big} + ${gap})`,
    );
    expect(big).toBeGreaterThan(0);
    ws.close();
    agent.quit();
    await small.close();
  });
});
