/**
 * The operator's copy of a model's files: `.pmd`/`.pmx` give the morphs, `<model>.shapemap` the
 * actions and avatar morphs. They are read here and remembered in settings by the model file's
 * name; a batch with one bad file is refused whole, so nothing half-loaded is kept.
 */
import { modelKey, type ModelFileProblem, type ModelProfile, type ShapeMap } from '../../common/avatar';
import { readMorphs } from '../../common/model-morphs';
import { readShapeMap } from '../../common/shapemap';
import type { MessageKey, Words } from '../i18n';
import { useStore } from '../store';
import { selectAvatarModels } from '../store/selectors';
import { avatarTarget } from './avatar';
import { savePrefs } from './prefs';

/** No model file is this large; a bigger one is not read into memory. */
const MAX_BYTES = 256 * 1024 * 1024;

const PROBLEM_KEYS: Record<ModelFileProblem['code'], MessageKey> = {
  'not-pmd': 'avatar.file.notPmd',
  'not-pmx': 'avatar.file.notPmx',
  truncated: 'avatar.file.truncated',
  'not-shapemap': 'avatar.file.notShapemap',
  foreign: 'avatar.file.foreign',
  unreadable: 'avatar.file.unreadable',
  'no-model': 'avatar.file.noModel',
};

export function modelFileWords(p: ModelFileProblem): Words {
  return { key: PROBLEM_KEYS[p.code], params: { name: p.name } };
}

interface Read {
  key: string;
  file?: string;
  morphs?: string[];
  shapemap?: ShapeMap;
}

async function readOne(file: File): Promise<Read | ModelFileProblem> {
  const lower = file.name.toLowerCase();
  const kind = lower.endsWith('.shapemap') ? 'shapemap' : /\.(pmd|pmx)$/.test(lower) ? 'model' : null;
  if (!kind) return { code: 'foreign', name: file.name };
  if (file.size > MAX_BYTES) return { code: 'unreadable', name: file.name };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { code: 'unreadable', name: file.name };
  }
  if (kind === 'model') {
    const r = readMorphs(file.name, bytes);
    return r.ok ? { key: modelKey(file.name), file: file.name, morphs: r.morphs } : r.problem;
  }
  const r = readShapeMap(file.name, bytes);
  const modelName = file.name.slice(0, -'.shapemap'.length);
  if (!/\.(pmd|pmx)$/i.test(modelName)) return { code: 'no-model', name: file.name };
  return r.ok ? { key: modelKey(modelName), file: modelName, shapemap: r.shapemap } : r.problem;
}

/** Reads the files, and keeps them only when every one of them could be read. */
export async function loadModelFiles(files: readonly File[]): Promise<void> {
  const { setAvatarMessage } = useStore.getState();
  if (files.length === 0) return;
  const read = await Promise.all(files.map(readOne));
  const bad = read.find((r): r is ModelFileProblem => 'code' in r);
  if (bad) return setAvatarMessage({ error: true, words: modelFileWords(bad) });

  const models = { ...selectAvatarModels(useStore.getState()) };
  const now = Date.now();
  const touched = new Map<string, ModelProfile>();
  for (const r of read as Read[]) {
    const before = touched.get(r.key) ?? models[r.key];
    const next: ModelProfile = {
      file: r.morphs ? r.file! : (before?.file ?? r.file!),
      morphs: r.morphs ?? before?.morphs ?? [],
      ...(r.shapemap ? { shapemap: r.shapemap } : before?.shapemap ? { shapemap: before.shapemap } : {}),
      loadedAt: now,
    };
    touched.set(r.key, next);
  }
  for (const [key, profile] of touched) models[key] = profile;
  const problem = await savePrefs({ avatarModels: models });
  if (problem) return setAvatarMessage({ error: true, words: problem });

  const [key] = [...touched][0]!;
  const to = avatarTarget();
  if (to) {
    const reported = useStore.getState().scene[to.agentId]?.modelFiles?.[to.alias];
    if (!reported) useStore.getState().chooseModel(to.agentId, to.alias, key);
  }
  /* The model line says what the files gave; a message from an earlier try goes. */
  setAvatarMessage(null);
}
