/**
 * What each agent has loaded and is doing, learned from the events it emits. MMDAgent-EX
 * never replays state, so a session's scene starts empty and is dropped when it leaves.
 */
import type { SceneState } from '../../common/agents.js';

interface Scene {
  models: Set<string>;
  motions: Map<string, { model: string; motion: string }>;
  speaking: Set<string>;
  lipsync: Set<string>;
  listening: boolean;
  recognized?: { text: string; t: number };
  files: Set<string>;
  voices: Set<string>;
  /** `MODEL_ADD|alias|file`: which model file each alias loaded (the panel's key to the operator's copy). */
  modelFiles: Map<string, string>;
  /** `MOTION_ADD|alias|name|file` seen before its `MOTION_EVENT_ADD`: the file the motion plays. */
  motionFiles: Map<string, string>;
}

const WATCHED =
  /^(MODEL_EVENT_|MOTION_EVENT_|SYNTH_EVENT_|SPEAK_EVENT_|LIPSYNC_EVENT_|RECOG_EVENT_|MOTION_ADD\||MOTION_CHANGE\||SYNTH_START\||MODEL_ADD\||MODEL_CHANGE\|)/;

/** Motion files and voices kept per agent for completion: the most recent ones. */
const SEEN_MAX = 100;

export class SceneTracker {
  private readonly scenes = new Map<number, Scene>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Updates from one incoming line; true when the scene changed. */
  observe(agentId: number, line: string): boolean {
    if (!WATCHED.test(line)) return false;
    const [type, first = '', second] = line.split('|');
    let scene = this.scenes.get(agentId);
    if (!scene)
      this.scenes.set(
        agentId,
        (scene = {
          models: new Set(),
          motions: new Map(),
          speaking: new Set(),
          lipsync: new Set(),
          listening: false,
          files: new Set(),
          voices: new Set(),
          modelFiles: new Map(),
          motionFiles: new Map(),
        }),
      );
    const model = first;
    const key = `${model}|${second ?? ''}`;
    switch (type) {
      case 'MODEL_EVENT_ADD':
      case 'MODEL_EVENT_CHANGE':
        return !!model && add(scene.models, model);
      case 'MODEL_ADD':
      case 'MODEL_CHANGE': {
        if (!model || !second || second.length > 300 || scene.modelFiles.get(model) === second) return false;
        scene.modelFiles.set(model, second);
        return true;
      }
      case 'MODEL_EVENT_DELETE':
        scene.modelFiles.delete(model);
        for (const [k, m] of scene.motions) if (m.model === model) scene.motions.delete(k);
        scene.speaking.delete(model);
        scene.lipsync.delete(model);
        return scene.models.delete(model);
      case 'MOTION_EVENT_ADD':
      case 'MOTION_EVENT_CHANGE':
        if (!model || !second || scene.motions.has(key)) return false;
        scene.motions.set(key, { model, motion: second, ...fileOf(scene.motionFiles, key) });
        return true;
      case 'MOTION_EVENT_DELETE':
        return scene.motions.delete(key);
      case 'SYNTH_EVENT_START':
      case 'SPEAK_EVENT_START':
        return !!model && add(scene.speaking, model);
      case 'SYNTH_EVENT_STOP':
      case 'SPEAK_EVENT_STOP':
        return scene.speaking.delete(model);
      case 'LIPSYNC_EVENT_START':
        return !!model && add(scene.lipsync, model);
      case 'LIPSYNC_EVENT_STOP':
        return scene.lipsync.delete(model);
      case 'MOTION_ADD':
      case 'MOTION_CHANGE': {
        const file = line.split('|')[3];
        if (model && second && file && file.length <= 300) {
          scene.motionFiles.set(key, file);
          if (scene.motionFiles.size > SEEN_MAX) scene.motionFiles.delete(scene.motionFiles.keys().next().value!);
        }
        return seen(scene.files, file);
      }
      case 'SYNTH_START':
        return seen(scene.voices, second);
      case 'RECOG_EVENT_START':
        if (scene.listening) return false;
        scene.listening = true;
        return true;
      case 'RECOG_EVENT_STOP':
        scene.listening = false;
        scene.recognized = { text: line.slice('RECOG_EVENT_STOP|'.length), t: this.now() };
        return true;
      default:
        return false;
    }
  }

  drop(agentId: number): boolean {
    return this.scenes.delete(agentId);
  }

  snapshot(): Record<number, SceneState> {
    const out: Record<number, SceneState> = {};
    for (const [agentId, s] of this.scenes) {
      out[agentId] = {
        models: [...s.models],
        motions: [...s.motions.values()],
        speaking: [...s.speaking],
        lipsync: [...s.lipsync],
        listening: s.listening,
        files: [...s.files],
        voices: [...s.voices],
        modelFiles: Object.fromEntries(s.modelFiles),
        ...(s.recognized ? { recognized: s.recognized } : {}),
      };
    }
    return out;
  }
}

/** The file a motion was added with, taken once its `MOTION_EVENT_ADD` arrives. */
function fileOf(files: Map<string, string>, key: string): { file?: string } {
  const file = files.get(key);
  files.delete(key);
  return file ? { file } : {};
}

/** A name seen in a command: kept newest last, the oldest forgotten past SEEN_MAX. */
function seen(set: Set<string>, value: string | undefined): boolean {
  if (!value || value.length > 300 || set.has(value)) return false;
  set.add(value);
  if (set.size > SEEN_MAX) set.delete(set.values().next().value!);
  return true;
}

function add(set: Set<string>, value: string): boolean {
  if (set.has(value)) return false;
  set.add(value);
  return true;
}
