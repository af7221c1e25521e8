/**
 * Say it, end to end in the core: the real Panel, the faithful fake MMDAgent-EX, and fake
 * VOICEVOX and OpenAI-compatible engines that follow the real APIs' shapes.
 */
import { describe, expect, it } from 'vitest';
import { FakeAgent } from '../../../support/fake-agent.js';
import { FakeOpenAiSpeech } from '../../../support/fake-openai-speech.js';
import { FakeVoicevox, type FakeVoicevoxOptions } from '../../../support/fake-voicevox.js';
import { freePort } from '../../../support/http-fake.js';
import { autoCleanup, type Harness } from '../../../support/panel-harness.js';
import { envelopeCorrelation, int16, soxReference } from '../../../support/test-audio.js';
import { DEFAULT_SPEECH, type SpeechSettings } from '../../../../common/speech.js';

const { cleanup, panel } = autoCleanup();

async function setup(
  speech: Partial<SpeechSettings> = {},
  engine: FakeVoicevoxOptions = {},
): Promise<{ h: Harness; a: FakeAgent; id: number; vv: FakeVoicevox }> {
  const vv = await FakeVoicevox.start(engine);
  cleanup.push(() => vv.close());
  const h = await panel();
  await h.panel.settingsApplier.update({
    speech: {
      ...DEFAULT_SPEECH,
      engine: 'voicevox',
      voicevoxUrl: vv.url,
      voices: { ...DEFAULT_SPEECH.voices, voicevox: '2' },
      ...speech,
    },
  });
  const a = await FakeAgent.connect(h.url, { onDrop: 'reconnect' });
  cleanup.push(() => a.quit());
  await h.waitFor(() => h.sessions().length === 1);
  return { h, a, id: h.sessions()[0]!.agentId, vv };
}

/** The agent's audio cut into its SNDFILE…SNDBRKS segments. */
function segments(a: FakeAgent): { bytes: number; firstPacketAt: number }[] {
  const out: { bytes: number; firstPacketAt: number }[] = [];
  let packet = 0;
  for (const e of a.audioEvents) {
    if (e === 'SNDFILE') out.push({ bytes: 0, firstPacketAt: Number.NaN });
    else if (e === 'audio') {
      const seg = out.at(-1)!;
      if (Number.isNaN(seg.firstPacketAt)) seg.firstPacketAt = a.packetTimes[packet]!;
      seg.bytes += a.packetSizes[packet++]!;
    }
  }
  return out;
}

const ended = (a: FakeAgent) => () => a.audioEvents.at(-1) === 'SNDBRKS';

