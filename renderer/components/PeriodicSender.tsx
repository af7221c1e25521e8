import { useState, type FormEvent } from 'react';
import { getApi } from '../bridge/connect';
import { useT } from '../i18n';
import { usePanel } from '../store';

/** A message every N seconds until stopped (the documentation's sample server, built in). Runs in the core. */
export function PeriodicSender() {
  const t = useT();
  const jobs = usePanel((s) => s.periodic);
  const [text, setText] = useState('TEST_MESSAGE');
  const [every, setEvery] = useState('2');
  const [error, setError] = useState<string | null>(null);

  const start = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const everySec = Number(every);
    if (!(everySec >= 0.1 && everySec <= 3600)) return setError(t('periodic.badInterval'));
    const { target, sendTo, settings } = usePanel.getState();
    const result = await getApi().startPeriodic({ target, text, everySec, to: settings?.upstreamEnabled ? sendTo : 'agent' });
    setError(result.ok ? null : result.error);
  };

  return (
    <section className="card" aria-labelledby="periodic-title">
      <h2 id="periodic-title">{t('periodic.title')}</h2>
      <form className="periodic-form" onSubmit={(e) => void start(e)}>
        <input className="input mono" value={text} onChange={(e) => setText(e.target.value)} aria-label={t('periodic.message')} spellCheck={false} />
        <label className="inline-field">
          <span>{t('periodic.every')}</span>
          <input className="input small num" inputMode="decimal" value={every} onChange={(e) => setEvery(e.target.value)} aria-label={t('periodic.seconds')} />
          <span>{t('periodic.s')}</span>
        </label>
        <button type="submit" className="btn small primary">
          {t('periodic.start')}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-error">
          {error}
        </p>
      )}
      {jobs.length > 0 && (
        <ul className="periodic-jobs">
          {jobs.map((j) => (
            <li key={j.id}>
              <code>{j.text}</code>
              <span className="muted">
                {t('periodic.status', { every: j.everySec, target: j.target === 'all' ? t('compose.allAgents') : `#${j.target}`, sent: j.sent })}
              </span>
              {j.lastError && <span className="text-warn">{j.lastError}</span>}
              <button type="button" className="btn small danger-ghost" onClick={() => void getApi().stopPeriodic(j.id)} aria-label={t('periodic.stop', { text: j.text })}>
                {t('periodic.stopShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
