/** Agents: who is connected, where the panel listens, what each agent has loaded, and sending to them. */
import type { LinkReason, ListenProblem, Problem, Reason } from './problems.js';

/** Where composed lines go in proxy mode. */
export type SendTo = 'agent' | 'server';

export interface AgentInfo {
  agentId: number;
  remoteAddress: string;
  remotePort: number;
  /** The path it connected to: the listening path, or one segment below it that names it. */
  path: string;
  /** Its name: the operator's for its path, else the segment below the listening path; none for the listening path itself. */
  name?: string;
  /** Sent `X-App-Type: MMDAgent` in its upgrade request. */
  isMMDAgent: boolean;
  connectedAt: number;
  /** Messages from the agent (its own log's Captured, Status, Warning and Error lines are not messages). */
  messagesIn: number;
  messagesOut: number;
  /** Error and Warning lines of its own log since it connected (`Plugin_Remote_AllLog=true`). */
  errors?: number;
  warnings?: number;
  /** False while the agent has missed heartbeat pongs. It is never closed for that. */
  responsive: boolean;
  /** Proxy mode: this agent's link to the dialogue server. */
  upstream?: UpstreamInfo;
}

export type UpstreamState = 'connecting' | 'open' | 'retrying';

export interface UpstreamInfo {
  state: UpstreamState;
  url: string;
  /** Failed attempts since the link was last open. */
  retries: number;
  /** When the next attempt starts (wall-clock ms), while retrying. */
  nextRetryAt?: number;
  /** Why the link last went down or failed to open: a reason code and the OS's detail. */
  lastReason?: LinkReason;
  framesUp: number;
  framesDown: number;
  /** Lines from the agent that did not reach the dialogue server. */
  notForwarded: number;
}

export interface SceneState {
  models: string[];
  /** Motions playing; `file` when the panel saw the `MOTION_ADD` that started it (an action's `__action0`). */
  motions: { model: string; motion: string; file?: string }[];
  /** Models speaking now (SYNTH_EVENT_START/STOP, SPEAK_EVENT_START/STOP). */
  speaking: string[];
  /** Models whose lips move now (LIPSYNC_EVENT_START/STOP). */
  lipsync: string[];
  /** Between RECOG_EVENT_START and RECOG_EVENT_STOP. */
  listening: boolean;
  /** The last RECOG_EVENT_STOP text and when it came (wall-clock ms). */
  recognized?: { text: string; t: number };
  /** Motion files and SYNTH_START voices seen in this agent's commands, for completion. */
  files: string[];
  voices: string[];
  /** Each model alias's file, from `MODEL_ADD|alias|file` (`0` → `gene/Gene.pmd`). */
  modelFiles?: Record<string, string>;
}

export interface PeriodicRequest {
  target: Target;
  text: string;
  everySec: number;
  to: SendTo;
}

export interface PeriodicJob extends PeriodicRequest {
  id: number;
  sent: number;
  startedAt: number;
  /** Why the last send failed (e.g. no agent connected); the job keeps running. */
  lastProblem?: Problem;
}

export type ServerState = 'starting' | 'listening' | 'error' | 'stopped';

export interface ServerStatus {
  state: ServerState;
  /** The URL MMDAgent-EX should connect to, e.g. ws://127.0.0.1:9001/chat. */
  url: string;
  /** Bound address and port (the port is real even when 0 was asked for). */
  host: string;
  port: number;
  path: string;
  error?: ListenProblem;
}

/** `all` sends to every connected agent. */
export type Target = number | 'all';

export type SendResult = { ok: true; lines: number; agents: number } | { ok: false; problem: Problem };

/** A change that would close agents asks first: `move` (the listener restarts) or `disconnect` (one agent). */
export type ChangeResult =
  | { ok: true }
  | { ok: false; needsConfirm: true; agents: number; reason: 'move' | 'disconnect' }
  | { ok: false; needsConfirm?: false; problem: Problem };

/** What Stop everything ended: streams (with their queues), syntheses, and SYNTH_STOP lines sent. */
export interface StopEverythingResult {
  ok: true;
  streams: number;
  syntheses: number;
  voices: number;
  agents: number;
}

/** An agent left, stopped answering pings, or answers again: the UI raises the first two until dismissed. */
export interface AgentAlert {
  agentId: number;
  name?: string;
  kind: 'left' | 'silent' | 'back';
  /** Wall-clock ms. */
  at: number;
  /** Why it left. */
  reason?: Reason;
}

export type PeriodicStart = { ok: true; id: number } | { ok: false; problem: Problem };
