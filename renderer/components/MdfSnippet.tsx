import { useState } from 'react';
import { savePrefs } from '../actions/prefs';
import { mdfSnippet } from '../lib/format';
import { useStore } from '../store';
import { useT } from './use-t';

/** The .mdf lines for the current settings, ready to paste. */
export function MdfSnippet() {
  const t = useT();
  const status = useStore((s) => s.status);
  const logFile = useStore((s) => s.logFile);
  const allLog = useStore((s) => s.settings?.mdfAllLog === true);
  const httpOff = useStore((s) => s.settings?.mdfHttpOff === true);
  const [copied, setCopied] = useState(false);
  if (!status) return null;
  const text = mdfSnippet(status, t('mdf.thisComputer'), { allLog, httpOff });
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
      <textarea
        id="mdf-text"
        className="mdf"
        readOnly
        value={text}
        rows={4 + (allLog ? 1 : 0) + (httpOff ? 1 : 0)}
        aria-label={t('mdf.lines')}
        spellCheck={false}
      />
      <MdfOption
        label={t('mdf.allLog')}
        help={t('mdf.allLogHelp')}
        checked={allLog}
        onChange={(on) => void savePrefs({ mdfAllLog: on })}
      />
      <MdfOption
        label={t('mdf.httpOff')}
        help={t('mdf.httpOffHelp')}
        checked={httpOff}
        onChange={(on) => void savePrefs({ mdfHttpOff: on })}
      />
      <p className="hint">{t('mdf.retry')}</p>
      {logFile && (
        <p className="hint" title={logFile}>
          {t('mdf.log')} <code className="path">{logFile}</code>
        </p>
      )}
    </section>
  );
}

/** An optional line for the snippet, explained in one line. */
function MdfOption({
  label,
  help,
  checked,
  onChange,
}: {
  label: string;
  help: string;
  checked: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <label className="mdf-option">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {label}
        <span className="hint">{help}</span>
      </span>
    </label>
  );
}
