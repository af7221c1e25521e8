/**
 * How speech engines fail, as the problems the UI words. An engine throws `EngineError`; a Say
 * stopped by the operator throws `SpeechCancelled`, which is no failure and gets no message.
 */
import type { EngineProblem } from '../../../common/problems.js';
import type { SpeechEngine } from '../../../common/speech.js';

export class EngineError extends Error {
  constructor(readonly problem: EngineProblem) {
    super(`${problem.key}: ${JSON.stringify(problem)}`);
  }
}

export class SpeechCancelled extends Error {
  constructor() {
    super('Speech was stopped.');
  }
}

export interface HttpCall {
  engine: SpeechEngine;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  /** The operator's Stop. */
  signal?: AbortSignal;
}

/** One HTTP call to an engine: a refused connection, a timeout and an error status each get their own problem. */
export async function engineFetch(call: HttpCall): Promise<Response> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(call.url, { ...call.init, signal });
  } catch (error) {
    throw failure(error, call, timeout);
  }
  if (!response.ok) {
    const message = await readBody(response, call, timeout).then(engineMessage, () => '');
    throw new EngineError({
      key: 'engineHttp',
      engine: call.engine,
      url: call.url,
      status: response.status,
      message: message || response.statusText,
    });
  }
  return response;
}

/** A sentence's WAV is a few MB at most; an answer larger than this is not one. */
const MAX_BODY = 100 * 1024 * 1024;

/** The whole body, with the same timeout and Stop as the request, and a size limit. */
export async function readBody(response: Response, call: HttpCall, timeout?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (let r = await reader?.read(); reader && r && !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > MAX_BODY) {
        await reader.cancel();
        throw new EngineError({
          key: 'engineUndecodable',
          engine: call.engine,
          detail: `The answer is larger than ${MAX_BODY / 1024 / 1024} MB.`,
        });
      }
      chunks.push(r.value);
    }
  } catch (error) {
    throw error instanceof EngineError ? error : failure(error, call, timeout);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An engine's problem with a secret (the API key) blanked wherever the engine or the runtime repeated it. */
export function redact(error: unknown, secret: string): unknown {
  if (!(error instanceof EngineError) || secret.length < 4) return error;
  const hide = (v: unknown): unknown =>
    typeof v === 'string'
      ? v
          .split(secret)
          .join('[key]')
          .replace(/Bearer \S+/g, 'Bearer [key]')
      : v;
  return new EngineError(
    Object.fromEntries(Object.entries(error.problem).map(([k, v]) => [k, hide(v)])) as EngineProblem,
  );
}

function failure(error: unknown, call: HttpCall, timeout?: AbortSignal): Error {
  if (call.signal?.aborted) return new SpeechCancelled();
  if (timeout?.aborted || (error as Error).name === 'TimeoutError')
    return new EngineError({
      key: 'engineTimeout',
      engine: call.engine,
      url: call.url,
      seconds: Math.round(call.timeoutMs / 100) / 10,
    });
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new EngineError({ key: 'engineUnreachable', engine: call.engine, url: origin(call.url), detail });
}

/** Engines put their reason in JSON: FastAPI's `detail` (VOICEVOX), OpenAI's `error.message`. */
export function engineMessage(body: Uint8Array): string {
  const text = new TextDecoder().decode(body.subarray(0, 4000)).trim();
  try {
    const json = JSON.parse(text) as { detail?: unknown; error?: { message?: unknown } | string; message?: unknown };
    if (typeof json.detail === 'string') return json.detail;
    if (Array.isArray(json.detail))
      return json.detail
        .map((d: { msg?: unknown; loc?: unknown }) =>
          [Array.isArray(d.loc) ? d.loc.join('.') : '', d.msg].filter(Boolean).join(': '),
        )
        .join('; ');
    if (typeof json.error === 'string') return json.error;
    if (json.error && typeof json.error.message === 'string') return json.error.message;
    if (typeof json.message === 'string') return json.message;
  } catch {
    /* Not JSON: the text itself, shortened. */
  }
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

/** An engine's http(s) address without trailing slashes; anything else is refused as typed. */
export function httpBase(url: string, engine: SpeechEngine): string {
  const typed = url.trim();
  const parsed = URL.canParse(typed) ? new URL(typed) : null;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    throw new EngineError({ key: 'engineUrl', engine, url: typed.slice(0, 200) });
  return parsed.href.replace(/\/+$/, '');
}

/** Where the engine is (scheme, host and port), for "cannot reach …" messages. */
export function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
