/**
 * One handler per core request, shared by the Electron IPC adapter and the browser
 * bridge. Arguments cross a process or network boundary, so their shape is checked.
 */
import type { Target } from '../../common/agents.js';
import type { WhenBusy } from '../../common/audio.js';
import type { CoreRequestMap, PostMap } from '../../common/contract.js';
import type { Settings } from '../../common/settings.js';
import { SPEECH_ENGINES, type SpeechEngine } from '../../common/speech.js';
import type { Panel } from './panel.js';
import type { ShowMark } from '../../common/show.js';
import { markShow } from './show-marks.js';
import { streamPath } from './stream-path.js';

export type CoreHandlers = {
  [C in keyof CoreRequestMap]: (arg: unknown) => Promise<CoreRequestMap[C][1]>;
};

function record(arg: unknown): Record<string, unknown> {
  if (!arg || typeof arg !== 'object') throw new Error('The request has no arguments.');
  return arg as Record<string, unknown>;
}

function agent(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new Error('Choose one agent.');
}

function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error('The audio is missing.');
}

function text(value: unknown, what: string): string {
  if (typeof value === 'string') return value;
  throw new Error(`${what} must be text.`);
}

function engine(value: unknown): SpeechEngine {
  if (SPEECH_ENGINES.includes(value as SpeechEngine)) return value as SpeechEngine;
  throw new Error('Unknown voice engine.');
}

function target(value: unknown): Target {
  if (value === 'all' || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw new Error('The target must be an agent id or "all".');
}

/** Morph name → 0..1, from a request. */
function rates(value: unknown): Record<string, number> {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('Morph values must be a map.');
  const out: Record<string, number> = {};
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('A morph value must be a number.');
    out[name] = v;
  }
  return out;
}

export function coreHandlers(panel: Panel): CoreHandlers {
  return {
    'panel:ready': async () => panel.snapshot(),
    'message:send': async (arg) => {
      const { target: t, text, to } = record(arg);
      if (typeof text !== 'string') throw new Error('The message must be text.');
      if (to !== undefined && to !== 'agent' && to !== 'server')
        throw new Error('"Send to" must be the agent or the dialogue server.');
      return panel.outbox.send(target(t), text, to ?? 'agent');
    },
    'upstream:retry': async (arg) => panel.proxy.retry(panel.outbox.targetIds(target(record(arg).target))),
    'periodic:start': async (arg) => {
      const a = record(arg);
      if (typeof a.everySec !== 'number') throw new Error('The interval must be a number of seconds.');
      return panel.periodic.start({
        target: target(a.target),
        text: text(a.text, 'The message'),
        everySec: a.everySec,
        to: a.to === 'server' ? 'server' : 'agent',
      });
    },
    'periodic:stop': async (arg) => {
      const { id } = record(arg);
      if (typeof id !== 'number') throw new Error('The periodic job id must be a number.');
      return panel.periodic.stop(id);
    },
    'settings:update': async (arg) => {
      const { patch, confirm } = record(arg);
      return panel.settingsApplier.update(record(patch) as Partial<Settings>, confirm === true);
    },
    'avatar:action': async (arg) => {
      const { agentId, alias, action } = record(arg);
      if (typeof action !== 'number') throw new Error('The action must be a number.');
      return panel.faces.action(agent(agentId), text(alias, 'The model alias'), action);
    },
    'avatar:face': async (arg) => {
      const a = record(arg);
      return panel.faces.face({
        agentId: agent(a.agentId),
        alias: text(a.alias, 'The model alias'),
        morphs: rates(a.morphs),
        exmorph: rates(a.exmorph),
        replace: a.replace === true,
      });
    },
    'show:mark': async (arg) => markShow(panel.log, record(arg) as unknown as ShowMark),
    'agent:disconnect': async (arg) => {
      const { agentId, confirm } = record(arg);
      if (typeof agentId !== 'number') throw new Error('The agent id must be a number.');
      return panel.server.disconnect(agentId, confirm === true);
    },
    'agent:rename': async (arg) => {
      const { agentId, name } = record(arg);
      if (typeof agentId !== 'number') throw new Error('The agent id must be a number.');
      return panel.names.rename(agentId, text(name, 'The name'));
    },
    'agent:dismiss-alert': async (arg) => {
      const { agentId, at } = record(arg);
      if (typeof agentId !== 'number' || typeof at !== 'number')
        throw new Error('The alert is named by its agent and time.');
      return panel.alerts.dismiss(agentId, at);
    },
    'panel:stop-everything': async () => panel.stopEverything(),
    'audio:stream-file': async (arg) => {
      const a = record(arg);
      const whenBusy: WhenBusy = a.whenBusy === 'queue' ? 'queue' : 'replace';
      return panel.audio.streamFile(agent(a.agentId), {
        alias: text(a.alias, 'The model alias'),
        name: text(a.name, 'The file name'),
        pcm: bytes(a.pcm),
        whenBusy,
      });
    },
    'audio:stop': async (arg) => panel.audio.stop(agent(record(arg).agentId)),
    'audio:stream-path': async (arg) => {
      const a = record(arg);
      const path = text(a.path, 'The file');
      return streamPath(panel.audio, { agentId: agent(a.agentId), alias: text(a.alias, 'The model alias'), path });
    },
    'audio:mic-start': async (arg) => {
      const a = record(arg);
      return panel.audio.micStart(agent(a.agentId), text(a.alias, 'The model alias'));
    },
    'audio:mic-stop': async (arg) => panel.audio.micStop(agent(record(arg).agentId)),
    'speech:say': async (arg) => {
      const a = record(arg);
      return panel.speech.say({
        agentId: agent(a.agentId),
        alias: text(a.alias, 'The model alias'),
        text: text(a.text, 'The text to say'),
        engine: a.engine === undefined ? undefined : engine(a.engine),
        voice: a.voice === undefined ? undefined : text(a.voice, 'The voice'),
        whenBusy: a.whenBusy === 'queue' ? 'queue' : 'replace',
      });
    },
    'speech:stop': async (arg) => {
      const a = record(arg);
      return panel.speech.stop(agent(a.agentId), text(a.alias, 'The model alias'));
    },
    'speech:voices': async (arg) => panel.speech.voices(engine(record(arg).engine)),
    'speech:set-key': async (arg) => {
      const { key } = record(arg);
      if (key !== null && typeof key !== 'string') throw new Error('The key must be text, or null to clear it.');
      return panel.keys.set(key);
    },
    'speech:key-state': async () => panel.keys.state(),
  };
}

export type PostHandlers = { [C in keyof PostMap]: (arg: unknown) => void };

/** Fire-and-forget messages; a malformed one is dropped (there is no one to answer). */
export function postHandlers(panel: Panel): PostHandlers {
  return {
    'audio:mic-chunk': (arg) => {
      if (!arg || typeof arg !== 'object') return;
      const a = arg as Record<string, unknown>;
      if (typeof a.agentId !== 'number' || !(a.pcm instanceof Uint8Array) || typeof a.capturedAt !== 'number') return;
      panel.audio.micChunk(a.agentId, a.pcm, a.capturedAt);
    },
  };
}

/** True when `table` has a handler for `channel`: the handler tables are the one list of channels. */
export function hasHandler<T extends object>(table: T, channel: unknown): channel is keyof T {
  return typeof channel === 'string' && Object.hasOwn(table, channel);
}
