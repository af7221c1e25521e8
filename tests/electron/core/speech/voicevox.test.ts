import { describe, expect, it } from 'vitest';
import { engineMessage, type EngineError } from '../../../../electron/core/speech/engine-error.js';
import {
  audioQueryUrl,
  speakerVoices,
  synthesisUrl,
  tuneQuery,
  voicevoxBase,
} from '../../../../electron/core/speech/voicevox.js';

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as EngineError).problem;
  }
  return null;
};

describe('VOICEVOX requests', () => {
  it('builds /audio_query and /synthesis URLs with the text and style id encoded', () => {
    const base = voicevoxBase('http://127.0.0.1:50021/');
    expect(base).toBe('http://127.0.0.1:50021');
    expect(audioQueryUrl(base, 'こんにちは & よろしく?', 3)).toBe(
      'http://127.0.0.1:50021/audio_query?text=%E3%81%93%E3%82%93%E3%81%AB%E3%81%A1%E3%81%AF+%26+%E3%82%88%E3%82%8D%E3%81%97%E3%81%8F%3F&speaker=3',
    );
    expect(new URL(audioQueryUrl(base, 'a&b=c', 1)).searchParams.get('text')).toBe('a&b=c');
    expect(synthesisUrl(base, 46)).toBe('http://127.0.0.1:50021/synthesis?speaker=46');
    expect(voicevoxBase('https://tts.example/engine/')).toBe('https://tts.example/engine');
  });

  it('refuses a URL that is not http(s)', () => {
    expect(thrown(() => voicevoxBase('127.0.0.1:50021'))).toEqual({
      key: 'engineUrl',
      engine: 'voicevox',
      url: '127.0.0.1:50021',
    });
    expect(thrown(() => voicevoxBase('file:///etc/passwd'))).toEqual({
      key: 'engineUrl',
      engine: 'voicevox',
      url: 'file:///etc/passwd',
    });
  });

  it('maps the sliders into the engine’s query and asks for 16 kHz mono, keeping everything else', () => {
    const query = {
      accent_phrases: [{ moras: [] }],
      speedScale: 1,
      pitchScale: 0,
      intonationScale: 1,
      volumeScale: 1,
      prePhonemeLength: 0.1,
      outputSamplingRate: 24000,
      outputStereo: true,
      kana: "'a",
    };
    expect(tuneQuery(query, { speed: 1.5, pitch: -0.1, intonation: 0.5, volume: 2 })).toEqual({
      accent_phrases: [{ moras: [] }],
      speedScale: 1.5,
      pitchScale: -0.1,
      intonationScale: 0.5,
      volumeScale: 2,
      prePhonemeLength: 0.1,
      outputSamplingRate: 16000,
      outputStereo: false,
      kana: "'a",
    });
  });

  it('lists one voice per talking style from /speakers', () => {
    const speakers = [
      {
        name: 'A',
        styles: [
          { name: 'ノーマル', id: 1, type: 'talk' },
          { name: 'ハミング', id: 2, type: 'frame_decode' },
          { name: '歌', id: 3, type: 'sing' },
        ],
      },
      { name: 'B (old engine)', styles: [{ name: 'normal', id: 7 }] },
    ];
    expect(speakerVoices(speakers)).toEqual([
      { id: '1', label: 'A (ノーマル)' },
      { id: '7', label: 'B (old engine) (normal)' },
    ]);
    expect(thrown(() => speakerVoices({ detail: 'x' }))).toMatchObject({ key: 'engineUndecodable' });
  });

  it('takes the engine’s own reason from FastAPI and OpenAI error bodies, or the text', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(engineMessage(enc('{"detail":"該当するスタイルが見つかりません"}'))).toBe(
      '該当するスタイルが見つかりません',
    );
    expect(
      engineMessage(enc('{"detail":[{"loc":["query","text"],"msg":"field required","type":"value_error.missing"}]}')),
    ).toBe('query.text: field required');
    expect(
      engineMessage(enc('{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}')),
    ).toBe('Incorrect API key provided.');
    expect(engineMessage(enc('<html><body><h1>502 Bad Gateway</h1></body></html>'))).toBe('502 Bad Gateway');
  });
});
