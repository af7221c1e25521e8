/** The renderer's composition root: the bridge, the actions that follow the store, and the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { watchStatuses } from './actions/statuses';
import { stopHere } from './actions/stop';
import { keepWindowPrefs } from './bridge/local-prefs';
import { exportView } from './actions/log';
import { rememberFilters } from './actions/prefs';
import { App } from './app';
import { getApi, startBridge } from './bridge/connect';
import { useStore } from './store';
import './styles/app.css';
import './styles/avatar.css';
import './styles/cues.css';

startBridge({
  onMenuCommand: (command) => {
    if (command === 'shortcuts') useStore.getState().setShortcutsOpen(true);
    else void exportView(command === 'export-jsonl' ? 'jsonl' : 'txt');
  },
  onStopped: stopHere,
});
rememberFilters();
watchStatuses();
keepWindowPrefs();
/* Benchmarks read the store and call the API directly (`?bench`); nothing else does. */
if (new URLSearchParams(location.search).has('bench')) Object.assign(window, { __rpStore: useStore, __rpApi: getApi });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
