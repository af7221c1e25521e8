/**
 * The renderer is served from app://panel/ (a standard, secure custom scheme) so
 * it has one stable origin to check in navigation, permission and IPC guards.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'panel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** The Vite dev server during `npm run dev`, otherwise undefined. */
export function devServerUrl(): string | undefined {
  return process.env.VITE_DEV_SERVER_URL || undefined;
}

/** True for URLs of the app's own pages (and the dev server while developing). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = devServerUrl();
  return dev !== undefined && parsed.origin === new URL(dev).origin;
}
