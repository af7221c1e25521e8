import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AudioStreamer } from '../../../electron/core/audio-stream.js';
import { streamPath } from '../../../electron/core/stream-path.js';
import { makeTestAudio } from '../../support/test-audio.js';

function fakeAudio() {
  const calls: { agentId: number; alias: string; name: string; bytes: number; whenBusy: string }[] = [];
  const audio = {
    streamFile: (agentId: number, req: { alias: string; name: string; pcm: Uint8Array; whenBusy: string }) => {
      calls.push({ agentId, alias: req.alias, name: req.name, bytes: req.pcm.length, whenBusy: req.whenBusy });
      return { ok: true, queued: 0 };
    },
  } as unknown as AudioStreamer;
  return { audio, calls };
}

describe('a stream step', () => {
  it('streams a WAV on the panel’s machine as 16 kHz PCM, queued behind what plays', async () => {
    const { audio, calls } = fakeAudio();
    const { wav, reference } = makeTestAudio();
    expect(await streamPath(audio, { agentId: 2, alias: '0', path: wav })).toEqual({ ok: true, queued: 0 });
    expect(calls).toEqual([{ agentId: 2, alias: '0', name: 'speech.wav', bytes: calls[0]!.bytes, whenBusy: 'queue' }]);
    /* Resampled by the panel, not sox: the length agrees within a few samples. */
    expect(Math.abs(calls[0]!.bytes / 2 - reference.length)).toBeLessThan(50);
  });

  it('says which file is missing or not a WAV, and streams nothing', async () => {
    const { audio, calls } = fakeAudio();
    const dir = mkdtempSync(join(tmpdir(), 'rp-stream-'));
    writeFileSync(join(dir, 'fake.wav'), 'not a wav at all');
    expect(await streamPath(audio, { agentId: 1, alias: '0', path: join(dir, 'nope.wav') })).toEqual({
      ok: false,
      problem: { key: 'streamMissing', path: join(dir, 'nope.wav') },
    });
    expect(await streamPath(audio, { agentId: 1, alias: '0', path: join(dir, 'fake.wav') })).toEqual({
      ok: false,
      problem: { key: 'streamNotWav', name: 'fake.wav' },
    });
    expect(await streamPath(audio, { agentId: 1, alias: '0', path: '/etc/passwd' })).toEqual({
      ok: false,
      problem: { key: 'streamNotWav', name: 'passwd' },
    });
    expect(calls).toEqual([]);
  });
});
