import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startBridge } from './bridge/connect';
import { usePanel } from './store';
import './styles/app.css';

startBridge();
/* Benchmarks read the store directly (`?bench`); nothing else does. */
if (new URLSearchParams(location.search).has('bench')) Object.assign(window, { __rpStore: usePanel });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