describe('Say with a VOICEVOX-compatible engine', () => {
  it('lists one voice per talking style, "speaker (style)"', async () => {
    const { h } = await setup();
    const voices = await h.panel.speech.voices('voicevox');
    expect(voices).toEqual({
      ok: true,
      voices: [
        { id: '2', label: '四国めたん (ノーマル)' },
        { id: '0', label: '四国めたん (あまあま)' },
        { id: '3', label: 'ずんだもん (ノーマル)' },
      ],
    });
  });

  it('streams the engine’s audio like a file: preamble, SNDFILE, paced packets, SNDBRKS; one log entry for the utterance', async () => {
    const { h, a, id, vv } = await setup({ sliders: { speed: 1.25, pitch: 0.05, intonation: 1.5, volume: 0.8 } });
    await h.panel.speech.voices('voicevox');
    const result = await h.panel.speech.say({
      agentId: id,
      alias: '0',
      text: 'こんにちは、今日はいい天気ですね',
      whenBusy: 'queue',
    });
    expect(result).toEqual({ ok: true, engine: 'voicevox', sentences: 1, queued: false });
    await a.waitFor(ended(a), 10_000, 'SNDBRKS');
    expect(a.received).toEqual(['__AV_START', '__AV_SETMODEL,0']);
    expect(a.audioEvents[0]).toBe('SNDFILE');
    const [synth] = vv.syntheses;
    expect(synth!.style).toBe(2);
    expect(synth!.query).toMatchObject({
      speedScale: 1.25,
      pitchScale: 0.05,
      intonationScale: 1.5,
      volumeScale: 0.8,
      outputSamplingRate: 16000,
      outputStereo: false,
      kana: 'こんにちは、今日はいい天気ですね',
    });
    /* The engine's own query comes back otherwise untouched. */
    expect(synth!.query.accent_phrases).toHaveLength(1);
    expect(envelopeCorrelation(soxReference(synth!.wav), int16(a.audio))).toBeGreaterThanOrEqual(0.9);
    /* Pacing at real time is measured by `npm run bench -- speech` (jitter and lead of a long Say). */
    await h.waitFor(() => h.entries.some((e) => e.msg?.key === 'said'));
    const said = h.entries.filter((e) => e.msg?.key === 'said');
    expect(said).toHaveLength(1);
    expect(said[0]!.msg!.params).toMatchObject({
      agentId: id,
      engine: 'voicevox',
      voice: '四国めたん (ノーマル)',
      text: 'こんにちは、今日はいい天気ですね',
      sentences: 1,
    });
    expect(said[0]!.text).toMatch(
      /^Said to agent #\d+ with the VOICEVOX-compatible engine \(四国めたん \(ノーマル\)\): "こんにちは、今日はいい天気ですね" \(\d\.\d\d s; sentences: 1\)\.$/,
    );
  }, 15_000);

  it('resamples and mixes down whatever the engine returns (44.1 kHz stereo from an engine that ignores the query)', async () => {
    const { h, a, id, vv } = await setup({}, { forceRate: 44100, forceStereo: true });
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: 'テストです', whenBusy: 'queue' })).toMatchObject({
      ok: true,
    });
    await a.waitFor(ended(a), 10_000, 'SNDBRKS');
    const wav = vv.syntheses[0]!.wav;
    const engineSeconds = (wav.length - 44) / (44100 * 4);
    expect(Math.abs(a.audio.length / 32000 - engineSeconds)).toBeLessThan(0.01);
    expect(envelopeCorrelation(soxReference(wav), int16(a.audio))).toBeGreaterThanOrEqual(0.9);
  }, 15_000);

  it('two sentences make two segments, and the first streams before the second is synthesized', async () => {
    const { h, a, id, vv } = await setup({}, { synthesisDelayMs: (text) => (text.startsWith('二つ目') ? 900 : 50) });
    const result = await h.panel.speech.say({
      agentId: id,
      alias: '0',
      text: '一つ目の文です。二つ目の文です！',
      whenBusy: 'queue',
    });
    expect(result).toMatchObject({ ok: true, sentences: 2 });
    await a.waitFor(() => a.audioEvents.filter((e) => e === 'SNDBRKS').length === 2, 10_000, 'two segments');
    expect(vv.syntheses.map((s) => s.text)).toEqual(['一つ目の文です。', '二つ目の文です！']);
    const segs = segments(a);
    expect(segs).toHaveLength(2);
    expect(segs[0]!.firstPacketAt).toBeLessThan(vv.syntheses[1]!.answeredAt);
    expect(segs[0]!.bytes).toBe(Math.floor(((vv.syntheses[0]!.wav.length - 44) / 2) * (16000 / 16000)) * 2);
    expect(a.audioEvents.filter((e) => e === 'SNDFILE')).toHaveLength(2);
    /* The preamble went once: the connection already had it for the second segment. */
    expect(a.received).toEqual(['__AV_START', '__AV_SETMODEL,0']);
    await h.waitFor(() => h.entries.some((e) => e.msg?.key === 'said'));
    expect(h.entries.find((e) => e.msg?.key === 'said')!.msg!.params.sentences).toBe(2);
  }, 15_000);

  it('an unreachable engine, an HTTP error, garbage and a timeout each get their problem, and nothing reaches the agent', async () => {
    const closed = await freePort();
    const { h, a, id } = await setup({ voicevoxUrl: `http://127.0.0.1:${closed}` });
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: 'こんにちは', whenBusy: 'queue' })).toEqual({
      ok: false,
      problem: {
        key: 'engineUnreachable',
        engine: 'voicevox',
        url: `http://127.0.0.1:${closed}`,
        detail: 'ECONNREFUSED',
      },
    });
    const failing = await FakeVoicevox.start({
      failSynthesis: { status: 500, detail: 'Internal Server Error: model not loaded' },
    });
    const garbage = await FakeVoicevox.start({ garbage: true });
    const slow = await FakeVoicevox.start({ synthesisDelayMs: () => 3000 });
    cleanup.push(
      () => failing.close(),
      () => garbage.close(),
      () => slow.close(),
    );
    const sayWith = async (speech: Partial<SpeechSettings>) => {
      await h.panel.settingsApplier.update({ speech: { ...h.panel.settings().speech, ...speech } });
      return h.panel.speech.say({ agentId: id, alias: '0', text: 'こんにちは', whenBusy: 'queue' });
    };
    expect(await sayWith({ voicevoxUrl: failing.url })).toEqual({
      ok: false,
      problem: {
        key: 'engineHttp',
        engine: 'voicevox',
        url: `${failing.url}/synthesis?speaker=2`,
        status: 500,
        message: 'Internal Server Error: model not loaded',
      },
    });
    expect(await sayWith({ voicevoxUrl: garbage.url })).toMatchObject({
      ok: false,
      problem: {
        key: 'engineUndecodable',
        engine: 'voicevox',
        detail: expect.stringMatching(/Not a WAV file: "<html>not audio<\/html>"/),
      },
    });
    expect(await sayWith({ voicevoxUrl: slow.url, timeoutSec: 1 })).toMatchObject({
      ok: false,
      problem: { key: 'engineTimeout', engine: 'voicevox', seconds: 1 },
    });
    expect(
      await sayWith({ voicevoxUrl: slow.url, voices: { ...DEFAULT_SPEECH.voices, voicevox: '999' } }),
    ).toMatchObject({ ok: false, problem: { key: 'engineHttp', status: 404 } });
    expect(await sayWith({ voicevoxUrl: '' })).toEqual({
      ok: false,
      problem: { key: 'engineUrl', engine: 'voicevox', url: '' },
    });
    expect(
      await h.panel.settingsApplier.update({ speech: { ...h.panel.settings().speech, voicevoxUrl: 'ftp://example' } }),
    ).toEqual({
      ok: false,
      problem: { key: 'setting', setting: 'speech', problem: { code: 'speech', field: 'voicevoxUrl' } },
    });
    /* The slow engine answers after the panel gave up; a line sent after that arrives alone. */
    await h.waitFor(() => slow.syntheses.length === 1, 5000, 'the slow engine answering after the timeout');
    expect(h.panel.outbox.send(id, 'KEY|after')).toMatchObject({ ok: true });
    await a.waitFor(() => a.received.includes('KEY|after'), 3000, 'the line after the failed Says');
    expect(a.received).toEqual(['KEY|after']);
    expect(a.audioEvents).toEqual([]);
  }, 15_000);

  it('a sentence that fails after the first has started: the first still ends whole with SNDBRKS, nothing more is sent, and the log says why', async () => {
    const { h, a, id } = await setup(
      {},
      { failSynthesis: { status: 500, detail: 'engine crashed', when: (text) => text.startsWith('Two') } },
    );
    expect(
      await h.panel.speech.say({
        agentId: id,
        alias: '0',
        text: 'One sentence here. Two will fail.',
        whenBusy: 'queue',
      }),
    ).toMatchObject({ ok: true, sentences: 2 });
    await a.waitFor(ended(a), 10_000, 'SNDBRKS');
    await h.waitFor(() => h.entries.some((e) => e.msg?.key === 'speechFailed'), 5000);
    expect(a.audioEvents.filter((e) => e === 'SNDFILE')).toHaveLength(1);
    expect(a.audio.length).toBe(2 * Math.round('Onesentencehere.'.length * 0.14 * 16000));
    expect(a.audioEvents.at(-1)).toBe('SNDBRKS');
    const failed = h.entries.find((e) => e.msg?.key === 'speechFailed')!;
    expect(failed.kind).toBe('error');
    expect(failed.text).toMatch(/failed after .*the engine answered HTTP 500: engine crashed/);
  }, 15_000);

  it('Stop speech ends the stream at once with SNDBRKS, and the log says it was stopped', async () => {
    const { h, a, id } = await setup();
    await h.panel.speech.say({
      agentId: id,
      alias: '0',
      text: 'これは少し長めの文で、止めるためのテストに使います',
      whenBusy: 'queue',
    });
    await a.waitFor(() => a.packetSizes.length > 5, 5000);
    /* How soon SNDBRKS follows Stop is measured by `npm run bench -- speech`. */
    expect(h.panel.speech.stop(id, '0')).toEqual({ ok: true, queued: 0 });
    await a.waitFor(ended(a), 3000, 'SNDBRKS');
    await h.waitFor(() => h.entries.some((e) => e.msg?.key === 'speechStopped'));
    expect(h.entries.find((e) => e.msg?.key === 'speechStopped')!.text).toMatch(/stopped \(stopped by the operator\)/);
    expect(h.panel.speech.stop(id, '0')).toEqual({ ok: false, problem: { key: 'nothingSpeaking' } });
  }, 15_000);

  it('a Say while a file plays queues behind it or replaces it, and says which', async () => {
    const { h, a, id } = await setup();
    const pcm = new Uint8Array(32000 * 2);
    h.panel.audio.streamFile(id, { alias: '0', name: 'music.wav', pcm, whenBusy: 'queue' });
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: '待ちます', whenBusy: 'queue' })).toMatchObject({
      ok: true,
      queued: true,
    });
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: '割り込みます', whenBusy: 'replace' }),
    ).toMatchObject({ ok: true, queued: false, replaced: 'music.wav' });
    await a.waitFor(() => a.audioEvents.filter((e) => e === 'SNDBRKS').length >= 2, 10_000);
    await h.waitFor(() => h.entries.some((e) => e.msg?.key === 'said'), 5000);
    expect(h.entries.find((e) => e.msg?.key === 'said')!.msg!.params.text).toBe('割り込みます');
  }, 15_000);
});

