import type { StateCreator } from 'zustand';
import type { PanelState } from './index';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel?: () => void;
}

export interface UiSlice {
  confirm: ConfirmRequest | null;
  settingsOpen: boolean;
  askConfirm(request: ConfirmRequest | null): void;
  setSettingsOpen(open: boolean): void;
}

export const createUiSlice: StateCreator<PanelState, [], [], UiSlice> = (set) => ({
  confirm: null,
  settingsOpen: false,
  askConfirm: (confirm) => set({ confirm }),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
});
