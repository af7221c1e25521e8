/**
 * Window-wide keys: quick-command and face-preset hotkeys, Esc to stop everything, the shortcut overlay,
 * export and focus keys. None fires while the user types in a field or a dialog is open.
 */
import { useEffect } from 'react';
import { exportView } from '../actions/log';
import { useStore } from '../store';
import { activeSet, runCommand } from '../actions/quick';
import { stopEverything } from '../actions/stop';
import { applyPresetHere } from '../actions/avatar';
import { comboFromEvent, isTyping } from '../quick/hotkeys';

/** Every fixed shortcut, for the overlay (quick-command hotkeys are listed from their set). */
export const SHORTCUTS = [
  { keys: 'Enter', what: 'keys.send' },
  { keys: 'Shift+Enter', what: 'keys.newline' },
  { keys: '↑ / ↓', what: 'keys.history' },
  { keys: 'Tab', what: 'keys.complete' },
  { keys: 'Esc', what: 'keys.escape' },
  { keys: '/', what: 'keys.filter' },
  { keys: 'Ctrl+Shift+E', what: 'keys.export' },
  { keys: 'Ctrl+O', what: 'keys.open' },
  { keys: '? / F1', what: 'keys.overlay' },
] as const;

export function handleGlobalKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return;
  const combo = comboFromEvent(e);
  if (!combo) return;
  if (combo === 'Ctrl+Shift+E' || combo === 'Meta+Shift+E') {
    e.preventDefault();
    void exportView('txt');
    return;
  }
  if (document.querySelector('dialog[open]') || isTyping(e.target)) return;
  const state = useStore.getState();
  if (e.key === '?' || e.key === 'F1') {
    e.preventDefault();
    state.setShortcutsOpen(true);
    return;
  }
  if (combo === 'Escape') {
    e.preventDefault();
    /* A held key repeats: one Stop everything per press. */
    if (e.repeat) return;
    if (state.selectedId !== null) state.select(null);
    void stopEverything();
    return;
  }
  if (combo === '/') {
    e.preventDefault();
    document.getElementById('log-filter')?.focus();
    return;
  }
  const command = activeSet()?.commands.find((c) => c.hotkey === combo);
  if (command) {
    e.preventDefault();
    /* A held key repeats; the command runs once per press. */
    if (!e.repeat) void runCommand(command);
    return;
  }
  const preset = activeSet()?.presets.find((p) => p.hotkey === combo);
  if (preset) {
    e.preventDefault();
    if (!e.repeat) void applyPresetHere(preset);
  }
}

export function useGlobalKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleGlobalKey);
    return () => window.removeEventListener('keydown', handleGlobalKey);
  }, []);
}
