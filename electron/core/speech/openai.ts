/**
 * OpenAI's `POST /v1/audio/speech` and the servers that copy it: JSON in, a WAV back
 * (`response_format: "wav"`). The key goes in the Authorization header only.
 */
import { EngineError, engineFetch, httpBase, readBody, redact } from './engine-error.js';

export interface OpenAiTarget {
  url: string;
  model: string;
  /** Empty: no Authorization header (local servers). */
  key: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** `<base>/v1/audio/speech`; a base that already ends in /v1 (as SDKs write it) is not doubled. */
export function speechUrl(base: string): string {
  const root = httpBase(base, 'openai')
    .replace(/\/audio\/speech$/, '')
    .replace(/\/v1$/, '');
  return `${root}/v1/audio/speech`;
}

export function speechRequest(
  t: Pick<OpenAiTarget, 'url' | 'model' | 'key'>,
  text: string,
  voice: string,
): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'audio/wav' };
  if (t.key) headers.authorization = `Bearer ${t.key}`;
  return {
    url: speechUrl(t.url),
    init: {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: t.model, voice, input: text, response_format: 'wav' }),
    },
  };
}

export async function openAiSynth(t: OpenAiTarget, text: string, voice: string): Promise<Uint8Array> {
  if (voice.trim() === '') throw new EngineError({ key: 'engineNoVoice', engine: 'openai' });
  const { url, init } = speechRequest(t, text, voice.trim());
  const call = { engine: 'openai' as const, url, init, timeoutMs: t.timeoutMs, signal: t.signal };
  try {
    return await readBody(await engineFetch(call), call);
  } catch (error) {
    /* Servers quote the key back in their errors ("Incorrect API key provided: sk-…"): it never goes further. */
    throw redact(error, t.key);
  }
}
