import { app, session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';

/** The Electron security baseline, applied to every web contents the app ever creates. */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  const ses = session.defaultSession;
  /* Only the microphone, only for the app's own pages. */
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const audioOnly =
      permission === 'media' &&
      (details as { mediaTypes?: string[] }).mediaTypes?.every((t) => t === 'audio') !== false;
    callback(audioOnly && isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler(
    (_wc, permission, requestingOrigin) => permission === 'media' && isAppUrl(requestingOrigin),
  );
}

export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
