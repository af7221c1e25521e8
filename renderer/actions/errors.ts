/** What a request that failed in transit says: the core out of reach in the UI's words, anything else as the browser put it. */
import { CoreGoneError } from '../bridge/web-transport';
import type { Words } from '../i18n';

export function errorWords(error: unknown): Words {
  return error instanceof CoreGoneError ? { key: 'top.coreGone' } : { raw: (error as Error).message ?? String(error) };
}
