import { useEffect } from 'react';
import type { AgentAlert } from '../../common/agents';
import { dismissAlert } from '../actions/agents';
import { reasonText } from '../i18n/notices';
import { clockTime } from '../lib/format';
import { useStore } from '../store';
import { useT } from './use-t';

/**
 * An agent that left, or stopped answering, is said loudly: a banner over the log that stays until
 * dismissed, and the window title, so an operator looking at another window sees it in the taskbar.
 */
export function AgentAlerts() {
  const t = useT();
  const alerts = useStore((s) => s.alerts);
  const labels = useStore((s) => s.agentLabels);
  const label = (a: AgentAlert): string => a.name ?? labels[a.agentId] ?? `#${a.agentId}`;
  const latest = alerts.at(-1);
  const title = latest ? t(latest.kind === 'left' ? 'top.titleLeft' : 'top.titleSilent', { label: label(latest) }) : '';
  const name = t('app.name');
  useEffect(() => {
    document.title = title ? `⚠ ${title} · ${name}` : name;
  }, [title, name]);
  if (alerts.length === 0) return null;
  return (
    <div className="alerts" aria-label={t('alert.region')} role="region">
      {alerts.map((a) => (
        <div key={`${a.agentId}-${a.kind}-${a.at}`} className={`alert ${a.kind}`} role="alert">
          <span className="alert-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="alert-text">
            {a.kind === 'left'
              ? t('alert.left', {
                  label: label(a),
                  time: clockTime(a.at).slice(0, 8),
                  reason: a.reason ? reasonText(a.reason, t) : '',
                })
              : t('alert.silent', { label: label(a), time: clockTime(a.at).slice(0, 8) })}
          </span>
          <button
            type="button"
            className="btn small"
            onClick={() => dismissAlert(a)}
            aria-label={t('alert.dismissFor', { label: label(a) })}
          >
            {t('alert.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
