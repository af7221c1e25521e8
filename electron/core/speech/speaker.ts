/**
 * Say it: from text to the avatar. The agent's own voice is one SYNTH_START line. The other
 * engines synthesize here, sentence by sentence: the first sentence streams as soon as it
 * exists while the next is synthesized behind it, one SNDFILE…SNDBRKS segment each. Nothing
 * reaches the agent before the first sentence's audio is ready, and one log entry tells each
 * utterance's story (engine, voice, text, duration).
 */
import type { StreamResult } from '../../../common/audio.js';
import type { NoticeMsg, Problem } from '../../../common/problems.js';
import type { SayRequest, SayResult, SpeechEngine, SpeechSettings, VoicesResult } from '../../../common/speech.js';
import { endNotice, problemOf, round1, type Story, type Synthesized } from './speech-notices.js';
import { lineProblem } from '../../../common/wire-rules.js';
import { aliasOk } from '../audio-jobs.js';
import type { AudioStreamer, SpeechEnd, SpeechHandle } from '../audio-stream.js';
import { EngineError, SpeechCancelled } from './engine-error.js';
import { listVoices, synthesize, type EngineContext, type PanelEngine } from './engines.js';
import { wavToPcm16k } from './resample.js';
import { splitSentences } from './sentences.js';
import type { Platform } from './system-voice.js';

export interface SpeakerHost {
  audio: AudioStreamer;
  speech(): SpeechSettings;
  /** Why `target` cannot be spoken to now, or null. */
  agentProblem(agentId: number): Problem | null;
  /** A checked line to one agent, logged. */
  sendLine(agentId: number, line: string): boolean;
  notice(msg: NoticeMsg, agentId: number, kind: 'status' | 'error'): void;
  apiKey(): string;
  /** The scene says this model is speaking with the agent's own voice. */
  speaking(agentId: number, alias: string): boolean;
  platform: Platform;
}

