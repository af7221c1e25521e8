/** The UI's language, read from the store, for components: `t` and `say` re-render when it changes. */
import { useMemo } from 'react';
import { resolveLang, translator, type Lang, type Translate, type Words } from '../i18n';
import { word } from '../i18n/problems';
import { useStore } from '../store';

/**
 * The selector takes the setting as it is and the language is resolved only when it changes:
 * every mounted `useT` runs its selector on every store update, a log batch's among them, and
 * resolving there read `navigator.languages` and ran a regex tens of times per batch.
 */
export function useLang(): Lang {
  const setting = useStore((s) => s.settings?.language);
  return useMemo(() => resolveLang(setting), [setting]);
}

/** `t` in the current language, naming agents by their labels (it changes only when a name does). */
export function useT(): Translate {
  const lang = useLang();
  const labels = useStore((s) => s.agentLabels);
  return useMemo(() => translator(lang, labels), [lang, labels]);
}

/** Words kept in the store (`Words`), said in the current language. */
export function useWording(): (w: Words) => string {
  const t = useT();
  return useMemo(() => (w: Words) => word(w, t), [t]);
}