describe('Say, several at once', () => {
  it('Says start in the order they were asked for, even when the later one is synthesized sooner', async () => {
    const { h, a, id, vv } = await setup({}, { synthesisDelayMs: (text) => (text.startsWith('遅い') ? 600 : 0) });
    /* Asked in this order: a Say takes its place in line before it waits for its engine. */
    const slow = h.panel.speech.say({ agentId: id, alias: '0', text: '遅い方です', whenBusy: 'queue' });
    const fast = h.panel.speech.say({ agentId: id, alias: '0', text: '速い方', whenBusy: 'queue' });
    expect(await slow).toMatchObject({ ok: true, queued: false });
    expect(await fast).toMatchObject({ ok: true, queued: true });
    await a.waitFor(() => a.audioEvents.filter((e) => e === 'SNDBRKS').length === 2, 10_000);
    const [first, second] = segments(a);
    expect(first!.bytes).toBe(vv.syntheses.find((x) => x.text === '遅い方です')!.wav.length - 44);
    expect(second!.bytes).toBe(vv.syntheses.find((x) => x.text === '速い方')!.wav.length - 44);
  }, 15_000);

  it('a replacing Say cancels one still being synthesized, and Stop during synthesis sends nothing', async () => {
    const { h, a, id, vv } = await setup({}, { synthesisDelayMs: (text) => (text.startsWith('遅い') ? 500 : 0) });
    const synthesizing = (): number => vv.requests.filter((r) => r === 'POST /synthesis').length;
    const earlier = h.panel.speech.say({ agentId: id, alias: '0', text: '遅い方です', whenBusy: 'queue' });
    await h.waitFor(() => synthesizing() === 1, 3000, 'the earlier Say being synthesized');
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: '割り込み', whenBusy: 'replace' })).toMatchObject({
      ok: true,
    });
    expect(await earlier).toEqual({ ok: false, cancelled: true });
    await a.waitFor(() => a.audioEvents.at(-1) === 'SNDBRKS', 10_000);
    expect(a.audioEvents.filter((e) => e === 'SNDFILE')).toHaveLength(1);
    const before = a.frames.length;
    const stopped = h.panel.speech.say({ agentId: id, alias: '0', text: '遅い方です', whenBusy: 'queue' });
    await h.waitFor(() => synthesizing() === 3, 3000, 'the engine synthesizing');
    expect(h.panel.speech.stop(id, '0')).toEqual({ ok: true, queued: 0 });
    expect(await stopped).toEqual({ ok: false, cancelled: true });
    /* The engine still answers the stopped Say; a line sent after its answer arrives alone. */
    await h.waitFor(() => vv.syntheses.filter((s) => s.text === '遅い方です').length === 2, 3000, 'the late answer');
    expect(h.panel.outbox.send(id, 'KEY|after')).toMatchObject({ ok: true });
    await a.waitFor(() => a.received.includes('KEY|after'), 3000, 'the line after the stopped Say');
    expect(a.frames.slice(before).map(String)).toEqual(['KEY|after\n']);
  }, 15_000);

  it('MMDAgent-EX’s own voice will not wait behind a stream, and replacing ends the stream first', async () => {
    const { h, a, id } = await setup({ engine: 'agent' });
    h.panel.audio.streamFile(id, { alias: '0', name: 'music.wav', pcm: new Uint8Array(32000 * 3), whenBusy: 'queue' });
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: 'こんにちは', whenBusy: 'queue' })).toEqual({
      ok: false,
      problem: { key: 'agentVoiceBusy', name: 'music.wav' },
    });
    expect(a.received.some((l) => l.startsWith('SYNTH_START'))).toBe(false);
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: 'こんにちは|です', whenBusy: 'replace' }),
    ).toMatchObject({ ok: true, engine: 'agent', replaced: 'music.wav' });
    await a.waitFor(() => a.received.includes('SYNTH_START|0|mei_voice_normal|こんにちは です'));
    expect(a.audioEvents.at(-1)).toBe('SNDBRKS');
    a.emit('SYNTH_EVENT_STOP|0');
    await h.waitFor(() => h.entries.some((e) => e.text === 'SYNTH_EVENT_STOP|0'));
    expect(h.panel.speech.stop(id, '0')).toEqual({ ok: false, problem: { key: 'nothingSpeaking' } });
  }, 15_000);
});

