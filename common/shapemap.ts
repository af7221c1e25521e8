/**
 * A model's `.shapemap` as MMDAgent-EX reads it: a key and a value split at spaces, `#` lines and
 * lines with one word skipped, the first of a repeated `ACTn` kept. The panel takes what it drives:
 * actions, avatar morphs and the lip morphs.
 */
import type { ExMorph, ModelAction, ModelFileProblem, ShapeMap } from './avatar.js';

export type ShapeMapResult = { ok: true; shapemap: ShapeMap } | { ok: false; problem: ModelFileProblem };

/** Keys MMDAgent-EX knows; a file with none of them is not a `.shapemap`. */
const KEYS = /^(EYE_ROTATION_COEF|LIP_|NOLIP|TRACK_|AU\d|ARKIT|ACT\d|EXBONE_|EXMORPH_|MORPH_TUNE|[a-z][A-Za-z_]*$)/;

export function readShapeMap(name: string, bytes: Uint8Array): ShapeMapResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: 'not-shapemap', name } };
  }
  if (text.includes('\0')) return { ok: false, problem: { code: 'not-shapemap', name } };
  const actions = new Map<number, ModelAction>();
  const exmorphs = new Map<string, ExMorph>();
  const lips: Record<string, string> = {};
  let known = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    const [key, value] = raw.split(' ').filter((w) => w !== '');
    if (!key || key.startsWith('#') || value === undefined) continue;
    if (KEYS.test(key)) known++;
    const act = /^ACT(\d+)$/.exec(key);
    if (act) {
      const n = Number(act[1]);
      if (!actions.has(n)) actions.set(n, { n, file: value });
    } else if (key.startsWith('EXMORPH_') && key.length > 'EXMORPH_'.length) {
      const exName = key.slice('EXMORPH_'.length);
      if (!exmorphs.has(exName) && !/[,=|]/.test(exName)) exmorphs.set(exName, { name: exName, morph: value });
    } else if (key.startsWith('LIP_') && !(key in lips)) lips[key] = value;
  }
  if (known === 0) return { ok: false, problem: { code: 'not-shapemap', name } };
  return {
    ok: true,
    shapemap: { actions: [...actions.values()].sort((a, b) => a.n - b.n), exmorphs: [...exmorphs.values()], lips },
  };
}
