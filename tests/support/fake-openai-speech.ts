/**
 * A fake OpenAI-compatible speech endpoint: `POST /v1/audio/speech` with `{ model, voice, input,
 * response_format }`, Bearer auth when a key is set, errors as `{"error": {"message", "type", "code"}}`,
 * and a 24 kHz mono WAV whose sizes say "unknown length" (0xFFFFFFFF), as a streamed answer does.
 */
import type { Server } from 'node:http';
import { encodeWav } from '../../electron/core/speech/wav.js';
import { json, readAll, send } from './fake-voicevox.js';
import { closeHttp, httpUrl, listenHttp } from './http-fake.js';
import { speechLike } from './speech-signal.js';

export interface SpeechCall {
  auth: string | undefined;
  body: Record<string, unknown>;
  wav: Uint8Array;
}

export class FakeOpenAiSpeech {
  readonly calls: SpeechCall[] = [];
  private constructor(
    private readonly server: Server,
    readonly key: string | null,
  ) {}

  static async start(key: string | null = null): Promise<FakeOpenAiSpeech> {
    let fake: FakeOpenAiSpeech | null = null;
    const server = await listenHttp(async (req, res) => {
      const body = await readAll(req);
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method !== 'POST' || url.pathname !== '/v1/audio/speech')
        return json(res, 404, {
          error: {
            message: `Unknown request URL: ${req.method} ${url.pathname}`,
            type: 'invalid_request_error',
            code: 'unknown_url',
          },
        });
      if (fake!.key && req.headers.authorization !== `Bearer ${fake!.key}`)
        return json(res, 401, {
          error: {
            message: `Incorrect API key provided: ${String(req.headers.authorization ?? '').replace(/^Bearer /, '')}.`,
            type: 'invalid_request_error',
            code: 'invalid_api_key',
          },
        });
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return json(res, 400, {
          error: {
            message: 'We could not parse the JSON body of your request.',
            type: 'invalid_request_error',
            code: null,
          },
        });
      }
      if (typeof parsed.input !== 'string' || typeof parsed.model !== 'string' || typeof parsed.voice !== 'string')
        return json(res, 400, {
          error: {
            message: "Missing required parameter: 'input'.",
            type: 'invalid_request_error',
            code: 'missing_required_parameter',
          },
        });
      const wav = encodeWav(speechLike(parsed.input, 24000), 24000);
      new DataView(wav.buffer).setUint32(4, 0xffffffff, true);
      new DataView(wav.buffer).setUint32(40, 0xffffffff, true);
      fake!.calls.push({ auth: req.headers.authorization, body: parsed, wav });
      send(res, 200, 'audio/wav', Buffer.from(wav));
    });
    fake = new FakeOpenAiSpeech(server, key);
    return fake;
  }

  get url(): string {
    return httpUrl(this.server);
  }

  close(): Promise<void> {
    return closeHttp(this.server);
  }
}
