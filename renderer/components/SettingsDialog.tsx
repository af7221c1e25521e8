import { useState, type FormEvent } from 'react';
import {
  AUDIO_MAX_SEC,
  PORT_RANGE,
  SPEECH_MAX_CHARS,
  SPEECH_TIMEOUT_SEC,
  inRange,
  parsePort,
} from '../../common/settings-rules';
import type { Settings } from '../../common/settings';
import type { Words } from '../i18n';
import { useWording, useT } from './use-t';
import { useStore } from '../store';
import { selectBoundPort } from '../store/selectors';
import { applyServerSettings } from '../actions/settings';
import { useModal } from './use-modal';

/** Host, port and path of the endpoint; applying restarts the listener, not the app. */
export function SettingsDialog() {
  const open = useStore((s) => s.settingsOpen);
  const setOpen = useStore((s) => s.setSettingsOpen);
  const settings = useStore((s) => s.settings);
  const ref = useModal(open);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="settings-title" onCancel={() => setOpen(false)}>
      {open && settings && <SettingsForm initial={settings} close={() => setOpen(false)} />}
    </dialog>
  );
}

/** 24 random URL-safe characters for a secret endpoint path. */
function secretToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function SettingsForm({ initial, close }: { initial: Settings; close: () => void }) {
  const t = useT();
  const word = useWording();
  /* Port 0 (any free port, from the command line) shows the port actually in use. */
  const bound = useStore(selectBoundPort);
  const [host, setHost] = useState(initial.wsHost);
  const [port, setPort] = useState(String(initial.wsPort || bound));
  const [path, setPath] = useState(initial.wsPath);
  const [maxMin, setMaxMin] = useState(String(initial.audioMaxSec / 60));
  const [speechTimeout, setSpeechTimeout] = useState(String(initial.speech.timeoutSec));
  const [maxChars, setMaxChars] = useState(String(initial.speech.maxChars));
  const [origins, setOrigins] = useState(initial.allowedOrigins.join('\n'));
  const [upstreamOn, setUpstreamOn] = useState(initial.upstreamEnabled);
  const [upstream, setUpstream] = useState(initial.upstreamUrl);
  const [error, setError] = useState<Words | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const portNumber = parsePort(port);
    if (portNumber === null) return setError({ key: 'settings.badPort', params: { ...PORT_RANGE } });
    const minutes = Number(maxMin);
    const audioMaxSec = Math.round(minutes * 60);
    if (!inRange(audioMaxSec, AUDIO_MAX_SEC))
      return setError({ key: 'settings.badMax', params: { min: AUDIO_MAX_SEC.min / 60, max: AUDIO_MAX_SEC.max / 60 } });
    if (upstreamOn && !/^wss?:\/\/\S+$/i.test(upstream.trim())) return setError({ key: 'settings.badUpstream' });
    const timeoutSec = Number(speechTimeout);
    if (!inRange(timeoutSec, SPEECH_TIMEOUT_SEC))
      return setError({ key: 'settings.badSpeechTimeout', params: { ...SPEECH_TIMEOUT_SEC } });
    const chars = Number(maxChars);
    if (!Number.isInteger(chars) || !inRange(chars, SPEECH_MAX_CHARS))
      return setError({ key: 'settings.badMaxChars', params: { ...SPEECH_MAX_CHARS } });
    const speech = { ...(useStore.getState().settings?.speech ?? initial.speech), timeoutSec, maxChars: chars };
    setBusy(true);
    const allowedOrigins = origins.split(/[\s,]+/).filter(Boolean);
    const problem = await applyServerSettings({
      wsHost: host.trim(),
      wsPort: portNumber,
      wsPath: path.trim(),
      audioMaxSec,
      allowedOrigins,
      upstreamUrl: upstream.trim(),
      upstreamEnabled: upstreamOn,
      speech,
    });
    setBusy(false);
    if (problem) setError(problem);
    else close();
  };

  return (
    /* Any edit clears the last refusal: a corrected value never keeps the old error. */
    <form onSubmit={(e) => void submit(e)} onChange={() => setError(null)}>
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p className="muted">{t('settings.intro')}</p>
      <label className="field">
        <span>{t('settings.host')}</span>
        <input
          className="input"
          value={host}
          onChange={(e) => setHost(e.target.value)}
          aria-label={t('settings.hostName')}
        />
      </label>
      <label className="field">
        <span>{t('settings.port')}</span>
        <input
          className="input"
          inputMode="numeric"
          value={port}
          onChange={(e) => setPort(e.target.value)}
          aria-label={t('settings.portName')}
        />
      </label>
      <label className="field">
        <span>{t('settings.path')}</span>
        <span className="input-with-button">
          <input
            className="input"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            aria-label={t('settings.pathName')}
          />
          <button
            type="button"
            className="btn small"
            onClick={() => setPath(`/chat/${secretToken()}`)}
            title={t('settings.secretTitle')}
          >
            {t('settings.secret')}
          </button>
        </span>
      </label>
      <label className="field">
        <span>{t('settings.origins')}</span>
        <textarea
          className="input"
          rows={2}
          value={origins}
          onChange={(e) => setOrigins(e.target.value)}
          aria-label={t('settings.originsName')}
          placeholder={t('settings.originsNone')}
          spellCheck={false}
        />
      </label>
      <fieldset className="field proxy-fields">
        <legend>{t('settings.proxy')}</legend>
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            checked={upstreamOn}
            onChange={(e) => setUpstreamOn(e.target.checked)}
            aria-label={t('settings.proxySwitch')}
          />
          <span>{t('settings.proxyText')}</span>
        </label>
        <label className="field">
          <span>{t('settings.upstream')}</span>
          <input
            className="input"
            value={upstream}
            onChange={(e) => setUpstream(e.target.value)}
            aria-label={t('settings.upstreamName')}
            placeholder="ws://127.0.0.1:9002/chat"
            spellCheck={false}
          />
        </label>
      </fieldset>
      <label className="field">
        <span>{t('settings.maxAudio')}</span>
        <input
          className="input"
          inputMode="decimal"
          value={maxMin}
          onChange={(e) => setMaxMin(e.target.value)}
          aria-label={t('settings.maxAudioName')}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('settings.speechTimeout')}</span>
          <input
            className="input"
            inputMode="decimal"
            value={speechTimeout}
            onChange={(e) => setSpeechTimeout(e.target.value)}
            aria-label={t('settings.speechTimeoutName')}
          />
        </label>
        <label className="field">
          <span>{t('settings.maxChars')}</span>
          <input
            className="input"
            inputMode="numeric"
            value={maxChars}
            onChange={(e) => setMaxChars(e.target.value)}
            aria-label={t('settings.maxCharsName')}
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="text-error">
          {word(error)}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn primary" disabled={busy}>
          {t('common.apply')}
        </button>
      </div>
    </form>
  );
}
