import type { LogEntry } from '../../common/log';
import { splitCompose } from '../../common/wire-rules';
import { unknownAvLine } from '../../common/avatar';
import { getApi } from '../bridge/connect';
import { errorWords } from './errors';
import type { Words } from '../i18n';
import { useStore } from '../store';

export const COMPOSE_BOX_ID = 'compose-box';

/** Puts `text` at the caret of the compose box (or at its end) and focuses it, unless the user has gone elsewhere since. */
export function insertIntoDraft(text: string): void {
  const box = document.getElementById(COMPOSE_BOX_ID) as HTMLTextAreaElement | null;
  const { draft, setDraft } = useStore.getState();
  const at =
    box && document.activeElement === box
      ? box.selectionStart
      : box
        ? box.dataset.caret
          ? Number(box.dataset.caret)
          : draft.length
        : draft.length;
  const next = draft.slice(0, at) + text + draft.slice(at);
  setDraft(next);
  /* Focused after the render that shows the text. Focus moved on meanwhile (a click into the filter) stays where it went. */
  const from = document.activeElement;
  requestAnimationFrame(() => {
    if (!box || (document.activeElement !== from && document.activeElement !== document.body)) return;
    box.focus();
    box.setSelectionRange(at + text.length, at + text.length);
  });
}

/**
 * Sends the draft: every line is checked by the protocol rules first (the core checks again),
 * and the result, sent or refused, is left in the store as words for the composer to show.
 */
/** The draft the operator was warned about: a second Send sends it as it is. */
let warnedAv: string | null = null;

export async function sendDraft(): Promise<void> {
  const { draft: text, target, sendTo, settings, agents, setComposeResult, remember } = useStore.getState();
  const side = settings?.upstreamEnabled ? sendTo : 'agent';
  if (text.trim() === '') return setComposeResult({ key: 'compose.empty' });
  const parsed = splitCompose(text);
  if (!parsed.ok) return setComposeResult({ problem: parsed.problem });
  if (agents.length === 0) return setComposeResult({ problem: { key: 'noAgent' } });
  /* MMDAgent-EX drops an `__AV` line it does not know without a word: the first Send says so and waits. */
  const unknownAv = parsed.lines.map(unknownAvLine).find((x) => x !== null);
  if (unknownAv && warnedAv !== text) {
    warnedAv = text;
    return setComposeResult({ key: 'compose.unknownAv', params: { name: unknownAv } });
  }
  warnedAv = null;
  let result;
  try {
    result = await getApi().send(target, text, side);
  } catch (e) {
    return setComposeResult({ key: 'compose.notSent', params: { error: errorWords(e) } });
  }
  if (!result.ok) return setComposeResult({ problem: result.problem });
  remember(text);
  /* The operator may already be typing (or walking history) the next message. */
  if (useStore.getState().draft === text) useStore.setState({ draft: '', historyPos: null });
  const lines: Words = { key: result.lines === 1 ? 'compose.oneLine' : 'compose.nLines', params: { n: result.lines } };
  const place: Words | string =
    side === 'server'
      ? { key: 'compose.sentServer', params: { n: result.agents } }
      : result.agents > 1
        ? { key: 'compose.sentAgents', params: { n: result.agents } }
        : '';
  setComposeResult(null, { key: 'compose.sent', params: { lines, place } });
}

/** "Send again" from the detail pane: the panel's own line, to the same agent and side. */
export async function sendAgain(entry: LogEntry): Promise<Words> {
  if (entry.agentId === null) return { problem: { key: 'noAgent' } };
  try {
    const result = await getApi().send(entry.agentId, entry.text, entry.dir === 'up' ? 'server' : 'agent');
    return result.ok ? { key: 'detail.sentAgain' } : { problem: result.problem };
  } catch (error) {
    return errorWords(error);
  }
}
