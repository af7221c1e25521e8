/** The periodic sender runs in the core; these start and stop its jobs. */
import { getApi } from '../bridge/connect';
import { errorWords } from './errors';
import type { Words } from '../i18n';
import { useStore } from '../store';

/** Resolves to why it could not start, or null. */
export async function startPeriodic(text: string, everySec: number): Promise<Words | null> {
  const { target, sendTo, settings } = useStore.getState();
  try {
    const result = await getApi().startPeriodic({
      target,
      text,
      everySec,
      to: settings?.upstreamEnabled ? sendTo : 'agent',
    });
    return result.ok ? null : { problem: result.problem };
  } catch (error) {
    return errorWords(error);
  }
}

export function stopPeriodic(id: number): void {
  void getApi().stopPeriodic(id);
}
