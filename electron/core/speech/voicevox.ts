/**
 * VOICEVOX and the engines that share its HTTP API (AivisSpeech, COEIROINK, SHAREVOX):
 * `GET /speakers`, then per sentence `POST /audio_query?text&speaker` and
 * `POST /synthesis?speaker` with that query, which answers a WAV.
 */
import type { SpeechSliders, Voice } from '../../../common/speech.js';
import { EngineError, engineFetch, httpBase, readBody } from './engine-error.js';

export interface VoicevoxTarget {
  url: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The base URL without a trailing slash; refuses anything but http(s). */
export const voicevoxBase = (url: string): string => httpBase(url, 'voicevox');

export function audioQueryUrl(base: string, text: string, style: number): string {
  return `${base}/audio_query?${new URLSearchParams({ text, speaker: String(style) })}`;
}

export function synthesisUrl(base: string, style: number): string {
  return `${base}/synthesis?${new URLSearchParams({ speaker: String(style) })}`;
}

/** The engine's query with the operator's sliders, asking for 16 kHz mono (still checked on the way back). */
export function tuneQuery(query: Record<string, unknown>, sliders: SpeechSliders): Record<string, unknown> {
  return {
    ...query,
    speedScale: sliders.speed,
    pitchScale: sliders.pitch,
    intonationScale: sliders.intonation,
    volumeScale: sliders.volume,
    outputSamplingRate: 16_000,
    outputStereo: false,
  };
}

interface Speaker {
  name?: unknown;
  styles?: { name?: unknown; id?: unknown; type?: unknown }[];
}

/** One voice per talking style, "speaker (style)"; singing styles cannot read text. */
export function speakerVoices(json: unknown): Voice[] {
  if (!Array.isArray(json))
    throw new EngineError({ key: 'engineUndecodable', engine: 'voicevox', detail: '/speakers did not answer a list.' });
  const voices: Voice[] = [];
  for (const s of json as Speaker[]) {
    for (const style of s?.styles ?? []) {
      if (typeof style.id !== 'number' || (style.type !== undefined && style.type !== 'talk')) continue;
      voices.push({ id: String(style.id), label: `${String(s.name ?? '?')} (${String(style.name ?? style.id)})` });
    }
  }
  return voices;
}

export async function voicevoxVoices(t: VoicevoxTarget): Promise<Voice[]> {
  const base = voicevoxBase(t.url);
  const call = {
    engine: 'voicevox' as const,
    url: `${base}/speakers`,
    init: { method: 'GET' },
    timeoutMs: t.timeoutMs,
    signal: t.signal,
  };
  const body = await readBody(await engineFetch(call), call);
  return speakerVoices(parseJson(body, '/speakers'));
}

/** Text → the engine's WAV, in two calls. */
export async function voicevoxSynth(
  t: VoicevoxTarget,
  text: string,
  style: string,
  sliders: SpeechSliders,
): Promise<Uint8Array> {
  const base = voicevoxBase(t.url);
  /* No voice chosen yet: the engine's first talking style, as its own editor starts with. */
  const chosen = style.trim() || (await voicevoxVoices(t))[0]?.id || '';
  const id = Number(chosen);
  if (chosen === '' || !Number.isInteger(id)) throw new EngineError({ key: 'engineNoVoice', engine: 'voicevox' });
  const common = { engine: 'voicevox' as const, timeoutMs: t.timeoutMs, signal: t.signal };
  const queryCall = { ...common, url: audioQueryUrl(base, text, id), init: { method: 'POST' } };
  const query = parseJson(await readBody(await engineFetch(queryCall), queryCall), '/audio_query');
  if (!query || typeof query !== 'object')
    throw new EngineError({
      key: 'engineUndecodable',
      engine: 'voicevox',
      detail: '/audio_query did not answer a query object.',
    });
  const synthCall = {
    ...common,
    url: synthesisUrl(base, id),
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'audio/wav' },
      body: JSON.stringify(tuneQuery(query as Record<string, unknown>, sliders)),
    },
  };
  return readBody(await engineFetch(synthCall), synthCall);
}

function parseJson(body: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new EngineError({ key: 'engineUndecodable', engine: 'voicevox', detail: `${what} did not answer JSON.` });
  }
}
