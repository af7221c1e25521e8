import { useEffect } from 'react';
import { micOpen, refreshDevices, startMic, stopMic } from '../actions/audio';
import type { MessageKey } from '../i18n';
import { useStore } from '../store';
import { selectTargetAudio } from '../store/selectors';
import { LevelMeter } from './LevelMeter';
import { useT } from './use-t';

const PTT_KEYS: [string, MessageKey | null, string][] = [
  ['', 'speech.pttOff', ''],
  ['Space', null, 'Space'],
  ['F8', null, 'F8'],
  ['ControlRight', 'speech.pttRightCtrl', ''],
];

/** The microphone, streamed live with lip sync: device, filters, mute and push-to-talk. */
export function MicSection() {
  const t = useT();
  const mic = useStore((s) => s.mic);
  const devices = useStore((s) => s.devices);
  const setMic = useStore((s) => s.setMic);
  const current = useStore(selectTargetAudio);

  useEffect(() => {
    void refreshDevices();
    const onChange = (): void => void refreshDevices();
    navigator.mediaDevices?.addEventListener('devicechange', onChange);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', onChange);
  }, []);

  useEffect(() => {
    if (!mic.pttKey) return;
    const typing = (e: KeyboardEvent): boolean =>
      e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable="true"]') !== null;
    const down = (e: KeyboardEvent): void => {
      if (e.code === mic.pttKey && !typing(e)) {
        e.preventDefault();
        setMic({ pttDown: true });
      }
    };
    const up = (e: KeyboardEvent): void => {
      if (e.code === mic.pttKey) setMic({ pttDown: false });
    };
    const blur = (): void => setMic({ pttDown: false });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [mic.pttKey, setMic]);

  const live = mic.running && micOpen(mic);

  return (
    <div className="subsection">
      <h3>{t('speech.mic')}</h3>
      <select
        className="input full"
        aria-label={t('speech.mic')}
        value={mic.deviceId}
        disabled={mic.running}
        onChange={(e) => setMic({ deviceId: e.target.value })}
      >
        <option value="">{t('speech.defaultMic')}</option>
        {devices
          .filter((d) => d.deviceId && d.deviceId !== 'default')
          .map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || t('audio.micN', { n: i + 1 })}
            </option>
          ))}
      </select>
      <div className="toggles">
        {(
          [
            ['echoCancellation', 'speech.echo'],
            ['noiseSuppression', 'speech.noise'],
            ['autoGainControl', 'speech.gain'],
          ] as const
        ).map(([key, label]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={mic[key]}
              disabled={mic.running}
              onChange={(e) => setMic({ [key]: e.target.checked })}
            />{' '}
            {t(label)}
          </label>
        ))}
      </div>
      <div className="button-row">
        {mic.running ? (
          <button type="button" className="btn small danger" onClick={() => void stopMic()}>
            {t('speech.stopMic')}
          </button>
        ) : (
          <button type="button" className="btn small primary" disabled={mic.starting} onClick={() => void startMic()}>
            {t('speech.startMic')}
          </button>
        )}
        <button
          type="button"
          className={`btn small ${mic.muted ? 'active' : ''}`}
          aria-pressed={mic.muted}
          onClick={() => setMic({ muted: !mic.muted })}
        >
          {t('speech.mute')}
        </button>
        <label className="ptt">
          {t('speech.ptt')}
          <select
            className="input small-select"
            aria-label={t('speech.pttKey')}
            value={mic.pttKey ?? ''}
            onChange={(e) => setMic({ pttKey: e.target.value || null, pttDown: false })}
          >
            {PTT_KEYS.map(([code, key, plain]) => (
              <option key={code} value={code}>
                {key ? t(key) : plain}
              </option>
            ))}
          </select>
        </label>
      </div>
      <LevelMeter />
      <p className="muted small-text">
        {mic.running
          ? live
            ? t('speech.sending')
            : mic.muted
              ? t('speech.muted')
              : t('speech.hold', { key: mic.pttKey ?? '' })
          : t('speech.notCapturing')}
        {current?.state === 'mic' && current.latencyP50 !== undefined && Number.isFinite(current.latencyP50)
          ? t('speech.latency', { p50: current.latencyP50.toFixed(0), p99: current.latencyP99!.toFixed(0) })
          : ''}
      </p>
    </div>
  );
}
