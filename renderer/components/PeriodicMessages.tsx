import { useState, type FormEvent } from 'react';
import { startPeriodic, stopPeriodic } from '../actions/periodic';
import type { Words } from '../i18n';
import { useWording, useT } from './use-t';
import { useStore } from '../store';

/** A message every N seconds until stopped (the documentation's sample server, built in). Runs in the core. */
export function PeriodicMessages() {
  const t = useT();
  const labels = useStore((s) => s.agentLabels);
  const word = useWording();
  const jobs = useStore((s) => s.periodic);
  const [text, setText] = useState('TEST_MESSAGE');
  const [every, setEvery] = useState('2');
  const [error, setError] = useState<Words | null>(null);

  const start = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const everySec = Number(every);
    if (!(everySec >= 0.1 && everySec <= 3600)) return setError({ key: 'periodic.badInterval' });
    setError(await startPeriodic(text, everySec));
  };

  return (
    <section className="card" aria-labelledby="periodic-title">
      <h2 id="periodic-title">{t('periodic.title')}</h2>
      <form className="periodic-form" onSubmit={(e) => void start(e)}>
        <input
          className="input mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('periodic.message')}
          spellCheck={false}
        />
        <label className="inline-field">
          <span>{t('periodic.every')}</span>
          <input
            className="input small num"
            inputMode="decimal"
            value={every}
            onChange={(e) => setEvery(e.target.value)}
            aria-label={t('periodic.seconds')}
          />
          <span>{t('periodic.s')}</span>
        </label>
        <button type="submit" className="btn small primary">
          {t('periodic.start')}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-error">
          {word(error)}
        </p>
      )}
      {jobs.length > 0 && (
        <ul className="periodic-jobs">
          {jobs.map((j) => (
            <li key={j.id}>
              <code>{j.text}</code>
              <span className="muted">
                {t('periodic.status', {
                  every: j.everySec,
                  target: j.target === 'all' ? t('compose.allAgents') : (labels[j.target] ?? `#${j.target}`),
                  sent: j.sent,
                })}
              </span>
              {j.lastProblem && <span className="text-warn">{word({ problem: j.lastProblem })}</span>}
              <button
                type="button"
                className="btn small danger-ghost"
                onClick={() => stopPeriodic(j.id)}
                aria-label={t('periodic.stop', { text: j.text })}
              >
                {t('periodic.stopShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
