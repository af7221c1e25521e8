import type { StateCreator } from 'zustand';
import type { SendTo, Target } from '../../common/agents';
import type { Words } from '../i18n';
import type { StoreState } from '.';

const HISTORY_LIMIT = 200;

export interface ComposeSlice {
  draft: string;
  target: Target;
  /** Proxy mode: the agent (default) or the dialogue server, as the agent. */
  sendTo: SendTo;
  history: string[];
  /** Position while walking history with Up/Down; null when editing a fresh draft. */
  historyPos: number | null;
  composeError: Words | null;
  composeNotice: Words | null;
  setDraft(draft: string): void;
  setTarget(target: Target): void;
  setSendTo(sendTo: SendTo): void;
  setComposeResult(error: Words | null, notice?: Words | null): void;
  remember(text: string): void;
  /** Steps through sent messages; returns false at either end. */
  walkHistory(step: -1 | 1): boolean;
}

export const createComposeSlice: StateCreator<StoreState, [], [], ComposeSlice> = (set, get) => ({
  draft: '',
  target: 'all',
  sendTo: 'agent',
  history: [],
  historyPos: null,
  composeError: null,
  composeNotice: null,
  setDraft: (draft) => set({ draft, historyPos: null, composeError: null }),
  setTarget: (target) => set({ target }),
  setSendTo: (sendTo) => set({ sendTo, composeError: null }),
  setComposeResult: (composeError, composeNotice = null) => set({ composeError, composeNotice }),
  remember: (text) =>
    set((s) => {
      const history = s.history[s.history.length - 1] === text ? s.history : [...s.history, text].slice(-HISTORY_LIMIT);
      return { history, historyPos: null };
    }),
  walkHistory: (step) => {
    const { history, historyPos } = get();
    if (history.length === 0) return false;
    const from = historyPos ?? history.length;
    const next = from + step;
    if (next < 0) return false;
    if (next >= history.length) {
      if (historyPos === null) return false;
      set({ historyPos: null, draft: '' });
      return true;
    }
    set({ historyPos: next, draft: history[next]!, composeError: null });
    return true;
  },
});
