/**
 * What the compose box offers at the caret: message names while the name is being typed,
 * otherwise the documented forms of the message with the current argument marked, and the
 * model or motion aliases the agent reported where the form asks for one.
 */
import type { SceneState } from '../../common/agents';
import { findMessage, formArgs, separatorOf, suggestNames, type CatalogEntry } from '../../common/message-catalog';

export interface Suggestion {
  /** What replaces the token being typed. */
  insert: string;
  label: string;
  detail: string;
}

export interface Assist {
  /** Start and end (in the draft) of the token the suggestions replace. */
  from: number;
  to: number;
  suggestions: Suggestion[];
  /** The message being typed, when it is documented. */
  message: CatalogEntry | null;
  /** Index of the argument at the caret (0 = first after the name), or -1 on the name. */
  argIndex: number;
  /** The name typed on this line, when it is not in the catalog (a gentle warning). */
  unknownName: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function analyze(draft: string, caret: number, scenes: SceneState[]): Assist {
  const lineStart = draft.lastIndexOf('\n', caret - 1) + 1;
  const lineEndIdx = draft.indexOf('\n', caret);
  const line = draft.slice(lineStart, lineEndIdx < 0 ? draft.length : lineEndIdx);
  const before = draft.slice(lineStart, caret);
  const none: Assist = { from: caret, to: caret, suggestions: [], message: null, argIndex: -1, unknownName: null };
  const sepAt = line.search(/[|,]/);
  const name = sepAt < 0 ? line : line.slice(0, sepAt);
  const message = findMessage(name) ?? null;
  const unknownName =
    name && NAME.test(name) && !message && (sepAt >= 0 || caret > lineStart + name.length) ? name : null;

  if (!/[|,]/.test(before)) {
    if (!NAME.test(before)) return { ...none, message, unknownName };
    const names = suggestNames(before).filter((m) => m.name !== before);
    return {
      from: lineStart,
      to: lineStart + name.length,
      suggestions: names.map((m) => ({
        insert: m.name + (m.forms.some((f) => formArgs(f).length > 0) ? separatorOf(m.name) : ''),
        label: m.name,
        detail: m.kind,
      })),
      message,
      argIndex: -1,
      unknownName: null,
    };
  }
  const sep = separatorOf(name);
  const parts = before.split(sep);
  const argIndex = parts.length - 2;
  const typed = parts[parts.length - 1] ?? '';
  const from = caret - typed.length;
  const rest = draft.slice(caret);
  const tokenEnd = caret + (rest.search(/[|,\n]/) < 0 ? rest.length : rest.search(/[|,\n]/));
  if (!message) return { from, to: tokenEnd, suggestions: [], message: null, argIndex, unknownName };
  const placeholders = message.forms
    .map((f) => formArgs(f)[argIndex] ?? '')
    .join(' ')
    .toLowerCase();
  let aliases: string[] = [];
  if (/model alias/.test(placeholders)) aliases = [...new Set(scenes.flatMap((s) => s.models))];
  else if (/motion alias/.test(placeholders)) {
    const model = parts[1] ?? '';
    aliases = [...new Set(scenes.flatMap((s) => s.motions.filter((m) => m.model === model).map((m) => m.motion)))];
  }
  const suggestions = aliases
    .filter((a) => a.startsWith(typed) && a !== typed)
    .map((a) => ({ insert: a, label: a, detail: /model alias/.test(placeholders) ? 'model' : 'motion' }));
  return { from, to: tokenEnd, suggestions, message, argIndex, unknownName: null };
}