describe('Say, the other engines and the checks', () => {
  it('OpenAI-compatible: JSON request with the key only in its header; the key never in the session log', async () => {
    const key = 'sk-test-secret-0123456789';
    const ai = await FakeOpenAiSpeech.start(key);
    cleanup.push(() => ai.close());
    const { h, a, id } = await setup({ engine: 'openai', openaiUrl: `${ai.url}/v1`, openaiModel: 'tts-1' });
    /* A wrong key: the server quotes it back, and the panel blanks it before anyone sees the message. */
    const wrong = 'sk-wrong-secret-987';
    expect(h.panel.keys.set(wrong)).toMatchObject({ ok: true });
    const refused = await h.panel.speech.say({ agentId: id, alias: '0', text: 'Hello there.', whenBusy: 'queue' });
    expect(refused).toMatchObject({
      ok: false,
      problem: { key: 'engineHttp', status: 401, message: 'Incorrect API key provided: [key].' },
    });
    expect(JSON.stringify(refused)).not.toContain(wrong);
    expect(h.panel.keys.set('sk bad\u0000key')).toMatchObject({ ok: false, problem: { key: 'setting' } });
    expect(h.panel.keys.set(key)).toEqual({ ok: true, state: { set: true, store: 'settings-file' } });
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: 'Hello there.', whenBusy: 'queue' }),
    ).toMatchObject({ ok: true, engine: 'openai' });
    await a.waitFor(ended(a), 10_000, 'SNDBRKS');
    expect(ai.calls.at(-1)!.body).toEqual({
      model: 'tts-1',
      voice: 'alloy',
      input: 'Hello there.',
      response_format: 'wav',
    });
    expect(ai.calls.at(-1)!.auth).toBe(`Bearer ${key}`);
    expect(envelopeCorrelation(soxReference(ai.calls.at(-1)!.wav), int16(a.audio))).toBeGreaterThanOrEqual(0.9);
    await h.waitFor(() => h.entries.some((e) => e.msg?.key === 'said'));
    expect(JSON.stringify(h.disk())).not.toContain(key);
    expect(JSON.stringify(h.disk())).not.toContain(wrong);
    expect(JSON.stringify(h.panel.snapshot())).not.toContain(key);
    expect(h.panel.keys.state()).toEqual({ set: true, store: 'settings-file' });
  }, 15_000);

  it('MMDAgent-EX voice: one SYNTH_START line; Stop speech sends SYNTH_STOP; voices seen in the log join the list', async () => {
    const { h, a, id } = await setup({ engine: 'agent' });
    expect(
      await h.panel.speech.say({
        agentId: id,
        alias: '0',
        text: 'こんにちは。\nよろしく',
        voice: 'mei_voice_happy',
        whenBusy: 'queue',
      }),
    ).toEqual({ ok: true, engine: 'agent', sentences: 1, queued: false });
    await a.waitFor(() => a.received.includes('SYNTH_START|0|mei_voice_happy|こんにちは。 よろしく'));
    expect(h.panel.speech.stop(id, '0')).toEqual({ ok: true, queued: 0 });
    await a.waitFor(() => a.received.includes('SYNTH_STOP|0'));
    expect(a.audioEvents).toEqual([]);
    a.emit('SYNTH_START|1|takumi_voice_normal|hi');
    await h.waitFor(() => h.entries.some((e) => e.text.startsWith('SYNTH_START|1|takumi')));
    const voices = await h.panel.speech.voices('agent');
    expect(voices.ok && voices.voices.map((v) => v.id)).toEqual(
      expect.arrayContaining(['mei_voice_normal', 'slt_voice_normal', 'takumi_voice_normal']),
    );
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: 'x', voice: 'bad|voice', whenBusy: 'queue' }),
    ).toEqual({ ok: false, problem: { key: 'voiceBad', voice: 'bad|voice' } });
  });

  it('an empty text, a text over the limit, no agent: a problem each, nothing sent', async () => {
    const { h, a, id } = await setup({ maxChars: 10 });
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: '  \n ', whenBusy: 'queue' })).toEqual({
      ok: false,
      problem: { key: 'speechEmpty' },
    });
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: 'あいうえおかきくけこさ', whenBusy: 'queue' }),
    ).toEqual({ ok: false, problem: { key: 'speechTooLong', chars: 11, max: 10 } });
    expect(await h.panel.speech.say({ agentId: id + 5, alias: '0', text: 'hi', whenBusy: 'queue' })).toEqual({
      ok: false,
      problem: { key: 'agentGone', agentId: id + 5 },
    });
    a.quit();
    await h.waitFor(() => h.sessions().length === 0);
    expect(await h.panel.speech.say({ agentId: id, alias: '0', text: 'hi', whenBusy: 'queue' })).toEqual({
      ok: false,
      problem: { key: 'noAgent' },
    });
    expect(a.received).toEqual([]);
  });
});

