/**
 * What this window keeps for itself across a reload, in the page's own storage: compose history
 * and the dock's tab. Settings that belong to the panel go to the core instead (settings.json).
 */
import { DOCK_TABS, type DockTab } from '../store/ui-slice';
import { useStore, type StoreState } from '../store';

const KEY = 'remote-panel.window';

interface Kept {
  history: string[];
  dockTab: DockTab;
  dockOpen: boolean;
}

function read(storage: Storage): Partial<Kept> {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '{}') as Record<string, unknown>;
    const kept: Partial<Kept> = {};
    if (Array.isArray(raw.history)) kept.history = raw.history.filter((h) => typeof h === 'string').slice(-200);
    if (DOCK_TABS.includes(raw.dockTab as DockTab)) kept.dockTab = raw.dockTab as DockTab;
    if (typeof raw.dockOpen === 'boolean') kept.dockOpen = raw.dockOpen;
    return kept;
  } catch {
    /* A damaged entry is not worth a message: this window starts fresh. */
    return {};
  }
}

const pick = (s: StoreState): Kept => ({ history: s.history, dockTab: s.dockTab, dockOpen: s.dockOpen });

/** Restores what the window kept, and keeps it from now on; returns the unsubscribe. */
export function keepWindowPrefs(storage: Storage | undefined = globalThis.localStorage): () => void {
  if (!storage) return () => undefined;
  useStore.setState(read(storage));
  let last = pick(useStore.getState());
  return useStore.subscribe((s) => {
    const next = pick(s);
    if (next.history === last.history && next.dockTab === last.dockTab && next.dockOpen === last.dockOpen) return;
    last = next;
    try {
      storage.setItem(KEY, JSON.stringify(next));
    } catch {
      /* Storage full or denied: the history lives on in memory for this run. */
    }
  });
}
