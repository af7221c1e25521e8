/**
 * A fake VOICEVOX engine with the real API's shapes: `GET /speakers` (speakers with talk and
 * non-talk styles), `POST /audio_query?text&speaker` (an AudioQuery), `POST /synthesis?speaker`
 * with that query (a WAV at the query's outputSamplingRate, stereo if it asks), FastAPI-style
 * errors (`{"detail": …}`). Options make it slow, wrong-rate (as some compatible engines are) or failing.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { encodeWav } from '../../electron/core/speech/wav.js';
import { closeHttp, httpUrl, listenHttp } from './http-fake.js';
import { interleave, speechLike } from './speech-signal.js';

export interface FakeVoicevoxOptions {
  /** Milliseconds each /synthesis takes, by the text it synthesizes. */
  synthesisDelayMs?: (text: string) => number;
  /** Answer this rate whatever the query asks (a compatible engine that ignores outputSamplingRate). */
  forceRate?: number;
  forceStereo?: boolean;
  /** Answer /synthesis with this status and detail (for the texts `when` picks, or all). */
  failSynthesis?: { status: number; detail: string; when?: (text: string) => boolean };
  /** Answer /synthesis with bytes that are not a WAV. */
  garbage?: boolean;
}

export interface SynthesisRecord {
  style: number;
  text: string;
  query: Record<string, unknown>;
  wav: Uint8Array;
  /** performance.now() when the WAV was sent. */
  answeredAt: number;
}

const SPEAKERS = [
  {
    name: '四国めたん',
    speaker_uuid: '7ffcb7ce-00ec-4bdc-82cd-45a8889e43ff',
    styles: [
      { name: 'ノーマル', id: 2, type: 'talk' },
      { name: 'あまあま', id: 0, type: 'talk' },
    ],
    version: '0.14.0',
    supported_features: { permitted_synthesis_morphing: 'SELF_ONLY' },
  },
  {
    name: 'ずんだもん',
    speaker_uuid: '388f246b-8c41-4ac1-8e2d-5d79f3ff56d9',
    styles: [
      { name: 'ノーマル', id: 3, type: 'talk' },
      { name: 'ハミング', id: 3001, type: 'frame_decode' },
    ],
    version: '0.14.0',
    supported_features: { permitted_synthesis_morphing: 'SELF_ONLY' },
  },
];
const STYLE_IDS = new Set(SPEAKERS.flatMap((s) => s.styles.map((st) => st.id)));

export class FakeVoicevox {
  readonly syntheses: SynthesisRecord[] = [];
  readonly requests: string[] = [];
  private constructor(
    private readonly server: Server,
    readonly options: FakeVoicevoxOptions,
  ) {}

  static async start(options: FakeVoicevoxOptions = {}): Promise<FakeVoicevox> {
    let fake: FakeVoicevox | null = null;
    fake = new FakeVoicevox(await listenHttp((req, res) => void fake!.handle(req, res)), options);
    return fake;
  }

  get url(): string {
    return httpUrl(this.server);
  }

  close(): Promise<void> {
    return closeHttp(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    this.requests.push(`${req.method} ${url.pathname}`);
    const body = await readAll(req);
    const speaker = Number(url.searchParams.get('speaker'));
    if (req.method === 'GET' && url.pathname === '/speakers') return json(res, 200, SPEAKERS);
    if (req.method === 'POST' && url.pathname === '/audio_query') {
      const text = url.searchParams.get('text');
      if (text === null || !url.searchParams.has('speaker'))
        return json(res, 422, {
          detail: [
            { loc: ['query', text === null ? 'text' : 'speaker'], msg: 'field required', type: 'value_error.missing' },
          ],
        });
      if (!STYLE_IDS.has(speaker))
        return json(res, 404, { detail: `該当するスタイル(style_id=${speaker})が見つかりません` });
      return json(res, 200, audioQuery(text));
    }
    if (req.method === 'POST' && url.pathname === '/synthesis') {
      let query: Record<string, unknown>;
      try {
        query = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return json(res, 422, {
          detail: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }],
        });
      }
      if (!STYLE_IDS.has(speaker))
        return json(res, 404, { detail: `該当するスタイル(style_id=${speaker})が見つかりません` });
      const text = String(query.kana ?? '');
      await new Promise((r) => setTimeout(r, this.options.synthesisDelayMs?.(text) ?? 0));
      const fail = this.options.failSynthesis;
      if (fail && (fail.when?.(text) ?? true)) return json(res, fail.status, { detail: fail.detail });
      if (this.options.garbage) return send(res, 200, 'audio/wav', Buffer.from('<html>not audio</html>'));
      const rate = this.options.forceRate ?? Number(query.outputSamplingRate ?? 24000);
      const channels = this.options.forceStereo || query.outputStereo === true ? 2 : 1;
      const mono = speechLike(text, rate, Number(query.speedScale ?? 1), Number(query.volumeScale ?? 1));
      const wav = encodeWav(interleave(mono, channels), rate, channels);
      this.syntheses.push({ style: speaker, text, query, wav, answeredAt: performance.now() });
      return send(res, 200, 'audio/wav', Buffer.from(wav));
    }
    json(res, 404, { detail: 'Not Found' });
  }
}

/** The AudioQuery VOICEVOX answers (accent phrases abbreviated to one mora per character; kana keeps the text). */
function audioQuery(text: string): Record<string, unknown> {
  return {
    accent_phrases: [
      {
        moras: [...text].map((c) => ({
          text: c,
          consonant: null,
          consonant_length: null,
          vowel: 'a',
          vowel_length: 0.1,
          pitch: 5.5,
        })),
        accent: 1,
        pause_mora: null,
        is_interrogative: false,
      },
    ],
    speedScale: 1,
    pitchScale: 0,
    intonationScale: 1,
    volumeScale: 1,
    prePhonemeLength: 0.1,
    postPhonemeLength: 0.1,
    pauseLength: null,
    pauseLengthScale: 1,
    outputSamplingRate: 24000,
    outputStereo: false,
    kana: text,
  };
}

export function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json', Buffer.from(JSON.stringify(value)));
}

export function send(res: ServerResponse, status: number, type: string, body: Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': body.length });
  res.end(body);
}
