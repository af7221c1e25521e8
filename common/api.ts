/**
 * `window.api`: one method per operation, built over any transport. The preload
 * builds it over ipcRenderer, browser mode over the bridge socket, so the type the
 * renderer sees is derived from this one object and the two cannot drift.
 * No electron, DOM or node imports.
 */
import type { SayRequest, SpeechEngine } from './speech.js';
import type { PeriodicRequest, SendTo, Target } from './agents.js';
import type { StreamFileRequest } from './audio.js';
import type { FaceChange } from './avatar.js';
import type { ShowMark } from './show.js';
import type { EventChannel, EventMap, PostChannel, PostMap, RequestChannel, RequestMap } from './contract.js';
import type { Settings } from './settings.js';

export interface Transport {
  invoke<C extends RequestChannel>(channel: C, arg: RequestMap[C][0]): Promise<RequestMap[C][1]>;
  subscribe<C extends EventChannel>(channel: C, listener: (payload: EventMap[C]) => void): () => void;
  post<C extends PostChannel>(channel: C, arg: PostMap[C]): void;
}

export function createApi(t: Transport) {
  return {
    /** The renderer is ready: returns the snapshot, and events flow from now on. */
    ready: () => t.invoke('panel:ready', undefined),
    /** `to: 'server'` sends to the dialogue server as the agent (proxy mode). */
    send: (target: Target, text: string, to: SendTo = 'agent') => t.invoke('message:send', { target, text, to }),
    retryUpstream: (target: Target) => t.invoke('upstream:retry', { target }),
    /** Sends `text` now and every `everySec` seconds until stopped (runs in the core). */
    startPeriodic: (req: PeriodicRequest) => t.invoke('periodic:start', req),
    stopPeriodic: (id: number) => t.invoke('periodic:stop', { id }),
    updateSettings: (patch: Partial<Settings>, confirm = false) => t.invoke('settings:update', { patch, confirm }),
    disconnect: (agentId: number, confirm = false) => t.invoke('agent:disconnect', { agentId, confirm }),
    renameAgent: (agentId: number, name: string) => t.invoke('agent:rename', { agentId, name }),
    dismissAlert: (agentId: number, at: number) => t.invoke('agent:dismiss-alert', { agentId, at }),
    /** Every agent's streams, syntheses and voices, at once. */
    stopEverything: () => t.invoke('panel:stop-everything', undefined),
    /** Plays `ACTn` of the model's `.shapemap` on one agent. */
    playAction: (agentId: number, alias: string, action: number) =>
      t.invoke('avatar:action', { agentId, alias, action }),
    /** Sets or gives back morphs and avatar morphs of one model; the core holds avatar morphs. */
    setFace: (change: FaceChange) => t.invoke('avatar:face', change),
    /** A trial's start or end, or a cue run, in the session log. */
    markShow: (mark: ShowMark) => t.invoke('show:mark', mark),
    saveFile: (suggestedName: string, content: string) => t.invoke('file:save', { suggestedName, content }),
    /** The whole decoded file, once; main paces it to the agent. */
    streamFile: (req: StreamFileRequest) => t.invoke('audio:stream-file', req),
    streamPath: (agentId: number, alias: string, path: string) =>
      t.invoke('audio:stream-path', { agentId, alias, path }),
    stopAudio: (agentId: number) => t.invoke('audio:stop', { agentId: agentId }),
    micStart: (agentId: number, alias: string) => t.invoke('audio:mic-start', { agentId: agentId, alias }),
    micStop: (agentId: number) => t.invoke('audio:mic-stop', { agentId: agentId }),
    /** Say it: resolves once the first sentence is on its way (or why nothing was sent). */
    say: (req: SayRequest) => t.invoke('speech:say', req),
    stopSpeech: (agentId: number, alias: string) => t.invoke('speech:stop', { agentId: agentId, alias }),
    voices: (engine: SpeechEngine) => t.invoke('speech:voices', { engine }),
    /** Write-only: the key is never read back, only whether one is set. */
    setSpeechKey: (key: string | null) => t.invoke('speech:set-key', { key }),
    speechKeyState: () => t.invoke('speech:key-state', undefined),
    /** Fire-and-forget: one 40 ms chunk as captured. */
    micChunk: (agentId: number, pcm: Uint8Array, capturedAt: number) =>
      t.post('audio:mic-chunk', { agentId: agentId, pcm, capturedAt }),
    onLogBatch: (cb: (batch: EventMap['log:batch']) => void) => t.subscribe('log:batch', cb),
    onLogOpened: (cb: (file: EventMap['log:opened']) => void) => t.subscribe('log:opened', cb),
    onLogGap: (cb: (gap: EventMap['log:gap']) => void) => t.subscribe('log:gap', cb),
    onAgents: (cb: (agents: EventMap['agents:changed']) => void) => t.subscribe('agents:changed', cb),
    onAgentAlert: (cb: (alert: EventMap['agent:alert']) => void) => t.subscribe('agent:alert', cb),
    onStopped: (cb: (result: EventMap['panel:stopped']) => void) => t.subscribe('panel:stopped', cb),
    onServerStatus: (cb: (status: EventMap['server:status']) => void) => t.subscribe('server:status', cb),
    onSettings: (cb: (settings: EventMap['settings:changed']) => void) => t.subscribe('settings:changed', cb),
    onAudioStatus: (cb: (status: EventMap['audio:status']) => void) => t.subscribe('audio:status', cb),
    onScene: (cb: (scene: EventMap['scene:changed']) => void) => t.subscribe('scene:changed', cb),
    onMenuCommand: (cb: (cmd: EventMap['menu:command']) => void) => t.subscribe('menu:command', cb),
    onPeriodic: (cb: (jobs: EventMap['periodic:changed']) => void) => t.subscribe('periodic:changed', cb),
    onFaces: (cb: (faces: EventMap['avatar:faces']) => void) => t.subscribe('avatar:faces', cb),
  };
}

export type Api = ReturnType<typeof createApi>;
