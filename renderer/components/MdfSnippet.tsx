import { useState } from 'react';
import { savePrefs } from '../actions/prefs';
import { agentNameOk } from '../../common/agent-names';
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
  const name = useStore((s) => s.mdfName);
  const setName = useStore((s) => s.setMdfName);
  const [copied, setCopied] = useState(false);
  if (!status) return null;
  const nameOk = name === '' || agentNameOk(name);
  const text = mdfSnippet(status, t('mdf.thisComputer'), { allLog, httpOff, name: nameOk ? name : '' });
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
      <div className="field compact">
        <label htmlFor="mdf-name">{t('mdf.name')}</label>
        <input
          id="mdf-name"
          className="input"
          value={name}
          maxLength={64}
          spellCheck={false}
          aria-invalid={nameOk ? undefined : true}
          aria-describedby="mdf-name-hint"
          onChange={(e) => setName(e.target.value)}
        />
        <p id="mdf-name-hint" className={nameOk ? 'hint' : 'text-error small-text'}>
          {nameOk ? t('mdf.nameHint') : t('mdf.nameBad')}
        </p>
      </div>
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
