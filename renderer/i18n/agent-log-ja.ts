/** 日本語: MMDAgent-EX 自身のログ（`Plugin_Remote_AllLog=true`）の表示。キーは agent-log-en.ts と同じ（型で検査）。 */
import type { agentLogEn } from './agent-log-en';

export const agentLogJa: Record<keyof typeof agentLogEn, string> = {
  'kind.warning': '警告',
  'row.moduleTitle': 'MMDAgent-EX のモジュール {module}（{level}）',
  'row.captured': '受け取り',
  'log.showCaptured': '受信記録',
  'log.showCapturedTitle':
    'Captured（どのモジュールが各メッセージを受け取ったか）を表示します（全ログのみ。行数が約 3 倍になります）',
  'agents.errors': 'エラー {n} 件',
  'agents.errorOne': 'エラー 1 件',
  'agents.warnings': '警告 {n} 件',
  'agents.warningOne': '警告 1 件',
  'agents.errorsFor': 'エージェント #{agentId} が報告したエラー: {n} 件',
  'agents.warningsFor': 'エージェント #{agentId} が報告した警告: {n} 件',
  'detail.agentLog': 'MMDAgent-EX 自身のログから',
  'detail.module': 'モジュール',
  'detail.level': 'レベル',
  'detail.tick': 'ティック',
  'detail.agentTime': 'エージェントの時刻',
  'mdf.allLog': '全ログ（Plugin_Remote_AllLog）',
  'mdf.allLogHelp': 'MMDAgent-EX 自身のエラー・警告・シナリオの進行を表示します。',
  'mdf.httpOff': 'MMDAgent-EX の HTTP コマンドサーバを止める',
  'mdf.httpOffHelp': '既定ではすべてのネットワークインターフェースのポート 50000 で待ち受けています。',
};
