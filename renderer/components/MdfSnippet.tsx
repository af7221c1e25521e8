import { useState } from 'react';
import { useT } from './use-t';
import { usePanel } from '../store';
import { mdfSnippet } from '../lib/format';

/** The .mdf lines for the current settings, ready to paste. */
export function MdfSnippet() {
  const t = useT();
  const status = usePanel((s) => s.status);
  const logFile = usePanel((s) => s.logFile);
  const [copied, setCopied] = useState(false);
  if (!status) return null;
  const text = mdfSnippet(status, t('mdf.thisComputer'));
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.getElementById('mdf-text') as HTMLTextAreaElement | null;
      area?.select();
      document.execCommand('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section className="card" aria-labelledby="mdf-title">
      <div className="card-head">
        <h2 id="mdf-title">{t('mdf.title')}</h2>
        <button type="button" className="btn small" onClick={() => void copy()} aria-label={t('mdf.copyLines')}>
          {copied ? t('mdf.copied') : t('mdf.copy')}
        </button>
      </div>
      <p className="muted">{t('mdf.intro')}</p>
      <textarea id="mdf-text" className="mdf" readOnly value={text} rows={4} aria-label={t('mdf.lines')} spellCheck={false} />
      <p className="hint">
        {t('mdf.retry')}
      </p>
      {logFile && (
        <p className="hint" title={logFile}>
          {t('mdf.log')} <code className="path">{logFile}</code>
        </p>
      )}
    </section>
  );
}
