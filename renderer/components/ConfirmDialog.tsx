import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { usePanel } from '../store';

/** The warning before anything that closes an agent connection. */
export function ConfirmDialog() {
  const t = useT();
  const request = usePanel((s) => s.confirm);
  const askConfirm = usePanel((s) => s.askConfirm);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  const cancel = (): void => {
    request?.onCancel?.();
    askConfirm(null);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={cancel}>
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p className="dialog-warning">{request.message}</p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={cancel} autoFocus>
              {t('confirm.cancel')}
            </button>
            <button
              type="button"
              className="btn danger"
              onClick={() => {
                request.onConfirm();
                askConfirm(null);
              }}
            >
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
