/**
 * The three engines the panel drives itself, behind one shape: list voices, and turn one
 * sentence into a WAV. Settings are read at each call, so a changed URL applies at once.
 */
import {
  EXAMPLE_AGENT_VOICES,
  OPENAI_VOICES,
  type SpeechEngine,
  type SpeechSettings,
  type Voice,
} from '../../../common/speech.js';
import { openAiSynth } from './openai.js';
import { systemSynth, systemVoices } from './system-engine.js';
import type { Platform } from './system-voice.js';
import { voicevoxSynth, voicevoxVoices } from './voicevox.js';

export interface EngineContext {
  speech: SpeechSettings;
  /** The OpenAI-compatible key, or '' (never logged, never sent to a UI). */
  apiKey(): string;
  platform: Platform;
  signal?: AbortSignal;
}

export type PanelEngine = Exclude<SpeechEngine, 'agent'>;

export function synthesize(engine: PanelEngine, ctx: EngineContext, text: string, voice: string): Promise<Uint8Array> {
  const timeoutMs = ctx.speech.timeoutSec * 1000;
  switch (engine) {
    case 'system':
      return systemSynth(ctx.platform, text, voice, { timeoutMs, signal: ctx.signal });
    case 'voicevox':
      return voicevoxSynth(
        { url: ctx.speech.voicevoxUrl, timeoutMs, signal: ctx.signal },
        text,
        voice,
        ctx.speech.sliders,
      );
    case 'openai':
      return openAiSynth(
        { url: ctx.speech.openaiUrl, model: ctx.speech.openaiModel, key: ctx.apiKey(), timeoutMs, signal: ctx.signal },
        text,
        voice,
      );
  }
}

/** Voices to pick from; for the agent, the example content's and every one seen this session. */
export async function listVoices(engine: SpeechEngine, ctx: EngineContext, seen: Iterable<string>): Promise<Voice[]> {
  const timeoutMs = ctx.speech.timeoutSec * 1000;
  switch (engine) {
    case 'agent':
      return [...new Set([...EXAMPLE_AGENT_VOICES, ...seen])].map((v) => ({ id: v, label: v }));
    case 'system':
      return systemVoices(ctx.platform, { timeoutMs });
    case 'voicevox':
      return voicevoxVoices({ url: ctx.speech.voicevoxUrl, timeoutMs });
    case 'openai':
      return OPENAI_VOICES.map((v) => ({ id: v, label: v }));
  }
}
