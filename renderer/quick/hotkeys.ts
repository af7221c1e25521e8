/** Key combinations as text (`Ctrl+Shift+K`), and when a keypress belongs to a text field instead. */
import { normalizeHotkey } from '../../common/quick-commands';

const MODIFIER_KEYS = new Set([
  'Control',
  'Shift',
  'Alt',
  'Meta',
  'AltGraph',
  'CapsLock',
  'Dead',
  'Process',
  'Unidentified',
]);

/** The combination a keydown stands for, or '' for a lone modifier. */
export function comboFromEvent(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>,
): string {
  if (MODIFIER_KEYS.has(e.key)) return '';
  /* With Shift or Alt, e.key changes with the layout ('!' for Shift+1): name digits and letters by their key position. */
  let key = e.key === ' ' ? 'Space' : e.key;
  if ((e.shiftKey || e.altKey) && /^(Digit|Key)[0-9A-Z]$/.test(e.code)) key = e.code.slice(-1);
  const parts = [e.ctrlKey && 'Ctrl', e.altKey && 'Alt', e.shiftKey && 'Shift', e.metaKey && 'Meta', key].filter(
    Boolean,
  ) as string[];
  return normalizeHotkey(parts.join('+'));
}

/** True while the user is typing: hotkeys must never fire then. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
