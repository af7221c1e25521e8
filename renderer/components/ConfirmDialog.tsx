import { useWording, useT } from './use-t';
import { useStore } from '../store';
import { useModal } from './use-modal';

/** The warning before anything that closes an agent connection. */
export function ConfirmDialog() {
  const t = useT();
  const word = useWording();
  const request = useStore((s) => s.confirm);
  const askConfirm = useStore((s) => s.askConfirm);
  const ref = useModal(request !== null);

  const cancel = (): void => {
    request?.onCancel?.();
    askConfirm(null);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={cancel}>
      {request && (
        <>
          <h2 id="confirm-title">{word(request.title)}</h2>
          <p className="dialog-warning">{word(request.message)}</p>
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
              {word(request.confirmLabel)}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
