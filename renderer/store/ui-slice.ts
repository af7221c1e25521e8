import type { StateCreator } from 'zustand';
import type { QuickCommand } from '../../common/quick-commands';
import type { Words } from '../i18n';
import type { StoreState } from '.';

export interface ConfirmRequest {
  title: Words;
  message: Words;
  confirmLabel: Words;
  onConfirm: () => void;
  onCancel?: () => void;
}

/** A quick command being sent: which one, and how far it got. */
export interface RunningCommand {
  id: string;
  label: string;
  step: number;
  total: number;
}

/** The operator dock's tabs, one per job. */
export const DOCK_TABS = ['cues', 'quick', 'avatar', 'say', 'audio', 'agents', 'setup'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

export interface UiSlice {
  dockTab: DockTab;
  /** Collapsed for watching only: the log takes the width. */
  dockOpen: boolean;
  /** The name typed into the .mdf snippet, for the agent about to be set up. */
  mdfName: string;
  setMdfName(name: string): void;
  setDockTab(tab: DockTab): void;
  setDockOpen(open: boolean): void;
  confirm: ConfirmRequest | null;
  settingsOpen: boolean;
  shortcutsOpen: boolean;
  /** The quick-command editor: a copy of the command being edited, or a new one. */
  editing: { setId: string; command: QuickCommand; isNew: boolean } | null;
  running: RunningCommand | null;
  /** The last quick-command problem (bad import file, failed send), shown in its panel. */
  quickMessage: { error: boolean; words: Words } | null;
  askConfirm(request: ConfirmRequest | null): void;
  setSettingsOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setEditing(editing: UiSlice['editing']): void;
  setRunning(running: RunningCommand | null): void;
  setQuickMessage(message: UiSlice['quickMessage']): void;
}

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set) => ({
  dockTab: 'quick',
  dockOpen: true,
  mdfName: '',
  setMdfName: (mdfName) => set({ mdfName }),
  setDockTab: (dockTab) => set({ dockTab, dockOpen: true }),
  setDockOpen: (dockOpen) => set({ dockOpen }),
  confirm: null,
  settingsOpen: false,
  shortcutsOpen: false,
  editing: null,
  running: null,
  quickMessage: null,
  askConfirm: (confirm) => set({ confirm }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setEditing: (editing) => set({ editing }),
  setRunning: (running) => set({ running }),
  setQuickMessage: (quickMessage) => set({ quickMessage }),
});
