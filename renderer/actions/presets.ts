/** Face presets: saved with the active quick-command set, so they export and import with it. */
import type { FacePreset } from '../../common/avatar';
import { presetProblem } from '../../common/presets';
import { newId, normalizeHotkey } from '../../common/quick-commands';
import type { Words } from '../i18n';
import { currentFace } from './avatar';
import { activeSet, replaceSet } from './quick';

export interface PresetDraft {
  name: string;
  /** An action's name or number, or '' for none. */
  action: string;
  hotkey: string;
}

/** Saves the region's current face (and the action, if any) under `name`; a preset of that name is replaced. */
export async function savePreset(draft: PresetDraft): Promise<Words | null> {
  const set = activeSet();
  if (!set) return { key: 'quick.noSet' };
  const face = currentFace();
  if (!face) return { key: 'avatar.chooseAgent' };
  const name = draft.name.trim();
  const same = set.presets.find((p) => p.name.toLowerCase() === name.toLowerCase());
  const preset: FacePreset = {
    id: same?.id ?? newId('preset'),
    name,
    morphs: face.morphs,
    exmorph: face.exmorph,
    ...(draft.action.trim() ? { action: draft.action.trim() } : {}),
    hotkey: normalizeHotkey(draft.hotkey),
  };
  const problem = presetProblem(preset);
  if (problem) return { preset: problem };
  /* One key, one thing: a hotkey a command or another preset of the set has is refused here. */
  const owner =
    preset.hotkey &&
    (set.commands.find((c) => c.hotkey === preset.hotkey)?.label ??
      set.presets.find((p) => p.id !== preset.id && p.hotkey === preset.hotkey)?.name);
  if (owner) return { key: 'avatar.hotkeyTaken', params: { hotkey: preset.hotkey, owner } };
  const presets = same ? set.presets.map((p) => (p.id === same.id ? preset : p)) : [...set.presets, preset];
  return replaceSet({ ...set, presets });
}

export async function deletePreset(id: string): Promise<Words | null> {
  const set = activeSet();
  if (!set) return { key: 'quick.noSet' };
  return replaceSet({ ...set, presets: set.presets.filter((p) => p.id !== id) });
}
