/**
 * A show's marks in the session log: a trial's start and end (participant, condition, show) and
 * each cue run (name, start, end, outcome), as notices, so the log of a trial can be cut out later.
 */
import { clockTime } from '../../common/clock-time.js';
import type { NoticeMsg } from '../../common/problems.js';
import type { MarkResult, ShowMark } from '../../common/show.js';
import type { MessageLog } from './message-log.js';

const text = (v: unknown, max = 200): string => (typeof v === 'string' ? v.replace(/[\r\n]+/g, ' ').slice(0, max) : '');

/** The notice for a mark from a UI (checked: it crossed a process or network boundary). */
export function markNotice(mark: ShowMark): NoticeMsg | null {
  const m = mark as Partial<Record<string, unknown>>;
  const show = text(m.show, 80);
  if (m.kind === 'trial-start' || m.kind === 'trial-end')
    return {
      key: m.kind === 'trial-start' ? 'trialStarted' : 'trialEnded',
      params: { show, participant: text(m.participant, 80), condition: text(m.condition, 80) },
    };
  if (m.kind !== 'cue' || typeof m.startedAt !== 'number' || typeof m.endedAt !== 'number') return null;
  const params = {
    show,
    cue: text(m.cue, 80),
    number: typeof m.number === 'number' ? m.number : 0,
    start: clockTime(m.startedAt),
    end: clockTime(m.endedAt),
  };
  if (m.outcome === 'done') return { key: 'cueDone', params: { ...params, timedOut: Number(m.timedOut) || 0 } };
  const step = Number(m.step) || 0;
  if (m.outcome === 'stopped') return { key: 'cueStopped', params: { ...params, step } };
  if (m.outcome === 'failed') return { key: 'cueFailed', params: { ...params, step, error: text(m.error, 500) } };
  return null;
}

export function markShow(log: MessageLog, mark: ShowMark): MarkResult {
  const msg = markNotice(mark);
  if (!msg) return { ok: false, problem: { key: 'badMark' } };
  return { ok: true, id: log.notice('status', msg).id };
}
