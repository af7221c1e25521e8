/** Log actions shared by the toolbar, the menu and the keyboard: export the filtered view, open a log file. */
import { getApi } from '../bridge/connect';
import { exportName, exportText } from '../lib/format';
import { useStore } from '../store';

/** Saves what the log view shows now (filters applied; the frozen copy while paused). */
export async function exportView(format: 'txt' | 'jsonl'): Promise<void> {
  const { viewing, frozen, log } = useStore.getState();
  await getApi().saveFile(
    exportName(format),
    exportText((viewing ? viewing.log.view : (frozen ?? log.view)).slice(), format),
  );
}

export async function openLogFile(file: File): Promise<void> {
  const problem = useStore.getState().openLog(file.name, await file.text());
  useStore.getState().setComposeResult(problem);
}
