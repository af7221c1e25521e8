/**
 * Say it: text the avatar speaks, through MMDAgent-EX's own voices or an engine the panel
 * drives (the computer's voices, a VOICEVOX-compatible engine, an OpenAI-compatible service).
 * Types and plain data, shared by the core, the contract and the renderer.
 */
import type { StreamResult, WhenBusy } from './audio.js';
import type { Problem } from './problems.js';

/** `agent`: MMDAgent-EX synthesizes (SYNTH_START). The others synthesize in the panel and stream SND audio. */
export type SpeechEngine = 'agent' | 'system' | 'voicevox' | 'openai';

export const SPEECH_ENGINES: readonly SpeechEngine[] = ['agent', 'system', 'voicevox', 'openai'];

/** The voices MMDAgent-EX's example content defines (Open JTalk, and Flite for English). */
export const EXAMPLE_AGENT_VOICES: readonly string[] = [
  'mei_voice_normal',
  'mei_voice_angry',
  'mei_voice_bashful',
  'mei_voice_happy',
  'mei_voice_sad',
  'mei_voice_fast',
  'mei_voice_slow',
  'mei_voice_high',
  'mei_voice_low',
  'slt_voice_normal',
];

/** A VOICEVOX query's sliders, with the engine's own ranges (see `SLIDER_RANGES`). */
export interface SpeechSliders {
  speed: number;
  pitch: number;
  intonation: number;
  volume: number;
}

export const SLIDER_RANGES: Record<keyof SpeechSliders, { min: number; max: number; step: number; default: number }> = {
  speed: { min: 0.5, max: 2, step: 0.05, default: 1 },
  pitch: { min: -0.15, max: 0.15, step: 0.01, default: 0 },
  intonation: { min: 0, max: 2, step: 0.05, default: 1 },
  volume: { min: 0, max: 2, step: 0.05, default: 1 },
};

export interface SpeechSettings {
  engine: SpeechEngine;
  /** The chosen voice of each engine: a voice name, a system voice id, a VOICEVOX style id, an OpenAI voice. */
  voices: Record<SpeechEngine, string>;
  voicevoxUrl: string;
  /** The base URL; `/v1/audio/speech` is added (a base that already ends in `/v1` is fine). */
  openaiUrl: string;
  openaiModel: string;
  sliders: SpeechSliders;
  /** Seconds an engine may take for one sentence. */
  timeoutSec: number;
  /** Longest text one Say takes, in characters. */
  maxChars: number;
}

export const DEFAULT_SPEECH: SpeechSettings = {
  engine: 'agent',
  voices: { agent: 'mei_voice_normal', system: '', voicevox: '', openai: 'alloy' },
  voicevoxUrl: 'http://127.0.0.1:50021',
  openaiUrl: 'https://api.openai.com',
  openaiModel: 'gpt-4o-mini-tts',
  sliders: { speed: 1, pitch: 0, intonation: 1, volume: 1 },
  timeoutSec: 20,
  maxChars: 1000,
};

/** OpenAI's built-in voices, offered as suggestions (compatible servers have their own). */
export const OPENAI_VOICES: readonly string[] = [
  'alloy',
  'ash',
  'ballad',
  'cedar',
  'coral',
  'echo',
  'fable',
  'marin',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
];

export interface Voice {
  /** What the engine is given: a name, a style id as text, … */
  id: string;
  /** What the operator sees: "四国めたん (ノーマル)", "English_(America) (en-us)". */
  label: string;
}

export interface SayRequest {
  agentId: number;
  alias: string;
  text: string;
  /** Missing: the engine and voice in the settings. */
  engine?: SpeechEngine;
  voice?: string;
  whenBusy: WhenBusy;
}

/** `queued`: behind the stream already playing; `replaced`: the stream it cut off. */
export type SayResult =
  | { ok: true; engine: SpeechEngine; sentences: number; queued: boolean; replaced?: string }
  | { ok: false; problem: Problem }
  /** Stop speech came before the first sentence was ready: nothing was sent. */
  | { ok: false; cancelled: true };

export type VoicesResult = { ok: true; voices: Voice[] } | { ok: false; problem: Problem };

/** Where the OpenAI-compatible key is kept: the OS keychain through Electron, or the 0600 settings file (browser mode). */
export type KeyStore = 'safeStorage' | 'settings-file';

export interface KeyState {
  set: boolean;
  store: KeyStore;
  /** safeStorage without a keychain behind it (Linux with no secret service): obfuscated, not encrypted. */
  weak?: boolean;
}

export type KeyResult = { ok: true; state: KeyState } | { ok: false; problem: Problem };

/** The speech requests of the contract (merged into `RequestMap`). */
export interface SpeechRequestMap {
  'speech:say': [SayRequest, SayResult];
  /** Stops this agent's speech now: SNDBRKS for a stream, SYNTH_STOP for its own voice. */
  'speech:stop': [{ agentId: number; alias: string }, StreamResult];
  'speech:voices': [{ engine: SpeechEngine }, VoicesResult];
  /** Write-only: a key, or null to clear it. The key never comes back. */
  'speech:set-key': [{ key: string | null }, KeyResult];
  'speech:key-state': [void, KeyState];
}
