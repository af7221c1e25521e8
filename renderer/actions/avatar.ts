/** What the Avatar region, preset hotkeys and `face`/`action` steps do. */
import type { SendResult } from '../../common/agents';
import { actionName, type FacePreset, type FaceState, type ModelProfile } from '../../common/avatar';
import { findPreset } from '../../common/presets';
import { getApi } from '../bridge/connect';
import type { Words } from '../i18n';
import { FacePacer, type FaceBatch } from '../lib/face-pacer';
import { useStore } from '../store';
import { faceKey, type FaceKey } from '../store/avatar-slice';
import { selectAudioAgentId, selectAvatarModels, selectModelAlias, selectModelKeyFor } from '../store/selectors';
import { errorWords } from './errors';

/** The agent and model alias the region drives now, or null when no single agent is chosen. */
export function avatarTarget(): { agentId: number; alias: string } | null {
  const s = useStore.getState();
  const agentId = selectAudioAgentId(s);
  return agentId === null ? null : { agentId, alias: selectModelAlias(s) };
}

/** The profile (files the operator gave) for an agent's alias, if any. */
export function profileFor(agentId: number | null, alias: string): ModelProfile | null {
  const s = useStore.getState();
  const key = selectModelKeyFor(s, agentId, alias);
  return key ? (selectAvatarModels(s)[key] ?? null) : null;
}

function report(result: SendResult | Words | null): void {
  const { setAvatarMessage } = useStore.getState();
  if (result && 'ok' in result)
    setAvatarMessage(result.ok ? null : { error: true, words: { problem: result.problem } });
  else setAvatarMessage(result ? { error: true, words: result } : null);
}

async function call(fn: () => Promise<SendResult>): Promise<Words | null> {
  try {
    const result = await fn();
    return result.ok ? null : { problem: result.problem };
  } catch (error) {
    return errorWords(error);
  }
}

/** `n`, or the number of the action named `name` (`laugh`) in the model's `.shapemap`. */
export function resolveAction(profile: ModelProfile | null, nameOrN: string): number | null {
  const text = nameOrN.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const want = text.toLowerCase();
  const found = profile?.shapemap?.actions.find((a) => actionName(a.file).toLowerCase() === want);
  return found ? found.n : null;
}

export async function playAction(n: number, to = avatarTarget()): Promise<Words | null> {
  if (!to) return { key: 'avatar.chooseAgent' };
  return call(() => getApi().playAction(to.agentId, to.alias, n));
}

/** A button in the region: the outcome shows in the region. */
export async function playActionHere(n: number): Promise<void> {
  report(await playAction(n));
}

const pacer = new FacePacer({
  requestFrame: (cb) => requestAnimationFrame(cb),
  send: (batch) => void sendBatch(batch),
});

/** `agentId|alias` → what a batch carried, so its answer clears only values not moved again since. */
async function sendBatch(batch: FaceBatch): Promise<void> {
  const [id, ...rest] = batch.model.split('|');
  const agentId = Number(id);
  const alias = rest.join('|');
  const words = await call(() => getApi().setFace({ agentId, alias, morphs: batch.morphs, exmorph: batch.exmorph }));
  const { faceLocal, setFaceLocal } = useStore.getState();
  const settle = (group: 'm' | 'x', values: Record<string, number>): void => {
    for (const [name, v] of Object.entries(values)) {
      const key = faceKey(agentId, alias, group, name);
      if (faceLocal[key] === v) setFaceLocal(key, undefined);
    }
  };
  settle('m', batch.morphs);
  settle('x', batch.exmorph);
  if (words) report(words);
}

/** A slider moved: shown at once, sent at most once a frame. */
export function moveSlider(group: 'm' | 'x', name: string, value: number): void {
  const to = avatarTarget();
  if (!to) return report({ key: 'avatar.chooseAgent' });
  /* The line leaves first; the store (and React's work) follows. */
  pacer.push(`${to.agentId}|${to.alias}`, group, name, value);
  useStore.getState().setFaceLocal(faceKey(to.agentId, to.alias, group, name), value);
}

/** The value a slider shows: this window's move in flight, else what the core holds. */
export function sliderValue(
  faces: ReturnType<typeof useStore.getState>['faces'],
  local: Partial<Record<FaceKey, number>>,
  agentId: number,
  alias: string,
  group: 'm' | 'x',
  name: string,
): number {
  const held = faces[agentId]?.[alias];
  return local[faceKey(agentId, alias, group, name)] ?? (group === 'm' ? held?.morphs[name] : held?.exmorph[name]) ?? 0;
}

function clearLocal(agentId: number, alias: string): void {
  const prefix = `${agentId}|${alias}|`;
  const { faceLocal, setFaceLocal } = useStore.getState();
  for (const key of Object.keys(faceLocal) as FaceKey[]) if (key.startsWith(prefix)) setFaceLocal(key, undefined);
  pacer.drop(`${agentId}|${alias}`);
}

/** Every morph and avatar morph of the model given back. */
export async function resetFace(): Promise<void> {
  const to = avatarTarget();
  if (!to) return report({ key: 'avatar.chooseAgent' });
  clearLocal(to.agentId, to.alias);
  report(await call(() => getApi().setFace({ ...to, replace: true })));
}

/** The preset's face replaces the model's, then its action plays. */
export async function applyPreset(preset: FacePreset, to = avatarTarget()): Promise<Words | null> {
  if (!to) return { key: 'avatar.chooseAgent' };
  clearLocal(to.agentId, to.alias);
  const words = await call(() =>
    getApi().setFace({ ...to, morphs: preset.morphs, exmorph: preset.exmorph, replace: true }),
  );
  if (words || !preset.action) return words;
  const n = resolveAction(profileFor(to.agentId, to.alias), preset.action);
  if (n === null) return { key: 'avatar.unknownAction', params: { action: preset.action } };
  return playAction(n, to);
}

/** A click or a hotkey: the outcome shows in the region. */
export async function applyPresetHere(preset: FacePreset): Promise<void> {
  report(await applyPreset(preset));
}

/** A `face <preset>` or `action <name|n>` step of a quick command. */
export async function avatarStep(
  agentId: number,
  alias: string,
  step: { kind: 'face'; preset: string } | { kind: 'action'; action: string },
  presets: readonly FacePreset[],
): Promise<Words | null> {
  if (step.kind === 'face') {
    const preset = findPreset(presets, step.preset);
    return preset
      ? applyPreset(preset, { agentId, alias })
      : { key: 'avatar.unknownPreset', params: { name: step.preset } };
  }
  const n = resolveAction(profileFor(agentId, alias), step.action);
  if (n === null) return { key: 'avatar.unknownAction', params: { action: step.action } };
  return playAction(n, { agentId, alias });
}

/** The face the region shows now: what the core holds with this window's moves on top, zeros left out. */
export function currentFace(): FaceState | null {
  const to = avatarTarget();
  if (!to) return null;
  const { faces, faceLocal } = useStore.getState();
  const held = faces[to.agentId]?.[to.alias] ?? { morphs: {}, exmorph: {} };
  const out: FaceState = { morphs: { ...held.morphs }, exmorph: { ...held.exmorph } };
  const prefix = `${to.agentId}|${to.alias}|`;
  for (const [key, v] of Object.entries(faceLocal)) {
    if (!key.startsWith(prefix) || v === undefined) continue;
    const [group, ...name] = key.slice(prefix.length).split('|');
    const bucket = group === 'm' ? out.morphs : out.exmorph;
    if (v > 0) bucket[name.join('|')] = v;
    else delete bucket[name.join('|')];
  }
  return out;
}