describe('Say, cut short', () => {
  it('a replacing Say that fails still lets the Say it cut short end cleanly, so later audio is not held up', async () => {
    const { h, a, id } = await setup(
      {},
      {
        synthesisDelayMs: (text) => (text.startsWith('二') ? 400 : 0),
        failSynthesis: { status: 500, detail: 'down', when: (text) => text.startsWith('失敗') },
      },
    );
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: '一つ目。二つ目。', whenBusy: 'queue' }),
    ).toMatchObject({ ok: true, sentences: 2 });
    /* Its second sentence is still being synthesized when a replacing Say fails at once. */
    expect(
      await h.panel.speech.say({ agentId: id, alias: '0', text: '失敗します', whenBusy: 'replace' }),
    ).toMatchObject({ ok: false, problem: { key: 'engineHttp' } });
    await h.waitFor(() => h.panel.snapshot().audio.every((s) => s.state === 'idle'), 5000, 'the first Say to end');
    expect(
      h.panel.audio.streamFile(id, { alias: '0', name: 'after.wav', pcm: new Uint8Array(3200), whenBusy: 'queue' }),
    ).toEqual({ ok: true, queued: 0 });
    await a.waitFor(() => a.audioEvents.filter((e) => e === 'SNDBRKS').length === 2, 5000);
  }, 15_000);
});
