/** What the Cues region does: GO, Stop cues, trials, and running a show's cues on its agent. */
import type { SendResult } from '../../common/agents';
import type { Cue, Show } from '../../common/show';
import { getApi } from '../bridge/connect';
import { keepLines, lineMark, waitForLine } from '../bridge/line-watch';
import type { Words } from '../i18n';
import { runSteps, sleep, type RunResult } from '../quick/runner';
import { useStore } from '../store';
import { avatarStep } from './avatar';
import { errorWords } from './errors';
import { activeSet } from './quick';
import { sayStep } from './say';
import { streamStep } from './audio';

let controller: AbortController | null = null;
/** `in turn` alternatives: the next index of each list, kept for the panel's run. */
const turns = new Map<string, number>();
/** How a failure is written into the (English) session log; the Cues region supplies it. */
let english: (words: Words) => string = () => 'failed';

export function setEnglishWording(fn: (words: Words) => string): void {
  english = fn;
}

export function currentShow(): Show | undefined {
  const s = useStore.getState().settings;
  return s?.shows.find((x) => x.id === s.activeShow) ?? s?.shows[0];
}

/** The agent the show runs against: the one chosen here, else the one the show names, else the only one. */
export function showTarget(): number | null {
  const { showAgent, agents, agentLabels } = useStore.getState();
  if (showAgent !== null && agents.some((a) => a.agentId === showAgent)) return showAgent;
  const named = currentShow()?.agent;
  const byName = named ? agents.find((a) => a.name === named || agentLabels[a.agentId] === named) : undefined;
  if (byName) return byName.agentId;
  return agents.length === 1 ? agents[0]!.agentId : null;
}

export function slotValues(): Record<string, string> {
  const { participant, condition, slotValues: own } = useStore.getState();
  return { ...own, participant, condition };
}

export function isRunning(): boolean {
  return controller !== null;
}

/** GO: runs the next cue and selects the one after it; an `auto` cue runs the next by itself. */
export async function go(): Promise<void> {
  const s = useStore.getState();
  const show = currentShow();
  if (!show || controller) return;
  const agentId = showTarget();
  if (agentId === null) return s.setCuesMessage({ error: true, words: { key: 'cues.chooseAgent' } });
  s.setCuesMessage(null);
  let index = s.cueNext;
  /* Cues passed over by selecting a later one are skipped. */
  for (let k = 0; k < index; k++) if (!s.cueStates[k]) s.setCueState(k, 'skipped');
  while (index < show.cues.length) {
    const cue = show.cues[index]!;
    useStore.getState().setCueNext(Math.min(index + 1, show.cues.length));
    const result = await runCue(show, cue, index, agentId);
    if (!('ok' in result) || !result.ok || cue.continue !== 'auto') break;
    index++;
  }
}

async function runCue(show: Show, cue: Cue, index: number, agentId: number): Promise<RunResult> {
  const s = useStore.getState();
  const mine = new AbortController();
  controller = mine;
  const release = keepLines();
  s.setCueState(index, 'running');
  const startedAt = Date.now();
  let at = 0;
  let result: RunResult;
  try {
    result = await runSteps(
      cue.steps,
      {
        target: agentId,
        agentIds: [agentId],
        model: s.settings?.modelAlias ?? '0',
        slots: slotValues(),
        send: (to, line, side): Promise<SendResult> => getApi().send(to, line, side),
        say: (to, step) => sayStep(to, step),
        avatar: (to, model, step) => avatarStep(to, model, step, activeSet()?.presets ?? []),
        stream: streamStep,
        waitFor: waitForLine,
        mark: lineMark,
        turn: (key, n) => {
          const at = turns.get(key) ?? 0;
          turns.set(key, (at + 1) % n);
          return at % n;
        },
        sleep,
        signal: mine.signal,
        onStep: (step, total) => {
          at = step;
          useStore.getState().setCueRunning({ index, step, total });
        },
      },
      `${show.id}#${index}`,
    );
  } catch (error) {
    result = { ok: false, why: errorWords(error), line: 0, sent: 0 };
  } finally {
    release();
    if (controller === mine) controller = null;
    useStore.getState().setCueRunning(null);
  }
  const outcome = 'cancelled' in result ? 'stopped' : result.ok ? 'done' : 'failed';
  useStore.getState().setCueState(index, outcome);
  if (!('cancelled' in result) && !result.ok)
    useStore.getState().setCuesMessage({
      error: true,
      words: { key: 'cues.failed', params: { cue: cue.name, step: result.line, error: result.why } },
    });
  void mark(show, cue, index, startedAt, result, at + 1);
  return result;
}

/** The cue run, in the session log. */
async function mark(
  show: Show,
  cue: Cue,
  index: number,
  startedAt: number,
  result: RunResult,
  step: number,
): Promise<void> {
  const base = {
    kind: 'cue' as const,
    show: show.name,
    cue: cue.name,
    number: index + 1,
    startedAt,
    endedAt: Date.now(),
  };
  try {
    if ('cancelled' in result) await getApi().markShow({ ...base, outcome: 'stopped', step });
    else if (result.ok) await getApi().markShow({ ...base, outcome: 'done', timedOut: result.timedOut });
    else await getApi().markShow({ ...base, outcome: 'failed', step: result.line, error: english(result.why) });
  } catch {
    /* The core is out of reach (browser mode): the region already says what happened. */
  }
}

/** Stop cues: nothing after the step in progress is sent. */
export function stopCues(): boolean {
  if (!controller) return false;
  controller.abort();
  useStore.getState().setCuesMessage({ error: false, words: { key: 'cues.stopped' } });
  return true;
}

export function selectCue(index: number): void {
  const show = currentShow();
  if (!show) return;
  useStore.getState().setCueNext(Math.max(0, Math.min(index, show.cues.length - 1)));
}

/** A new run of the show: every cue back to not run, the first one next. */
export function restartShow(): void {
  if (!controller) useStore.getState().resetCues();
}

export async function startTrial(): Promise<void> {
  const s = useStore.getState();
  const show = currentShow();
  if (!show || s.trial) return;
  const fields = { show: show.name, participant: s.participant.trim(), condition: s.condition.trim() };
  try {
    const result = await getApi().markShow({ kind: 'trial-start', ...fields });
    if (!result.ok) return s.setCuesMessage({ error: true, words: { problem: result.problem } });
    s.setTrial({ ...fields, startId: result.id, endId: null, startedAt: Date.now() });
    s.resetCues();
  } catch (error) {
    s.setCuesMessage({ error: true, words: errorWords(error) });
  }
}

export async function endTrial(): Promise<void> {
  const s = useStore.getState();
  const trial = s.trial;
  if (!trial) return;
  stopCues();
  try {
    const result = await getApi().markShow({
      kind: 'trial-end',
      show: trial.show,
      participant: trial.participant,
      condition: trial.condition,
    });
    if (!result.ok) return s.setCuesMessage({ error: true, words: { problem: result.problem } });
    s.setTrial({ ...trial, endId: result.id });
  } catch (error) {
    s.setCuesMessage({ error: true, words: errorWords(error) });
  }
}
