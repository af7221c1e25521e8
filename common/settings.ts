/** Settings as stored in settings.json, and the rules every side checks them by. */
import type { ModelProfile } from './avatar.js';
import type { LogFilters } from './log.js';
import type { QuickSet } from './quick-commands.js';
import type { Show } from './show.js';
import type { SpeechSettings } from './speech.js';

export interface ServerSettings {
  /** Plugin_Remote_Websocket_Host; `localhost` is bound as IPv4 127.0.0.1. */
  wsHost: string;
  /** Plugin_Remote_Websocket_Port. */
  wsPort: number;
  /** Plugin_Remote_Websocket_Directory. */
  wsPath: string;
  /** Web-page origins allowed to connect (browsers always send Origin; MMDAgent-EX never does). */
  allowedOrigins: string[];
}

export type Language = 'auto' | 'en' | 'ja';

export type Theme = 'system' | 'light' | 'dark';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface Settings extends ServerSettings {
  /** Seconds without an echo before an outgoing line is marked "no echo". */
  echoTimeoutSec: number;
  /** The model alias streamed audio moves (`__AV_SETMODEL,<alias>`). */
  modelAlias: string;
  /** Longest audio file accepted, seconds. */
  audioMaxSec: number;
  /** Proxy mode: the dialogue server each agent is connected onward to (ws:// or wss://). */
  upstreamUrl: string;
  upstreamEnabled: boolean;
  language: Language;
  theme: Theme;
  /** The log filters, remembered across runs (the session filter is not: ids restart). */
  logFilters: LogFilters;
  quickSets: QuickSet[];
  activeQuickSet: string;
  /** The desktop window's last normal bounds. */
  windowBounds: WindowBounds | null;
  /** The .mdf snippet also turns on MMDAgent-EX's full log (`Plugin_Remote_AllLog=true`). */
  mdfAllLog: boolean;
  /** The .mdf snippet also turns off MMDAgent-EX's HTTP command server (`http_server=false`). */
  mdfHttpOff: boolean;
  /** The operator's names for agents, by the path they connect to (`/chat/left` → `Left screen`). */
  agentNames: Record<string, string>;
  /** Models the operator gave the panel files of, by the model file's lower-case name (`gene.pmd`). */
  avatarModels: Record<string, ModelProfile>;
  /** Seconds a face slider's `MODEL_BINDFACE` takes to reach its value. */
  faceTransitionSec: number;
  /** The shows of the Cues region, and the one in use. */
  shows: Show[];
  activeShow: string;
  /** Say it: the engine, its URL, voice and sliders (the OpenAI-compatible key is kept apart, never here). */
  speech: SpeechSettings;
}
