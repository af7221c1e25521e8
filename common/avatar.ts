/**
 * The avatar: what the operator knows of a model from its own files (morphs, the `.shapemap`'s
 * actions and avatar morphs), the face the panel holds on it, and the `__AV` lines MMDAgent-EX knows.
 */

/** One `ACTn` of a `.shapemap`: `__AV_ACTION,n` plays `file`. */
export interface ModelAction {
  n: number;
  file: string;
}

/** One `EXMORPH_<name> <morph>` of a `.shapemap`: `__AV_EXMORPH,<name>=<rate>` drives `morph`. */
export interface ExMorph {
  name: string;
  morph: string;
}

/** What a `.shapemap` says, as far as the panel uses it. */
export interface ShapeMap {
  actions: ModelAction[];
  exmorphs: ExMorph[];
  /** `LIP_A` → `あ`: the morphs lip sync moves, shown so the operator knows why they jump. */
  lips: Record<string, string>;
}

/** A model as the operator's files describe it, remembered by the model file's name (`gene.pmd`). */
export interface ModelProfile {
  /** The model file's name as loaded (`Gene.pmd`); its lower case is the key. */
  file: string;
  /** Morph names from the `.pmd`/`.pmx`, in the model's order; empty until one is loaded. */
  morphs: string[];
  /** From `<model file>.shapemap`; absent until one is loaded. */
  shapemap?: ShapeMap;
  /** When these files were loaded (wall-clock ms). */
  loadedAt: number;
}

/** The face the panel holds on one model: morphs bound with `MODEL_BINDFACE`, and `__AV_EXMORPH` rates. */
export interface FaceState {
  morphs: Record<string, number>;
  exmorph: Record<string, number>;
}

/** A change to one model's face; `replace` releases everything not named. Values are 0..1. */
export interface FaceChange {
  agentId: number;
  alias: string;
  morphs?: Record<string, number>;
  exmorph?: Record<string, number>;
  replace?: boolean;
}

/** A saved face, and optionally an action, kept with a quick-command set. */
export interface FacePreset {
  id: string;
  name: string;
  morphs: Record<string, number>;
  exmorph: Record<string, number>;
  /** An action's name (`laugh`) or number (`2`), played after the face is set. */
  action?: string;
  hotkey: string;
}

/** Why a model file cannot be used: the UI words it with the file's name. */
export type ModelFileProblem =
  | { code: 'not-pmd' | 'not-pmx' | 'truncated' | 'not-shapemap' | 'foreign' | 'unreadable'; name: string }
  | { code: 'no-model'; name: string };

/** `__AV` lines MMDAgent-EX acts on; any other `__AV` line it drops without a word. */
export const KNOWN_AV_LINES = [
  '__AV_START',
  '__AV_END',
  '__AV_SETMODEL',
  '__AV_EXMORPH',
  '__AV_ACTION',
  '__AV_MESSAGE',
  '__AVCONF_DISABLEAUTOLIP',
] as const;

/** The `__AV` command a line starts with when MMDAgent-EX does not know it; null for a known or non-`__AV` line. */
export function unknownAvLine(line: string): string | null {
  if (!line.startsWith('__AV')) return null;
  const head = line.split(',', 1)[0]!.trim();
  return (KNOWN_AV_LINES as readonly string[]).includes(head) ? null : head;
}

/** An action's name from its motion file: `motion/02_laugh.vmd` → `laugh`. */
export function actionName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.vmd$/i, '').replace(/^\d+[_\- ]*/, '') || base;
}

/** The key a model is remembered by: its file's name, lower case, without folders. */
export function modelKey(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).toLowerCase();
}

/** A morph or avatar-morph name the protocol can carry: no separators of its own lines. */
export function morphNameOk(name: string, exmorph = false): boolean {
  if (name === '' || name.length > 100 || /[|\r\n]/.test(name)) return false;
  return !exmorph || !/[,=]/.test(name);
}

/** A slider value as sent: 0..1, at most two decimals, no trailing zeros (`0.5`, `1`, `0`). */
export function rate(value: number): string {
  const v = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  return String(Math.round(v * 100) / 100);
}

/** MMDAgent-EX lets an avatar morph go within about a second: the panel resends a held one this often. */
export const EXMORPH_HOLD_MS = 300;

/** The transition of `MODEL_BINDFACE`, seconds: the setting's range and default. */
export const FACE_TRANSITION = { min: 0, max: 10, default: 0.2 } as const;
