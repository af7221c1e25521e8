import { useState } from 'react';
import { usePanel } from '../store';
import { mdfSnippet } from '../format';

/** The .mdf lines for the current settings, ready to paste. */
export function MdfSnippet() {
  const status = usePanel((s) => s.status);
  const logFile = usePanel((s) => s.logFile);
  const [copied, setCopied] = useState(false);
  if (!status) return null;
  const text = mdfSnippet(status);
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
        <h2 id="mdf-title">Connect MMDAgent-EX</h2>
        <button type="button" className="btn small" onClick={() => void copy()} aria-label="Copy .mdf lines">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="muted">Add these lines to your .mdf, then start MMDAgent-EX:</p>
      <textarea id="mdf-text" className="mdf" readOnly value={text} rows={4} aria-label=".mdf lines" spellCheck={false} />
      <p className="hint">
        <code>Plugin_Remote_RetryCount</code> keeps MMDAgent-EX retrying if it starts before the panel (the default, 0, gives up at once).
      </p>
      {logFile && (
        <p className="hint" title={logFile}>
          Session log: <code className="path">{logFile}</code>
        </p>
      )}
    </section>
  );
}
