import type { KeyboardEvent, ReactNode } from 'react';
import { DOCK_TABS, type DockTab } from '../store/ui-slice';
import { useStore } from '../store';
import { AgentsCard } from './AgentsCard';
import { AvatarRegion } from './AvatarRegion';
import { CuesRegion } from './CuesRegion';
import { MdfSnippet } from './MdfSnippet';
import { PeriodicMessages } from './PeriodicMessages';
import { QuickCommands } from './QuickCommands';
import { SceneView } from './SceneView';
import { SpeechCard } from './SpeechCard';
import { useT } from './use-t';

const CONTENT: Record<DockTab, () => ReactNode> = {
  cues: () => <CuesRegion />,
  quick: () => (
    <>
      <QuickCommands />
      <PeriodicMessages />
    </>
  ),
  avatar: () => <AvatarRegion />,
  say: () => <SpeechCard part="say" />,
  audio: () => <SpeechCard part="audio" />,
  agents: () => (
    <>
      <AgentsCard />
      <SceneView />
    </>
  ),
  setup: () => <MdfSnippet />,
};

/**
 * The operator dock: one tab per job beside the log, so every control is one click away and the
 * log keeps the window's height. It remembers its tab, and folds away for watching only.
 */
export function Dock() {
  const t = useT();
  const tab = useStore((s) => s.dockTab);
  const open = useStore((s) => s.dockOpen);
  const setTab = useStore((s) => s.setDockTab);
  const setOpen = useStore((s) => s.setDockOpen);

  /* Arrow keys move between tabs, as a tab list does. */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const i = DOCK_TABS.indexOf(tab);
    const next = DOCK_TABS[(i + (e.key === 'ArrowRight' ? 1 : DOCK_TABS.length - 1)) % DOCK_TABS.length]!;
    setTab(next);
    document.getElementById(`dock-tab-${next}`)?.focus();
  };

  if (!open)
    return (
      <aside className="dock closed" aria-label={t('dock.name')}>
        <button
          type="button"
          className="btn small dock-toggle"
          aria-expanded={false}
          aria-label={t('dock.show')}
          title={t('dock.show')}
          onClick={() => setOpen(true)}
        >
          <span aria-hidden="true">«</span>
        </button>
      </aside>
    );
  return (
    <aside className="dock" aria-label={t('dock.name')}>
      <div className="dock-tabs">
        <div role="tablist" aria-label={t('dock.name')} onKeyDown={onKeyDown}>
          {DOCK_TABS.map((id) => (
            <button
              key={id}
              id={`dock-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls="dock-panel"
              tabIndex={tab === id ? 0 : -1}
              className={`dock-tab${tab === id ? ' active' : ''}`}
              onClick={() => setTab(id)}
            >
              {t(`dock.${id}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn ghost small dock-toggle"
          aria-expanded={true}
          aria-label={t('dock.hide')}
          onClick={() => setOpen(false)}
          title={t('dock.hide')}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
      <div id="dock-panel" className="dock-panel" role="tabpanel" aria-labelledby={`dock-tab-${tab}`}>
        {CONTENT[tab]()}
      </div>
    </aside>
  );
}
