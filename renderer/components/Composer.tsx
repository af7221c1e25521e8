import { useMemo, useState, type KeyboardEvent } from 'react';
import { formArgs, separatorOf } from '../../common/message-catalog';
import { unknownAvLine } from '../../common/avatar';
import { EXAMPLE_AGENT_VOICES } from '../../common/speech';
import { useWording, useT } from './use-t';
import { useStore } from '../store';
import { selectProxyOn } from '../store/selectors';
import { analyze } from '../lib/compose-assist';
import { TargetPicker } from './TargetPicker';
import { COMPOSE_BOX_ID, sendDraft } from '../actions/compose';

const encoder = new TextEncoder();

/** Type a message (or several lines), pick the target, Enter sends. Names complete from the catalog. */
export function Composer() {
  const t = useT();
  const word = useWording();
  const draft = useStore((s) => s.draft);
  const setDraft = useStore((s) => s.setDraft);
  const target = useStore((s) => s.target);
  const proxy = useStore(selectProxyOn);
  const sendTo = useStore((s) => s.sendTo);
  const setSendTo = useStore((s) => s.setSendTo);
  const error = useStore((s) => s.composeError);
  const notice = useStore((s) => s.composeNotice);
  const scene = useStore((s) => s.scene);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const scenes = useMemo(
    () => (target === 'all' ? Object.values(scene) : scene[target] ? [scene[target]!] : []),
    [scene, target],
  );
  const listed = useStore((s) => s.voiceLists.agent?.voices);
  const voices = useMemo(() => (listed?.length ? listed.map((v) => v.id) : EXAMPLE_AGENT_VOICES), [listed]);
  const assist = useMemo(
    () => analyze(draft, Math.min(caret, draft.length), scenes, voices),
    [draft, caret, scenes, voices],
  );
  const open = assist.suggestions.length > 0 && dismissed !== `${draft}@${caret}`;
  const current = open ? assist.suggestions[Math.min(active, assist.suggestions.length - 1)] : undefined;

  const send = sendDraft;

  const accept = (el: HTMLTextAreaElement, insert: string): void => {
    const next = draft.slice(0, assist.from) + insert + draft.slice(assist.to);
    const at = assist.from + insert.length;
    setDraft(next);
    setActive(0);
    requestAnimationFrame(() => {
      el.setSelectionRange(at, at);
      setCaret(at);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    const el = e.currentTarget;
    if (e.nativeEvent.isComposing) return;
    if (open && current) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = assist.suggestions.length;
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if (e.key === 'Tab' || (e.key === 'Enter' && !e.shiftKey)) {
        e.preventDefault();
        accept(el, current.insert);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setDismissed(`${draft}@${caret}`);
        return;
      }
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    } else if (e.key === 'ArrowUp' && !el.value.slice(0, el.selectionStart).includes('\n')) {
      if (useStore.getState().walkHistory(-1)) e.preventDefault();
    } else if (e.key === 'ArrowDown' && !el.value.slice(el.selectionEnd).includes('\n')) {
      if (useStore.getState().walkHistory(1)) e.preventDefault();
    }
  };

  const bytes = encoder.encode(draft).length;
  const lines = draft.split('\n').filter((l) => l.length > 0).length;

  return (
    <div className="composer">
      {open && (
        <ul className="suggestions" role="listbox" id="compose-suggestions" aria-label={t('compose.suggestions')}>
          {assist.suggestions.map((s, i) => (
            <li
              key={s.label}
              id={`suggestion-${i}`}
              role="option"
              aria-selected={s === current}
              className={s === current ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(document.getElementById(COMPOSE_BOX_ID) as HTMLTextAreaElement, s.insert);
              }}
            >
              <span className="mono">{s.label}</span>
              <span className={`muted kind-tag ${s.detail}`}>{t(`catalog.${s.detail as 'command'}`)}</span>
            </li>
          ))}
        </ul>
      )}
      {assist.message && <ArgHints forms={assist.message.forms} argIndex={assist.argIndex} />}
      <div className="composer-row">
        <label className="target">
          <span className="sr-label">{t('compose.target')}</span>
          <TargetPicker />
        </label>
        {proxy && (
          <label className="target">
            <span className="sr-label">{t('compose.sendTo')}</span>
            <select
              aria-label={t('compose.sendTo')}
              className="input send-to"
              value={sendTo}
              onChange={(e) => setSendTo(e.target.value === 'server' ? 'server' : 'agent')}
            >
              <option value="agent">{t('compose.toAgent')}</option>
              <option value="server">{t('compose.toServer')}</option>
            </select>
          </label>
        )}
        <textarea
          id={COMPOSE_BOX_ID}
          className="input message"
          aria-label={t('compose.message')}
          aria-invalid={error ? true : undefined}
          aria-describedby="compose-feedback"
          aria-autocomplete="list"
          aria-controls={open ? 'compose-suggestions' : undefined}
          aria-activedescendant={current ? `suggestion-${assist.suggestions.indexOf(current)}` : undefined}
          placeholder="MOTION_ADD|0|wave|motions/action/wavehand.vmd|PART|ONCE"
          rows={Math.min(6, Math.max(1, draft.split('\n').length))}
          value={draft}
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
          }}
          onSelect={(e) => {
            setCaret(e.currentTarget.selectionStart);
            e.currentTarget.dataset.caret = String(e.currentTarget.selectionStart);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn primary" onClick={() => void send()}>
          {t('compose.send')}
        </button>
      </div>
      <div id="compose-feedback" className="composer-feedback">
        {error ? (
          <span role="alert" className="text-error">
            {word(error)}
          </span>
        ) : assist.unknownName ? (
          <span className="text-warn">
            {unknownAvLine(assist.unknownName) !== null
              ? t('compose.unknownAvLive', { name: assist.unknownName })
              : assist.didYouMean
                ? t('compose.didYouMean', { name: assist.unknownName, suggestion: assist.didYouMean })
                : t('compose.unknown', { name: assist.unknownName })}
          </span>
        ) : notice ? (
          <span className="muted">{word(notice)}</span>
        ) : (
          <span className="muted">{t('compose.help')}</span>
        )}
        {draft && (
          <span className={`bytes ${bytes > 2047 ? 'text-error' : ''}`}>
            {lines > 1 ? `${t('compose.nLines', { n: lines })} · ` : ''}
            {bytes} B
          </span>
        )}
      </div>
    </div>
  );
}

/** The documented forms of the message being typed, the argument at the caret marked. */
function ArgHints({ forms, argIndex }: { forms: string[]; argIndex: number }) {
  const t = useT();
  /* The shortest forms that reach the argument at the caret; the log keeps its room. */
  const reaching = forms.filter((f) => formArgs(f).length > argIndex);
  const shown = (reaching.length > 0 ? reaching : forms).slice(0, 3);
  return (
    <div className="arg-hints" role="note" aria-label={t('compose.forms')}>
      {shown.map((form) => {
        const sep = separatorOf(form);
        const [name, ...args] = form.split(sep);
        return (
          <div key={form} className="mono form">
            <span className="c-type">{name}</span>
            {args.map((a, i) => (
              <span key={i}>
                {sep}
                {i === argIndex ? <mark className="arg-current">{a}</mark> : <span className="muted">{a}</span>}
              </span>
            ))}
          </div>
        );
      })}
      {forms.length > shown.length && (
        <div className="muted">{t('compose.moreForms', { n: forms.length - shown.length })}</div>
      )}
      {formArgs(forms[0] ?? '').length === 0 && forms.length === 1 && (
        <div className="muted">{t('compose.noArgs')}</div>
      )}
    </div>
  );
}
