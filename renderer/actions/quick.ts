/** What the quick-command panel and its hotkeys do. */
import type { QuickCommand, QuickSet } from '../../common/quick-commands';
import { QuickSetError, exportQuickSet, newId, parseQuickSet } from '../../common/quick-commands';
import { getApi } from '../bridge/connect';
import { errorWords } from './errors';
import type { Words } from '../i18n';
import { useStore } from '../store';
import { savePrefs } from './prefs';
import { sayStep } from './say';
import { streamStep } from './audio';
import { avatarStep } from './avatar';
import { runQuickCommand, sleep, type RunResult } from '../quick/runner';

let controller: AbortController | null = null;

export function quickSets(): QuickSet[] {
  return useStore.getState().settings?.quickSets ?? [];
}

export function activeSet(): QuickSet | undefined {
  const s = useStore.getState().settings;
  return s?.quickSets.find((q) => q.id === s.activeQuickSet) ?? s?.quickSets[0];
}

/** Sends a command's lines in order with its waits; one sequence at a time (a new one cancels the old). */
export async function runCommand(command: QuickCommand): Promise<void> {
  const { target, agents, settings, setRunning, setQuickMessage } = useStore.getState();
  if (command.to === 'server' && !settings?.upstreamEnabled) {
    setQuickMessage({ error: true, words: { key: 'quick.needsProxy', params: { label: command.label } } });
    return;
  }
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  setQuickMessage(null);
  let result: RunResult;
  try {
    result = await runQuickCommand(command, {
      target,
      agentIds: agents.map((s) => s.agentId),
      model: settings?.modelAlias ?? '0',
      send: (to, line, side) => getApi().send(to, line, side),
      say: (to, step) => sayStep(to, step),
      avatar: (to, model, step) => avatarStep(to, model, step, activeSet()?.presets ?? []),
      stream: streamStep,
      sleep,
      signal: mine.signal,
      onStep: (step, total) => {
        if (controller === mine) setRunning({ id: command.id, label: command.label, step, total });
      },
    });
  } catch (error) {
    /* The link to the core dropped mid-sequence (browser mode): say so, and never leave the run marked as going. */
    result = { ok: false, why: errorWords(error), line: 0, sent: 0 };
  } finally {
    if (controller === mine) {
      controller = null;
      setRunning(null);
    }
  }
  if ('cancelled' in result)
    setQuickMessage({
      error: false,
      words: { key: 'quick.cancelled', params: { label: command.label, sent: result.sent } },
    });
  else if (!result.ok)
    setQuickMessage({
      error: true,
      words:
        result.line > 0
          ? { key: 'quick.stoppedAt', params: { label: command.label, line: result.line, error: result.why } }
          : result.why,
    });
}

export function cancelRunning(): boolean {
  if (!controller) return false;
  controller.abort();
  return true;
}

export function replaceSet(next: QuickSet): Promise<Words | null> {
  return savePrefs({ quickSets: quickSets().map((s) => (s.id === next.id ? next : s)) });
}

export async function saveCommand(setId: string, command: QuickCommand): Promise<Words | null> {
  const set = quickSets().find((s) => s.id === setId);
  if (!set) return { key: 'quick.noSet' };
  const exists = set.commands.some((c) => c.id === command.id);
  return replaceSet({
    ...set,
    commands: exists ? set.commands.map((c) => (c.id === command.id ? command : c)) : [...set.commands, command],
  });
}

export function deleteCommand(setId: string, id: string): Promise<Words | null> {
  const set = quickSets().find((s) => s.id === setId)!;
  return replaceSet({ ...set, commands: set.commands.filter((c) => c.id !== id) });
}

/** Drag and drop: moves command `id` to where `beforeId` is (or to the end). */
export function moveCommand(setId: string, id: string, beforeId: string | null): Promise<Words | null> {
  const set = quickSets().find((s) => s.id === setId)!;
  const moving = set.commands.find((c) => c.id === id);
  if (!moving || id === beforeId) return Promise.resolve(null);
  const rest = set.commands.filter((c) => c.id !== id);
  const at = beforeId === null ? rest.length : rest.findIndex((c) => c.id === beforeId);
  rest.splice(at < 0 ? rest.length : at, 0, moving);
  return replaceSet({ ...set, commands: rest });
}

function uniqueName(name: string): string {
  const names = new Set(quickSets().map((s) => s.name));
  if (!names.has(name)) return name;
  for (let i = 2; ; i++) if (!names.has(`${name} (${i})`)) return `${name} (${i})`;
}

export function addSet(name: string): Promise<Words | null> {
  const set: QuickSet = { id: newId('set'), name: uniqueName(name), commands: [], presets: [] };
  return savePrefs({ quickSets: [...quickSets(), set], activeQuickSet: set.id });
}

export function renameSet(id: string, name: string): Promise<Words | null> {
  const set = quickSets().find((s) => s.id === id)!;
  return replaceSet({ ...set, name: name.trim().slice(0, 60) || set.name });
}

export function deleteSet(id: string): Promise<Words | null> {
  const rest = quickSets().filter((s) => s.id !== id);
  return savePrefs({ quickSets: rest, activeQuickSet: rest[0]?.id ?? '' });
}

export function selectSet(id: string): Promise<Words | null> {
  return savePrefs({ activeQuickSet: id });
}

/** Reads a set exported by any Remote Panel; a bad file gets a clear message and changes nothing. */
export async function importSet(file: File): Promise<Words | null> {
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch (error) {
    return { key: 'quick.importNotJson', params: { name: file.name, error: (error as Error).message } };
  }
  let set: QuickSet;
  try {
    set = parseQuickSet(raw);
  } catch (error) {
    return {
      key: 'quick.importBad',
      params: {
        name: file.name,
        error: error instanceof QuickSetError ? { quickSet: error.problem } : { raw: (error as Error).message },
      },
    };
  }
  const fresh: QuickSet = {
    id: newId('set'),
    name: uniqueName(set.name),
    commands: set.commands.map((c) => ({ ...c, id: newId('cmd') })),
    presets: set.presets.map((p) => ({ ...p, id: newId('preset') })),
  };
  return savePrefs({ quickSets: [...quickSets(), fresh], activeQuickSet: fresh.id });
}

export async function exportSet(set: QuickSet): Promise<void> {
  const name = set.name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'quick-commands';
  await getApi().saveFile(`${name}.json`, exportQuickSet(set));
}
