/**
 * Face presets: a saved face (morphs and avatar morphs) and an optional action, kept with a
 * quick-command set and checked like its commands when a set is imported or stored.
 */
import { morphNameOk, type FacePreset } from './avatar.js';
import type { PresetProblem } from './problems.js';

/** Why a preset cannot be kept, as a code for a UI to word; null when it can. */
export function presetProblem(p: FacePreset): PresetProblem | null {
  if (p.name.trim() === '') return { code: 'name-empty' };
  if (p.name.length > 60) return { code: 'name-long' };
  for (const [group, values] of [
    ['morphs', p.morphs],
    ['exmorph', p.exmorph],
  ] as const) {
    const entries = Object.entries(values);
    if (entries.length > 300) return { code: 'too-many' };
    for (const [name, value] of entries) {
      if (!morphNameOk(name, group === 'exmorph')) return { code: 'morph', morph: name.slice(0, 100) };
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return { code: 'value', morph: name.slice(0, 100) };
    }
  }
  if (p.action !== undefined && (p.action.trim() === '' || p.action.length > 60 || /[|\r\n,]/.test(p.action)))
    return { code: 'action' };
  const empty = Object.keys(p.morphs).length === 0 && Object.keys(p.exmorph).length === 0;
  if (empty && p.action === undefined) return { code: 'empty' };
  return null;
}

type Raw = Record<string, unknown>;

/** Numbers by name from untrusted JSON; anything else is left for `presetProblem` to refuse. */
function values(v: unknown): Record<string, number> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Raw).map(([k, x]) => [k, typeof x === 'number' ? x : NaN]));
}

/** A preset from untrusted JSON; `hotkey` is normalized by the caller's rules. */
export function presetFromJson(raw: unknown, id: string, hotkey: (raw: string) => string): FacePreset {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Raw;
  const action = typeof r.action === 'number' ? String(r.action) : typeof r.action === 'string' ? r.action.trim() : '';
  return {
    id: typeof r.id === 'string' && r.id ? r.id : id,
    name: typeof r.name === 'string' ? r.name.trim() : '',
    morphs: values(r.morphs),
    exmorph: values(r.exmorph),
    ...(action ? { action } : {}),
    hotkey: hotkey(typeof r.hotkey === 'string' ? r.hotkey : ''),
  };
}

/** The portable form: no id, empty groups left out. */
export function presetToJson(p: FacePreset): Raw {
  return {
    name: p.name,
    ...(Object.keys(p.morphs).length ? { morphs: p.morphs } : {}),
    ...(Object.keys(p.exmorph).length ? { exmorph: p.exmorph } : {}),
    ...(p.action ? { action: p.action } : {}),
    ...(p.hotkey ? { hotkey: p.hotkey } : {}),
  };
}

/** The preset named `name` (case-insensitive), in the set's order. */
export function findPreset(presets: readonly FacePreset[], name: string): FacePreset | undefined {
  const want = name.trim().toLowerCase();
  return presets.find((p) => p.name.toLowerCase() === want);
}
