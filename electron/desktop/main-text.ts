/**
 * The desktop app's own words (menu, quit warning) in English and Japanese, following the same
 * language setting as the window. Kept here: main never imports renderer code.
 */
import type { Language } from '../../common/settings.js';
import { fillTemplate } from '../../common/fill-template.js';

export type MainLang = 'en' | 'ja';

const en = {
  file: 'File',
  openLog: 'Open Log…',
  exportTxt: 'Export Log View (.txt)…',
  exportJsonl: 'Export Log View (.jsonl)…',
  logsFolder: 'Show Session Logs Folder',
  view: 'View',
  shortcuts: 'Keyboard Shortcuts',
  docs: 'MMDAgent-EX Plugin_Remote documentation',
  about: 'About {name}',
  openTitle: 'Open a session log',
  logsFilter: 'Session logs',
  tooLarge: '{name} is larger than 512 MB; open it with a text tool instead.',
  quit: 'Quit',
  cancel: 'Cancel',
  oneAgent: 'An MMDAgent-EX is connected.',
  manyAgents: '{n} MMDAgent-EX agents are connected.',
  quitDetail: 'MMDAgent-EX exits when this connection closes. Quit anyway?',
} as const;

type Key = keyof typeof en;

const ja: Record<Key, string> = {
  file: 'ファイル',
  openLog: 'ログを開く…',
  exportTxt: 'ログの表示を書き出す（.txt）…',
  exportJsonl: 'ログの表示を書き出す（.jsonl）…',
  logsFolder: 'セッションログのフォルダを表示',
  view: '表示',
  shortcuts: 'キーボードショートカット',
  docs: 'MMDAgent-EX Plugin_Remote の説明書',
  about: '{name} について',
  openTitle: 'セッションログを開く',
  logsFilter: 'セッションログ',
  tooLarge: '{name} は 512 MB より大きいため、テキスト用のツールで開いてください。',
  quit: '終了',
  cancel: 'キャンセル',
  oneAgent: 'MMDAgent-EX が接続しています。',
  manyAgents: 'MMDAgent-EX が {n} 台接続しています。',
  quitDetail: 'この接続を閉じると MMDAgent-EX は終了します。それでも終了しますか？',
};

/** `auto` follows the OS locale, as the window does. */
export function mainLang(setting: Language, locale: string): MainLang {
  if (setting === 'en' || setting === 'ja') return setting;
  return /^ja\b/i.test(locale) ? 'ja' : 'en';
}

export function mainText(lang: MainLang, key: Key, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'ja' ? ja : en)[key], params);
}
