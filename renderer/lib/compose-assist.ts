/**
 * What the compose box offers at the caret: message names while the name is being typed,
 * otherwise the documented forms of the message with the current argument marked, and the
 * model or motion aliases the agent reported where the form asks for one.
 */
import type { SceneState } from '../../common/agents';
import {
  closestName,
  findMessage,
  formArgs,
  separatorOf,
  suggestNames,
  type CatalogEntry,
} from '../../common/message-catalog';

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
  /** The catalog name within two edits of an unknown one ("did you mean"). */
  didYouMean: string | null;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `voices` are those the Say panel lists for MMDAgent-EX's own voice; the scenes add the voices and
 * motion files seen in the agents' own commands.
 */
export function analyze(draft: string, caret: number, scenes: SceneState[], voices: readonly string[] = []): Assist {
  const lineStart = draft.lastIndexOf('\n', caret - 1) + 1;
  const lineEndIdx = draft.indexOf('\n', caret);
  const line = draft.slice(lineStart, lineEndIdx < 0 ? draft.length : lineEndIdx);
  const before = draft.slice(lineStart, caret);
  const none: Assist = {
    from: caret,
    to: caret,
    suggestions: [],
    message: null,
    argIndex: -1,
    unknownName: null,
    didYouMean: null,
  };
  const sepAt = line.search(/[|,]/);
  const name = sepAt < 0 ? line : line.slice(0, sepAt);
  const message = findMessage(name) ?? null;
  const unknownName =
    name && NAME.test(name) && !message && (sepAt >= 0 || caret > lineStart + name.length) ? name : null;
  const didYouMean = unknownName ? closestName(unknownName) : null;

  if (!/[|,]/.test(before)) {
    if (!NAME.test(before)) return { ...none, message, unknownName, didYouMean };
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
      didYouMean: null,
    };
  }
  const sep = separatorOf(name);
  const parts = before.split(sep);
  const argIndex = parts.length - 2;
  const typed = parts[parts.length - 1] ?? '';
  const from = caret - typed.length;
  const rest = draft.slice(caret);
  const tokenEnd = caret + (rest.search(/[|,\n]/) < 0 ? rest.length : rest.search(/[|,\n]/));
  if (!message) return { from, to: tokenEnd, suggestions: [], message: null, argIndex, unknownName, didYouMean };
  const placeholders = message.forms
    .map((f) => formArgs(f)[argIndex] ?? '')
    .join(' ')
    .toLowerCase();
  const [values, detail] = argValues(placeholders, parts[1] ?? '', scenes, voices);
  const suggestions = values
    .filter((a) => a.startsWith(typed) && a !== typed)
    .slice(0, 30)
    .map((a) => ({ insert: a, label: a, detail }));
  return { from, to: tokenEnd, suggestions, message, argIndex, unknownName: null, didYouMean: null };
}

/** What can go where the form asks for a model alias, a motion alias, a motion file or a voice. */
function argValues(
  placeholders: string,
  model: string,
  scenes: SceneState[],
  voices: readonly string[],
): [string[], string] {
  const unique = (list: string[]): string[] => [...new Set(list)];
  if (/model alias/.test(placeholders)) return [unique(scenes.flatMap((s) => s.models)), 'model'];
  if (/motion alias/.test(placeholders))
    return [unique(scenes.flatMap((s) => s.motions.filter((m) => m.model === model).map((m) => m.motion))), 'motion'];
  if (/motion file/.test(placeholders)) return [unique(scenes.flatMap((s) => s.files ?? [])), 'file'];
  if (/voice alias/.test(placeholders)) return [unique([...voices, ...scenes.flatMap((s) => s.voices ?? [])]), 'voice'];
  return [[], ''];
}
