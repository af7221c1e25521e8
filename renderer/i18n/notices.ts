/**
 * Panel notices in Japanese. The core writes every notice in English (the session log stays in
 * one language) and tags it with a key and its values; the log shows it in the UI's language.
 */
import type { LogEntry, NoticeKey } from '../../common/contract';
import { fillTemplate } from '../../common/fill-template';
import type { Lang } from '.';

const ja: Record<NoticeKey, string> = {
  listening: '{url} で MMDAgent-EX の接続を待っています。',
  agentConnected: 'MMDAgent-EX が {remote} から接続しました（エージェント #{id}）。',
  clientConnected: 'X-App-Type: MMDAgent を送らないクライアントが {remote} から接続しました（エージェント #{id}）。',
  agentLeft: 'エージェント #{id}（{remote}）が切断しました: {reason}。',
  pingsMissed: 'エージェント #{id} が ping に応答しません（接続は保ったままです）。',
  pingsBack: 'エージェント #{id} が再び ping に応答しています。',
  rejected: '{remote} からの接続: {reason}。',
  hiddenOnLeave: 'エージェント #{id} のメッセージ {n} 件は表示していません。セッションログにはすべて残っています。',
  hiddenOverBudget: 'エージェント #{id} のメッセージ {n} 件は表示していません（毎秒 {rate} 件を超えたため）。セッションログにはすべて残っています。',
  logWriteFailed: 'セッションログを書き込めません（{error}）。メッセージの表示は続けます。',
  settingsRecovered: '設定の一部またはすべてを使えなかったため、既定値を使っています。{detail}',
  upstreamConnected: 'エージェント #{id} ⇄ 対話サーバ {url}: 接続しました。中継しています。',
  upstreamReconnected: 'エージェント #{id} ⇄ 対話サーバ: {seconds} 秒の切断の後、再接続しました。その間のエージェントからの {missed} 行は転送していません。中継を再開しました（再送はしていません）。',
  upstreamDown: 'エージェント #{id} の対話サーバへの接続が切れました（{reason}）。エージェントとの接続は保ったまま、再接続を試みます。',
  upstreamHoldDropped: '対話サーバへの最初の接続を待つ間にエージェントが送った {n} フレームは転送していません: {why}。',
  upstreamUnreachable: '対話サーバ {url} にまだ接続できません（{why}）。再試行します。',
  upstreamRecut: '対話サーバが {bytes} バイトのフレームを送ったため、エージェントの 8,192 バイトのバッファを守るよう、4,096 バイト以下の {pieces} フレームに分けて送りました（セッションごとに 1 回だけ表示）。',
  agentAudioReset: '再接続したときと同じように、エージェントの音声の状態をリセットしました（{sent}）。',
  micStreaming: 'マイクの音声をエージェント #{id} へ送っています（モデル {model}）。',
  fileStreaming: '「{name}」をエージェント #{id} へ送っています: {duration}、{bytes} バイト、{packets} パケット（モデル {model}）。',
  streamFinished: '{what}の送信が終わりました（エージェント #{id}）: {duration}、{bytes} バイト、{packets} パケット。',
  downAudioStart: '対話サーバからの音声ストリームが始まりました（{mode}）',
  downAudioEnd: '音声ストリームが終わりました（{why}）: {seconds} 秒分の音声、{packets} パケット（{bytes} バイト）、{over} 秒間',
  streamStopped: '{what}の送信を止めました（エージェント #{id}、{why}）: {duration}、{bytes} バイト、{packets} パケット。',
};

/** The notice's text in `lang`; English is the core's own text. */
export function noticeText(entry: LogEntry, lang: Lang): string {
  if (lang === 'en' || !entry.msg || !(entry.msg.key in ja)) return entry.text;
  const params = { ...entry.msg.params };
  if (entry.msg.key === 'streamFinished' || entry.msg.key === 'streamStopped') params.what = params.what ? `「${params.what}」` : 'マイク';
  return fillTemplate(ja[entry.msg.key], params, (v) => (typeof v === 'number' ? v.toLocaleString('ja-JP') : v));
}
