import { useEffect, useState } from 'react';
import type { SessionInfo, UpstreamInfo } from '../../common/agents';
import { retryUpstream } from '../actions/agents';
import type { Words } from '../i18n';
import { useSay, useT } from './use-t';
import { formatCount } from '../lib/format';
import { usePanel } from '../store';

/** Proxy mode: per agent, `MMDAgent-EX ⇄ Panel ⇄ dialogue server`, with each link's state. */
export function ProxyChain() {
  const t = useT();
  const url = usePanel((s) => (s.settings?.upstreamEnabled ? s.settings.upstreamUrl : null));
  const sessions = usePanel((s) => s.sessions);
  if (url === null) return null;
  return (
    <div className="proxy-chains" aria-label={t('proxy.chain')}>
      {sessions.length === 0 ? (
        <div className="chain muted">{t('proxy.waiting', { url })}</div>
      ) : (
        sessions.map((s) => <Chain key={s.id} session={s} />)
      )}
    </div>
  );
}

function Chain({ session }: { session: SessionInfo }) {
  const t = useT();
  const up = session.upstream;
  return (
    <div className="chain">
      <span className={`link-node ${session.responsive ? 'on' : 'warn'}`}>MMDAgent-EX #{session.id}</span>
      <span
        className={`link ${session.responsive ? 'on' : 'warn'}`}
        title={session.responsive ? t('proxy.agentUp') : t('proxy.agentSilent')}
      >
        ⇄
      </span>
      <span className="link-node on">{t('proxy.panel')}</span>
      <span className={`link ${linkClass(up)}`} aria-hidden="true">
        ⇄
      </span>
      <span className={`link-node ${linkClass(up)}`}>{t('proxy.server')}</span>
      <UpstreamStatus id={session.id} up={up} />
    </div>
  );
}

function linkClass(up: UpstreamInfo | undefined): string {
  return up?.state === 'open' ? 'on' : up?.state === 'connecting' ? 'wait' : 'off';
}

function UpstreamStatus({ id, up }: { id: number; up: UpstreamInfo | undefined }) {
  const t = useT();
  const say = useSay();
  const [now, setNow] = useState(() => Date.now());
  const [refused, setRefused] = useState<Words | null>(null);
  const retrying = up?.state === 'retrying';
  useEffect(() => {
    if (!retrying) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [retrying]);
  const text = !up
    ? t('proxy.notLinked')
    : up.state === 'open'
      ? t('proxy.up', { up: formatCount(up.framesUp), down: formatCount(up.framesDown) }) +
        (up.notForwarded ? t('proxy.notForwarded', { n: formatCount(up.notForwarded) }) : '')
      : up.state === 'connecting'
        ? up.retries
          ? t('proxy.connectingAttempt', { n: up.retries + 1 })
          : t('proxy.connecting')
        : t('proxy.down', {
            error: up.lastReason
              ? t('proxy.reason', {
                  reason: t(`reason.${up.lastReason.reason}`, { detail: up.lastReason.detail ?? '' }),
                })
              : '',
            n: up.retries,
            s: Math.max(0, Math.ceil(((up.nextRetryAt ?? now) - now) / 1000)),
          });
  return (
    <>
      <span className={`upstream-status ${linkClass(up)}`} role="status" aria-label={t('proxy.upstream')}>
        {text}
      </span>
      {retrying && (
        <button
          type="button"
          className="btn small"
          onClick={() => void retryUpstream(id).then(setRefused)}
          aria-label={t('proxy.retryNowFor', { id })}
        >
          {t('proxy.retryNow')}
        </button>
      )}
      {refused && (
        <span role="alert" className="text-error small-text">
          {say(refused)}
        </span>
      )}
    </>
  );
}
