import { useEffect, useState } from 'react';
import type { AgentInfo, UpstreamInfo } from '../../common/agents';
import { retryUpstream } from '../actions/agents';
import type { Words } from '../i18n';
import { useWording, useT } from './use-t';
import { formatCount } from '../lib/format';
import { useStore } from '../store';
import { selectUpstreamUrl } from '../store/selectors';

/** Proxy mode: per agent, `MMDAgent-EX ⇄ Panel ⇄ dialogue server`, with each link's state. */
export function ProxyChain() {
  const t = useT();
  const url = useStore(selectUpstreamUrl);
  const agents = useStore((s) => s.agents);
  if (url === null) return null;
  return (
    <div className="proxy-chains" aria-label={t('proxy.chain')}>
      {agents.length === 0 ? (
        <div className="chain muted">{t('proxy.waiting', { url })}</div>
      ) : (
        agents.map((s) => <Chain key={s.agentId} agent={s} />)
      )}
    </div>
  );
}

function Chain({ agent }: { agent: AgentInfo }) {
  const t = useT();
  const label = useStore((s) => s.agentLabels[agent.agentId]) ?? `#${agent.agentId}`;
  const up = agent.upstream;
  return (
    <div className="chain">
      <span className={`link-node ${agent.responsive ? 'on' : 'warn'}`}>MMDAgent-EX {label}</span>
      <span
        className={`link ${agent.responsive ? 'on' : 'warn'}`}
        title={agent.responsive ? t('proxy.agentUp') : t('proxy.agentSilent')}
      >
        ⇄
      </span>
      <span className="link-node on">{t('proxy.panel')}</span>
      <span className={`link ${linkClass(up)}`} aria-hidden="true">
        ⇄
      </span>
      <span className={`link-node ${linkClass(up)}`}>{t('proxy.server')}</span>
      <UpstreamStatus id={agent.agentId} up={up} />
    </div>
  );
}

function linkClass(up: UpstreamInfo | undefined): string {
  return up?.state === 'open' ? 'on' : up?.state === 'connecting' ? 'wait' : 'off';
}

function UpstreamStatus({ id, up }: { id: number; up: UpstreamInfo | undefined }) {
  const t = useT();
  const word = useWording();
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
          aria-label={t('proxy.retryNowFor', { agentId: id })}
        >
          {t('proxy.retryNow')}
        </button>
      )}
      {refused && (
        <span role="alert" className="text-error small-text">
          {word(refused)}
        </span>
      )}
    </>
  );
}
