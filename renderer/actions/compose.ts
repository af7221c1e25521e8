import { usePanel } from '../store';

export const COMPOSE_BOX_ID = 'compose-box';

/** Puts `text` at the caret of the compose box (or at its end) and focuses it. */
export function insertIntoDraft(text: string): void {
  const box = document.getElementById(COMPOSE_BOX_ID) as HTMLTextAreaElement | null;
  const { draft, setDraft } = usePanel.getState();
  const at = box && document.activeElement === box ? box.selectionStart : box ? (box.dataset.caret ? Number(box.dataset.caret) : draft.length) : draft.length;
  const next = draft.slice(0, at) + text + draft.slice(at);
  setDraft(next);
  requestAnimationFrame(() => {
    if (!box) return;
    box.focus();
    box.setSelectionRange(at + text.length, at + text.length);
  });
}
