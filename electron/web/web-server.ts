/**
 * Browser mode: serves the built renderer on 127.0.0.1 behind a random token and
 * bridges it to the same core over a WebSocket carrying the typed contract.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BridgeFrame, EventChannel, EventMap } from '../../common/contract.js';
import type { Panel } from '../core/panel.js';
import { RENDERER_CSP } from '../core/csp.js';
import { CONTENT_TYPES } from '../core/mime.js';
import { coreHandlers, hasHandler, postHandlers } from '../core/requests.js';
import { decodeBridgeFrame, encodeBridgeFrame } from '../../common/bridge-frame.js';

/** Bridge clients that cannot keep up get log batches dropped (never the disk log). */
const MAX_BRIDGE_BUFFER = 16 << 20;
/** How often a client that fell behind is looked at, so it hears what it missed once it has caught up, with or without more traffic. */
const GAP_CHECK_MS = 100;

export interface WebServerOptions {
  panel: Panel;
  /** The built renderer (dist/renderer). Nothing outside it is served. */
  root: string;
  host?: string;
  port?: number;
  token?: string;
  /** Bytes a bridge client may have waiting before its log batches are dropped (default 16 MB). */
  maxBridgeBuffer?: number;
}

export interface WebServer {
  url: string;
  token: string;
  /** The token cookie's name (it carries the port: browsers share cookies across ports). */
  cookieName: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const root = await realpath(resolve(options.root));
  const handlers = coreHandlers(options.panel);
  const posts = postHandlers(options.panel);
  /* Large enough for an hour of decoded 16 kHz audio sent in one request. */
  const bridge = new WebSocketServer({ noServer: true, maxPayload: 160 << 20, perMessageDeflate: false });
  const maxBuffer = options.maxBridgeBuffer ?? MAX_BRIDGE_BUFFER;
  let origins: string[] = [];
  let cookieName = 'rp_token';

  const server: Server = createServer((req, res) => {
    serve(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseUrl(req.url);
    if (!url) return plain(res, 400, 'Bad request.');
    const auth = authorize(req, url.searchParams.get('token'));
    if (auth !== 'ok')
      return plain(
        res,
        auth,
        auth === 401 ? 'This page needs the link with its token, printed by npm run web.' : 'Wrong token.',
      );
    if (url.searchParams.has('token')) {
      /* Move the token into a same-site cookie and out of the address bar. */
      url.searchParams.delete('token');
      const rest = url.searchParams.toString();
      res.writeHead(303, {
        Location: rest ? `/?${rest}` : '/',
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...securityHeaders(),
      });
      return void res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.');
    const file = await resolveStatic(root, url.pathname);
    if (!file) return plain(res, 404, 'Not found.');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        ...securityHeaders(),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      plain(res, 404, 'Not found.');
    }
  }

  function authorize(req: IncomingMessage, queryToken: string | null): 'ok' | 401 | 403 {
    const given = queryToken ?? cookieToken(req.headers.cookie, cookieName);
    if (!given) return 401;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 403;
  }

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = parseUrl(req.url);
    if (!url) return void socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    const auth = authorize(req, url.searchParams.get('token'));
    /* A page on another origin must not drive the agent through the bridge. */
    const badOrigin = req.headers.origin !== undefined && !origins.includes(req.headers.origin);
    if (url.pathname !== '/bridge' || auth !== 'ok' || badOrigin) {
      const status = url.pathname !== '/bridge' ? '404 Not Found' : auth === 401 ? '401 Unauthorized' : '403 Forbidden';
      return void socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    bridge.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    let ready = false;
    /** Entries not sent because this client fell behind; reported once it has caught up, before any later batch. */
    let dropped = 0;
    let gapCheck: NodeJS.Timeout | null = null;
    const send = (frame: BridgeFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(encodeBridgeFrame(frame));
    };
    const reportGap = (): void => {
      if (dropped === 0 || ws.bufferedAmount > maxBuffer) return;
      send({ t: 'evt', ch: 'log:gap', payload: { dropped } });
      dropped = 0;
      if (gapCheck) clearInterval(gapCheck);
      gapCheck = null;
    };
    const unsubscribe = options.panel.onAny((ch, payload) => {
      if (!ready || ws.readyState !== ws.OPEN) return;
      if (ch === 'log:batch') {
        if (ws.bufferedAmount > maxBuffer) {
          dropped += (payload as EventMap['log:batch']).n;
          gapCheck ??= setInterval(reportGap, GAP_CHECK_MS);
          return;
        }
        reportGap();
      }
      send({ t: 'evt', ch: ch as EventChannel, payload });
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      unsubscribe();
      if (gapCheck) clearInterval(gapCheck);
    });
    ws.on('message', (data: Buffer, isBinary) => {
      const frame = decodeBridgeFrame(data, isBinary);
      if (!frame) return;
      if (frame.t === 'post') {
        /* Nobody waits for an answer, so a malformed one is dropped. */
        if (hasHandler(posts, frame.ch)) {
          try {
            posts[frame.ch](frame.arg);
          } catch {
            /* dropped */
          }
        }
        return;
      }
      if (frame.t !== 'req' || !hasHandler(handlers, frame.ch)) return;
      const { id, ch } = frame;
      handlers[ch](frame.arg).then(
        (result) => {
          send({ t: 'res', id, ok: true, result });
          if (ch === 'panel:ready') ready = true;
        },
        (error: Error) => send({ t: 'res', id, ok: false, error: error.message }),
      );
    });
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => resolveListen());
  });
  server.on('error', () => undefined);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  /* The same page may be opened as localhost; cookies are not separated by port, so the name carries it. */
  origins = host === '127.0.0.1' ? [origin, `http://localhost:${port}`] : [origin];
  cookieName = `rp_token_${port}`;
  return {
    url: `${origin}/?token=${token}`,
    cookieName,
    token,
    port,
    close: async () => {
      for (const client of bridge.clients) client.terminate();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() });
  res.end(text + '\n');
}

function cookieToken(cookie: string | undefined, name: string): string | null {
  for (const part of (cookie ?? '').split(';')) {
    const [key, value] = part.trim().split('=');
    if (key === name && value) return value;
  }
  return null;
}

/** A request target as a URL, or null for one Node accepted but URL cannot parse. */
function parseUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://x');
  } catch {
    return null;
  }
}

/** The file for a URL path, only if it really lies inside the renderer folder. */
async function resolveStatic(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = resolve(join(root, decoded === '/' ? 'index.html' : decoded));
  if (wanted !== root && !wanted.startsWith(root + sep)) return null;
  try {
    const real = await realpath(wanted);
    return real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}
