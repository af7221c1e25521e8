import { describe, expect, it } from 'vitest';
import type { EngineError } from '../../../../electron/core/speech/engine-error.js';
import { speechRequest, speechUrl } from '../../../../electron/core/speech/openai.js';

describe('OpenAI-compatible requests', () => {
  it('finds /v1/audio/speech from a base with or without /v1 (as SDKs and local servers write it)', () => {
    expect(speechUrl('https://api.openai.com')).toBe('https://api.openai.com/v1/audio/speech');
    expect(speechUrl('https://api.openai.com/v1/')).toBe('https://api.openai.com/v1/audio/speech');
    expect(speechUrl('http://127.0.0.1:8880/v1/audio/speech')).toBe('http://127.0.0.1:8880/v1/audio/speech');
    expect(speechUrl('http://localhost:5000/proxy')).toBe('http://localhost:5000/proxy/v1/audio/speech');
    try {
      speechUrl('api.openai.com');
      expect.unreachable();
    } catch (error) {
      expect((error as EngineError).problem).toEqual({ key: 'engineUrl', engine: 'openai', url: 'api.openai.com' });
    }
  });

  it('sends model, voice, input and response_format wav as JSON; the key only as a Bearer header', () => {
    const { url, init } = speechRequest(
      { url: 'https://api.openai.com', model: 'gpt-4o-mini-tts', key: 'sk-1' },
      'Hello "there"\nfriend',
      'coral',
    );
    expect(url).toBe('https://api.openai.com/v1/audio/speech');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({
      'content-type': 'application/json',
      accept: 'audio/wav',
      authorization: 'Bearer sk-1',
    });
    expect(JSON.parse(init.body as string)).toEqual({
      model: 'gpt-4o-mini-tts',
      voice: 'coral',
      input: 'Hello "there"\nfriend',
      response_format: 'wav',
    });
    expect(url).not.toContain('sk-1');
    expect(init.body).not.toContain('sk-1');
  });

  it('a local server with no key gets no Authorization header', () => {
    const { init } = speechRequest({ url: 'http://127.0.0.1:8880', model: 'kokoro', key: '' }, 'hi', 'af_bella');
    expect(init.headers).not.toHaveProperty('authorization');
  });
});