/** A text shown in the log: one line, not too long. */
const logText = (text: string): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 199)}…` : one;
};

export class Speaker {
  /** Voice names seen in SYNTH_START lines this session. */
  private readonly seen = new Set<string>();
  /** Voice labels learned from each engine's list, for the log ("四国めたん (ノーマル)", not "2"). */
  private readonly labels = new Map<string, string>();
  /** Syntheses in progress per agent, so Stop ends them too. */
  private readonly running = new Map<number, Set<AbortController>>();
  /** Agents speaking in their own voice because of a Say (until their SYNTH_EVENT_STOP). */
  private readonly ownVoice = new Set<number>();
  /** Per agent, the turn of the latest Say: Says start in the order they were asked for. */
  private readonly lanes = new Map<number, Promise<void>>();

  constructor(private readonly host: SpeakerHost) {}

  /** Every line the agent sends passes here: SYNTH_START teaches a voice name, SYNTH_EVENT_STOP ends its own voice. */
  observe(agentId: number, line: string): void {
    if (line.startsWith('SYNTH_EVENT_STOP|')) this.ownVoice.delete(agentId);
    if (!line.startsWith('SYNTH_START|')) return;
    const voice = line.split('|')[2]?.trim();
    if (voice && voice.length <= 100) this.seen.add(voice);
  }

  async voices(engine: SpeechEngine): Promise<VoicesResult> {
    try {
      const voices = await listVoices(engine, this.context(), this.seen);
      for (const v of voices) this.labels.set(`${engine}:${v.id}`, v.label);
      return { ok: true, voices };
    } catch (error) {
      return { ok: false, problem: problemOf(error, engine) };
    }
  }

  async say(req: SayRequest): Promise<SayResult> {
    const speech = this.host.speech();
    const engine = req.engine ?? speech.engine;
    const voice = (req.voice ?? speech.voices[engine]).trim();
    const text = req.text.trim();
    if (text === '') return { ok: false, problem: { key: 'speechEmpty' } };
    const chars = [...text].length;
    if (chars > speech.maxChars) return { ok: false, problem: { key: 'speechTooLong', chars, max: speech.maxChars } };
    const agent = this.host.agentProblem(req.agentId);
    if (agent) return { ok: false, problem: agent };
    if (engine === 'agent') return this.sayOwnVoice(req, voice, text);
    /* A replacing Say also ends earlier Says to this agent still being synthesized. */
    if (req.whenBusy === 'replace') for (const c of this.running.get(req.agentId) ?? []) c.abort();
    const previous = this.lanes.get(req.agentId) ?? Promise.resolve();
    let release = (): void => undefined;
    const turn = new Promise<void>((resolve) => (release = resolve));
    this.lanes.set(req.agentId, turn);
    try {
      return await this.synthesizeAndStart(req, engine, voice, text, previous);
    } finally {
      release();
      if (this.lanes.get(req.agentId) === turn) this.lanes.delete(req.agentId);
    }
  }

  private async synthesizeAndStart(
    req: SayRequest,
    engine: PanelEngine,
    voice: string,
    text: string,
    previous: Promise<void>,
  ): Promise<SayResult> {
    const sentences = splitSentences(text);
    const t0 = performance.now();
    const controller = this.track(req.agentId);
    const ctx = this.context(controller.signal);
    const story: Story = { agentId: req.agentId, engine, voice, text: logText(text) };
    let first: Synthesized;
    try {
      first = await this.synth(engine, ctx, sentences[0]!, voice);
      /* The Say asked for earlier goes first, even when this engine answered sooner. */
      await previous;
      if (controller.signal.aborted) throw new SpeechCancelled();
    } catch (error) {
      this.untrack(req.agentId, controller);
      if (error instanceof SpeechCancelled) return { ok: false, cancelled: true };
      const problem = problemOf(error, engine);
      this.host.notice(endNotice(story, { how: 'stopped', sentMs: 0, segments: 0 }, problem), req.agentId, 'error');
      return { ok: false, problem };
    }
    story.voice = this.labels.get(`${engine}:${voice}`) ?? voice;
    let failure: Problem | null = null;
    const onEnd = (end: SpeechEnd): void => {
      controller.abort();
      this.untrack(req.agentId, controller);
      this.host.notice(
        endNotice(story, end, failure),
        req.agentId,
        failure || end.reason === 'agentDisconnected' ? 'error' : 'status',
      );
    };
    const agentNow = this.host.agentProblem(req.agentId);
    if (agentNow) {
      this.untrack(req.agentId, controller);
      return { ok: false, problem: agentNow };
    }
    const replacing = req.whenBusy === 'replace' ? this.host.audio.currentName(req.agentId) : undefined;
    const { result, handle } = this.host.audio.speak(req.agentId, {
      name: logText(text),
      alias: req.alias,
      first: first.pcm,
      whenBusy: req.whenBusy,
      onEnd,
    });
    /* Say → first packet handed to the socket: the engine's share, and the panel's own (decode, resample, send). */
    story.engineMs = round1(first.engineMs);
    story.panelMs = round1(performance.now() - t0 - first.engineMs);
    if (!result.ok || !handle) {
      this.untrack(req.agentId, controller);
      return { ok: false, problem: result.ok ? { key: 'nothingStreaming' } : result.problem };
    }
    this.ownVoice.delete(req.agentId);
    void this.rest(engine, ctx, sentences.slice(1), voice, handle, (p) => (failure = p));
    const queued = result.queued > 0;
    return {
      ok: true,
      engine,
      sentences: sentences.length,
      queued,
      ...(replacing && !queued ? { replaced: replacing } : {}),
    };
  }

  /** Stop speech: syntheses end, the stream ends with SNDBRKS, the agent's own voice gets SYNTH_STOP. */
  stop(agentId: number, alias: string): StreamResult {
    const problem = this.host.agentProblem(agentId);
    if (problem) return { ok: false, problem };
    const pending = this.running.get(agentId);
    const synthesizing = (pending?.size ?? 0) > 0;
    for (const c of pending ?? []) c.abort();
    this.running.delete(agentId);
    const streamed = this.host.audio.stopSpeech(agentId);
    const own = this.ownVoice.has(agentId) || this.host.speaking(agentId, alias);
    if (own) this.host.sendLine(agentId, `SYNTH_STOP|${alias}`);
    this.ownVoice.delete(agentId);
    return synthesizing || streamed || own
      ? { ok: true, queued: 0 }
      : { ok: false, problem: { key: 'nothingSpeaking' } };
  }

  /** Stops every synthesis (quit, listener restart, Stop everything); returns how many were running. */
  stopAll(): number {
    let stopped = 0;
    for (const set of this.running.values())
      for (const c of set) {
        c.abort();
        stopped++;
      }
    this.running.clear();
    this.ownVoice.clear();
    return stopped;
  }

  /**
   * The agent's own voice: one SYNTH_START line. MMDAgent-EX plays it at once, so it cannot wait
   * behind a stream: "replace" ends what the panel is streaming first, "queue" is refused.
   */
  private sayOwnVoice(req: SayRequest, voice: string, text: string): SayResult {
    if (voice === '' || /[|\r\n]/.test(voice))
      return {
        ok: false,
        problem: voice === '' ? { key: 'engineNoVoice', engine: 'agent' } : { key: 'voiceBad', voice },
      };
    /* The text is the last field: a line break would end the message and a | would cut it. */
    const line = `SYNTH_START|${req.alias}|${voice}|${text.replace(/\s*[\r\n|]+\s*/g, ' ')}`;
    if (!aliasOk(req.alias)) return { ok: false, problem: { key: 'badAlias' } };
    const problem = lineProblem(line);
    if (problem) return { ok: false, problem: { key: 'line', problem } };
    const playing = this.host.audio.currentName(req.agentId);
    if (playing !== undefined && req.whenBusy === 'queue')
      return { ok: false, problem: { key: 'agentVoiceBusy', name: playing } };
    if (playing !== undefined) {
      for (const c of this.running.get(req.agentId) ?? []) c.abort();
      this.host.audio.replaceAll(req.agentId, voice);
    }
    if (!this.host.sendLine(req.agentId, line))
      return { ok: false, problem: { key: 'agentGone', agentId: req.agentId } };
    this.ownVoice.add(req.agentId);
    return {
      ok: true,
      engine: 'agent',
      sentences: 1,
      queued: false,
      ...(playing !== undefined ? { replaced: playing } : {}),
    };
  }

  /** The sentences after the first, synthesized in order and handed on as each is ready. */
  private async rest(
    engine: PanelEngine,
    ctx: EngineContext,
    sentences: string[],
    voice: string,
    handle: SpeechHandle,
    failed: (p: Problem) => void,
  ): Promise<void> {
    for (const sentence of sentences) {
      let pcm: Uint8Array;
      try {
        pcm = (await this.synth(engine, ctx, sentence, voice)).pcm;
      } catch (error) {
        /* Cancelled (Stop, or a replacing Say): what is already synthesized is all there will be. */
        if (error instanceof SpeechCancelled) return handle.close();
        /* What is already synthesized still plays to its end; the log says why the rest did not. */
        failed(problemOf(error, engine));
        return handle.close();
      }
      if (!handle.push(pcm)) return;
    }
    handle.close();
  }

  private async synth(engine: PanelEngine, ctx: EngineContext, sentence: string, voice: string): Promise<Synthesized> {
    const started = performance.now();
    const wav = await synthesize(engine, ctx, sentence, voice);
    const engineMs = performance.now() - started;
    if (ctx.signal?.aborted) throw new SpeechCancelled();
    let pcm: Uint8Array;
    try {
      pcm = await wavToPcm16k(wav);
    } catch (error) {
      throw new EngineError({ key: 'engineUndecodable', engine, detail: (error as Error).message });
    }
    /* Stop may come while the resampler loads: it wins. */
    if (ctx.signal?.aborted) throw new SpeechCancelled();
    return { pcm, engineMs };
  }

  private context(signal?: AbortSignal): EngineContext {
    return { speech: this.host.speech(), apiKey: () => this.host.apiKey(), platform: this.host.platform, signal };
  }

  private track(agentId: number): AbortController {
    const c = new AbortController();
    let set = this.running.get(agentId);
    if (!set) this.running.set(agentId, (set = new Set()));
    set.add(c);
    return c;
  }

  private untrack(agentId: number, c: AbortController): void {
    const set = this.running.get(agentId);
    set?.delete(c);
    if (set?.size === 0) this.running.delete(agentId);
  }
}
