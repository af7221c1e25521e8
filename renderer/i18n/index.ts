/**
 * Japanese and English. `en` defines every key; `ja` must have the same keys (the type says
 * so), so a missing translation fails the build. Message names (MOTION_ADD, …) are never
 * translated. `{name}` in a string is filled from the params.
 *
 * Nothing here reads the store: the store and actions keep `Words` (a key and its values, or a
 * core problem), and components word them in the language of the moment (`components/use-t`).
 */
import type { PresetProblem, Problem, QuickSetProblem, StepProblem } from '../../common/problems';
import type { Language } from '../../common/settings';
import type { ShowProblem } from '../../common/show';
import { fillTemplate } from '../../common/fill-template';
import { en, type MessageKey } from './en';
import { ja } from './ja';

export type Lang = 'en' | 'ja';
export type { MessageKey };

type Params = Record<string, string | number>;

/**
 * Something to say, kept as data until it is shown: a key with values (which may be words
 * themselves), a problem found by the core or by the shared checks, or text from the OS or
 * browser as it came.
 */
export type Words =
  | { key: MessageKey; params?: Record<string, string | number | Words> }
  | { problem: Problem }
  | { step: StepProblem }
  | { quickSet: QuickSetProblem }
  | { preset: PresetProblem }
  | { show: ShowProblem }
  | { raw: string };

export type Translate = (key: MessageKey, params?: Params) => string;

const tables: Record<Lang, Record<MessageKey, string>> = { en, ja };

function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** `auto` follows the OS (the browser's or Electron's language). */
export function resolveLang(setting: Language | undefined, navLanguages: readonly string[] = systemLanguages()): Lang {
  if (setting === 'en' || setting === 'ja') return setting;
  return navLanguages
    .find((l) => /^(ja|en)\b/i.test(l))
    ?.toLowerCase()
    .startsWith('ja')
    ? 'ja'
    : 'en';
}

/** Named agents' labels by agentId; an agent not in it is `#agentId`. */
export type AgentLabels = Readonly<Record<number, string>>;

const NO_LABELS: AgentLabels = {};

/** `#{agentId}` in a string is the agent as the operator knows it: its name when it has one. */
export function translate(lang: Lang, key: MessageKey, params?: Params, labels: AgentLabels = NO_LABELS): string {
  let text = tables[lang][key] ?? en[key];
  if (!params) return text;
  const label = typeof params.agentId === 'number' ? labels[params.agentId] : undefined;
  if (label !== undefined) text = text.replaceAll('#{agentId}', label.replaceAll('{', '('));
  return fillTemplate(text, params);
}

/** A `t` bound to one language (and to the agents' names of the moment). */
export function translator(lang: Lang, labels: AgentLabels = NO_LABELS): Translate {
  return (key, params) => translate(lang, key, params, labels);
}

/** Shorthand for building `Words`. */
export function words(key: MessageKey, params?: Record<string, string | number | Words>): Words {
  return params ? { key, params } : { key };
}
