/** Show files and editing: import, export, choose, and change a show's cues. */
import { newId } from '../../common/quick-commands';
import { exportShow, parseShow, ShowError, type Cue, type Show } from '../../common/show';
import { getApi } from '../bridge/connect';
import type { Words } from '../i18n';
import { useStore } from '../store';
import { currentShow, isRunning } from './cues';
import { savePrefs } from './prefs';

function shows(): Show[] {
  return useStore.getState().settings?.shows ?? [];
}

function say(result: Words | null, ok?: Words): void {
  useStore.getState().setCuesMessage(result ? { error: true, words: result } : ok ? { error: false, words: ok } : null);
}

/** A show file: imported whole, or not at all, with which cue and step is wrong. */
export async function importShow(file: File): Promise<void> {
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch (error) {
    return say({
      key: 'cues.importBad',
      params: {
        name: file.name,
        error: { show: { code: 'not-json', detail: (error as Error).message.slice(0, 200) } },
      },
    });
  }
  let show: Show;
  try {
    show = parseShow(raw, newId('show'));
  } catch (error) {
    const words: Words = error instanceof ShowError ? { show: error.problem } : { raw: (error as Error).message };
    return say({ key: 'cues.importBad', params: { name: file.name, error: words } });
  }
  const fresh = { ...show, id: newId('show') };
  const problem = await savePrefs({ shows: [...shows(), fresh], activeShow: fresh.id });
  if (!problem) useStore.getState().resetCues();
  say(problem, { key: 'cues.imported', params: { name: fresh.name, n: fresh.cues.length } });
}

export async function exportCurrentShow(): Promise<void> {
  const show = currentShow();
  if (!show) return;
  const name = show.name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'show';
  await getApi().saveFile(`${name}.json`, exportShow(show));
}

export async function chooseShow(id: string): Promise<void> {
  if (isRunning()) return;
  const problem = await savePrefs({ activeShow: id });
  if (!problem) useStore.getState().resetCues();
  say(problem);
}

export async function deleteCurrentShow(): Promise<void> {
  const show = currentShow();
  if (!show || isRunning()) return;
  const rest = shows().filter((s) => s.id !== show.id);
  say(await savePrefs({ shows: rest, activeShow: rest[0]?.id ?? '' }));
  useStore.getState().resetCues();
}

function replaceShow(next: Show): Promise<Words | null> {
  return savePrefs({ shows: shows().map((s) => (s.id === next.id ? next : s)) });
}

/** Saves a cue at `index` (the end of the list adds one). */
export async function saveCue(index: number, cue: Cue): Promise<Words | null> {
  const show = currentShow();
  if (!show) return { key: 'cues.noShow' };
  const cues = [...show.cues];
  cues.splice(index, index < cues.length ? 1 : 0, cue);
  return replaceShow({ ...show, cues });
}

export async function removeCue(index: number): Promise<void> {
  const show = currentShow();
  if (!show || show.cues.length <= 1 || isRunning()) return;
  say(await replaceShow({ ...show, cues: show.cues.filter((_, i) => i !== index) }));
  useStore.getState().resetCues();
}

/** Moves a cue one place up (-1) or down (+1); the selection follows it. */
export async function moveCue(index: number, delta: -1 | 1): Promise<void> {
  const show = currentShow();
  const to = index + delta;
  if (!show || isRunning() || to < 0 || to >= show.cues.length) return;
  const cues = [...show.cues];
  [cues[index], cues[to]] = [cues[to]!, cues[index]!];
  const problem = await replaceShow({ ...show, cues });
  say(problem);
  if (!problem) {
    useStore.getState().resetCues();
    useStore.getState().setCueNext(to);
  }
}

/** A new show with one cue to start from. */
export async function newShow(name: string): Promise<void> {
  const show: Show = {
    id: newId('show'),
    name: name.trim().slice(0, 80) || 'Show',
    slots: [],
    agent: '',
    cues: [{ name: 'Cue 1', notes: '', continue: 'manual', steps: [{ kind: 'send', lines: ['KEY|{participant}'] }] }],
  };
  say(await savePrefs({ shows: [...shows(), show], activeShow: show.id }));
  useStore.getState().resetCues();
}

/** The show runs against this agent from now on: by its name when it has one, so it finds it again after a reconnect. */
export async function chooseShowAgent(agentId: number | null): Promise<void> {
  const s = useStore.getState();
  s.setShowAgent(agentId);
  const show = currentShow();
  const name = agentId === null ? '' : (s.agents.find((a) => a.agentId === agentId)?.name ?? '');
  if (show && name && show.agent !== name) say(await replaceShow({ ...show, agent: name }));
}
