/** The UI's language, read from the store, for components: `t` and `say` re-render when it changes. */
import { useMemo } from 'react';
import { resolveLang, translator, type Lang, type Translate, type Words } from '../i18n';
import { say } from '../i18n/problems';
import { usePanel } from '../store';

export function useLang(): Lang {
  return usePanel((s) => resolveLang(s.settings?.language));
}

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}

/** Words kept in the store (`Words`), said in the current language. */
export function useSay(): (w: Words) => string {
  const t = useT();
  return useMemo(() => (w: Words) => say(w, t), [t]);
}
