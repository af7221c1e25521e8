import { useRef, type KeyboardEvent } from 'react';
import type { Target } from '../../electron/contract';
import { getApi } from '../bridge/connect';
import { sessionLabel } from '../format';
import { usePanel } from '../store';

const encoder = new TextEncoder();

/** Type a message (or several lines), pick the target, Enter sends. */
export function Composer() {
  const draft = usePanel((s) => s.draft);
  const setDraft = usePanel((s) => s.setDraft);
  const target = usePanel((s) => s.target);
  const setTarget = usePanel((s) => s.setTarget);
  const sessions = usePanel((s) => s.sessions);
  const proxy = usePanel((s) => s.settings?.upstreamEnabled === true);
  const sendTo = usePanel((s) => s.sendTo);
  const setSendTo = usePanel((s) => s.setSendTo);
  const error = usePanel((s) => s.composeError);
  const notice = usePanel((s) => s.composeNotice);
  const box = useRef<HTMLTextAreaElement>(null);

  const send = async (): Promise<void> => {
    const { draft: text, target: to, sendTo: where, settings, setComposeResult, remember } = usePanel.getState();
    const side = settings?.upstreamEnabled ? where : 'agent';
    if (text.trim() === '') return setComposeResult('Type a message first, for example MOTION_ADD|0|wave|motion/wave.vmd');
    let result;
    try {
      result = await getApi().send(to, text, side);
    } catch (e) {
      return setComposeResult(`Not sent: ${(e as Error).message}`);
    }
    if (!result.ok) return setComposeResult(result.error);
    remember(text);
    /* The operator may already be typing (or walking history) the next message. */
    if (usePanel.getState().draft === text) usePanel.setState({ draft: '', historyPos: null });
    const place = side === 'server' ? ` to the dialogue server${result.sessions > 1 ? ` of ${result.sessions} agents` : ''} (as the agent)` : result.sessions > 1 ? ` to ${result.sessions} agents` : '';
    setComposeResult(null, `Sent ${result.lines === 1 ? '1 line' : `${result.lines} lines`}${place}.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    const el = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    } else if (e.key === 'ArrowUp' && !el.value.slice(0, el.selectionStart).includes('\n')) {
      if (usePanel.getState().walkHistory(-1)) e.preventDefault();
    } else if (e.key === 'ArrowDown' && !el.value.slice(el.selectionEnd).includes('\n')) {
      if (usePanel.getState().walkHistory(1)) e.preventDefault();
    }
  };

  const bytes = encoder.encode(draft).length;
  const lines = draft.split('\n').filter((l) => l.length > 0).length;

  return (
    <div className="composer">
      <div className="composer-row">
        <label className="target">
          <span className="sr-label">Target</span>
          <select
            aria-label="Target"
            className="input"
            value={String(target)}
            onChange={(e) => setTarget(e.target.value === 'all' ? 'all' : (Number(e.target.value) as Target))}
          >
            <option value="all">All agents{sessions.length ? ` (${sessions.length})` : ''}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {proxy && (
          <label className="target">
            <span className="sr-label">Send to</span>
            <select aria-label="Send to" className="input send-to" value={sendTo} onChange={(e) => setSendTo(e.target.value === 'server' ? 'server' : 'agent')}>
              <option value="agent">to agent</option>
              <option value="server">to dialogue server (as the agent)</option>
            </select>
          </label>
        )}
        <textarea
          ref={box}
          className="input message"
          aria-label="Message"
          aria-invalid={error ? true : undefined}
          aria-describedby="compose-feedback"
          placeholder="MOTION_ADD|0|wave|motion/wave.vmd|PART|ONCE"
          rows={Math.min(6, Math.max(1, draft.split('\n').length))}
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn primary" onClick={() => void send()}>
          Send
        </button>
      </div>
      <div id="compose-feedback" className="composer-feedback">
        {error ? (
          <span role="alert" className="text-error">
            {error}
          </span>
        ) : notice ? (
          <span className="muted">{notice}</span>
        ) : (
          <span className="muted">Enter sends · Shift+Enter adds a line · ↑/↓ history. Each line is one message; its echo from MMDAgent-EX marks it delivered.</span>
        )}
        {draft && (
          <span className={`bytes ${bytes > 2047 ? 'text-error' : ''}`}>
            {lines > 1 ? `${lines} lines · ` : ''}
            {bytes} B
          </span>
        )}
      </div>
    </div>
  );
}
