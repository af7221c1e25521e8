/** 日本語: トップバーの「すべて停止」、エージェントの名前と警告、ドック、サンプルセットの名前。`ja.ts` に展開する。 */
import type { operatorEn } from './operator-en';

export const operatorJa: Record<keyof typeof operatorEn, string> = {
  'stop.everything': 'すべて停止',
  'stop.everythingTitle':
    'すべてのエージェントに一度に: ファイル・マイク・テキスト発話のストリームを終え（SNDBRKS）、実行中のシーケンスを取り消し、すべてのモデルに SYNTH_STOP を送ります（Esc）',
  'stop.done':
    'すべて停止しました: ストリーム {streams} 件、音声合成 {syntheses} 件、シーケンス {sequences} 件。SYNTH_STOP を {voices} 回送りました。',
  'top.agents': '接続中のエージェント',
  'top.connectedLabel': '接続中:',
  'top.noAgents': 'エージェント未接続',
  'top.agentSilent': '{label}: ping に応答なし',
  'top.agentOn': '{label}: 接続中',
  'top.titleLeft': '{label} が切断',
  'top.titleSilent': '{label} が応答なし',

  'alert.region': 'エージェントの警告',
  'alert.left': '{label} が {time} に切断しました: {reason}。',
  'alert.silent':
    '{label} が {time} から応答しません。接続は保ったままです。MMDAgent-EX が固まっているか、処理中の可能性があります。',
  'alert.dismiss': '閉じる',
  'alert.dismissFor': '{label} についての警告を閉じる',

  'agents.rename': '名前を変更',
  'agents.renameFor': 'エージェント #{agentId} の名前を変更',
  'agents.name': '名前',
  'agents.nameFor': 'エージェント #{agentId} の名前',
  'agents.save': '保存',
  'agents.cancel': 'キャンセル',
  'agents.nameHint':
    '{path} に対して保存されます。次にこのパスへ接続したエージェントも同じ名前になります。空にするとパスの名前に戻ります。',
  'agents.nameHintOwn':
    'このエージェントは名前のないエージェントが共有するパネルのパス {path} に接続しているため、名前は接続している間だけ有効です。名前を残すには {path}/<名前> に接続してください。',
  'agents.path': 'パス: {path}',
  'agents.noneSetup':
    'MMDAgent-EX は接続していません。「接続」タブの .mdf の行を書いて起動すると、1 秒以内に接続します。',
  'agents.openSetup': '「接続」タブを開く',

  'speech.to': '話させる相手',
  'dock.name': '操作ツール',
  'dock.quick': 'クイック',
  'dock.say': '発話',
  'dock.audio': '音声',
  'dock.agents': 'エージェント',
  'dock.setup': '接続',
  'dock.hide': 'ツールを隠す',
  'dock.show': 'ツールを表示',

  'mdf.name': 'エージェント名（任意）',
  'mdf.nameHint':
    'パスに /名前 を加えます。この MMDAgent-EX はその名前で表示されます。エージェントごとに別の名前を付けてください。',
  'mdf.nameBad': '名前には、前後の空白、「/」「|」、引用符、波かっこ、山かっこは使えません。',

  'log.fileMenu': '書き出し / 開く',

  'quick.setMenu': 'セット…',
  'quick.example.set': 'デモ A',
  'quick.example.greet': '挨拶',
  'quick.example.nod': 'うなずく',
  'quick.example.wave': '手を振る',
  'quick.example.thanks': 'お礼',
  'quick.example.stopVoice': '声を止める',
  'quick.example.sayHello': 'こんにちはと話す',
  'quick.example.testTurn': '対話サーバへテスト発話',

  'say.defaultVoice': 'このコンピュータの既定の声',
  'catalog.file': 'モーションファイル',
  'catalog.voice': '声',
  'compose.didYouMean': '{name} は MMDAgent-EX のメッセージではありません。{suggestion} のことですか？',
};
