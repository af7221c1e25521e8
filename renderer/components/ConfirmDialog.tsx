import { useSay, useT } from './use-t';
import { usePanel } from '../store';
import { useModal } from './use-modal';

/** The warning before anything that closes an agent connection. */
export function ConfirmDialog() {
  const t = useT();
  const say = useSay();
  const request = usePanel((s) => s.confirm);
  const askConfirm = usePanel((s) => s.askConfirm);
  const ref = useModal(request !== null);

  const cancel = (): void => {
    request?.onCancel?.();
    askConfirm(null);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="confirm-title" onCancel={cancel}>
      {request && (
        <>
          <h2 id="confirm-title">{say(request.title)}</h2>
          <p className="dialog-warning">{say(request.message)}</p>
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
              {say(request.confirmLabel)}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
