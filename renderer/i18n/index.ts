/**
 * Japanese and English. `en` defines every key; `ja` must have the same keys (the type says
 * so), so a missing translation fails the build. Message names (MOTION_ADD, …) are never
 * translated. `{name}` in a string is filled from the params.
 */
import type { Language } from '../../common/contract';
import { usePanel } from '../store';
import { fillTemplate } from '../../common/fill-template';
import { en, type MessageKey } from './en';
import { ja } from './ja';

export type Lang = 'en' | 'ja';
export type { MessageKey };

const tables: Record<Lang, Record<MessageKey, string>> = { en, ja };

function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** `auto` follows the OS (the browser's or Electron's language). */
export function resolveLang(setting: Language | undefined, navLanguages: readonly string[] = systemLanguages()): Lang {
  if (setting === 'en' || setting === 'ja') return setting;
  return navLanguages.find((l) => /^(ja|en)\b/i.test(l))?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = tables[lang][key] ?? en[key];
  return params ? fillTemplate(text, params) : text;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The current language's `t`, re-rendering when the language changes. */
export function useT(): Translate {
  const lang = usePanel((s) => resolveLang(s.settings?.language));
  return (key, params) => translate(lang, key, params);
}

/** For code outside components (actions), in the current language. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(resolveLang(usePanel.getState().settings?.language), key, params);
}
