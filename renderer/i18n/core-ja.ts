/** コアがコードで伝える内容（問題・待ち受けエラー・理由・ログ通知）の日本語。キーは core-en.ts と同じ（型で検査）。 */
import type { coreEn } from './core-en';

export const coreJa: Record<keyof typeof coreEn, string> = {
  'problem.noAgent': 'MMDAgent-EX が接続していないため、何も送っていません。',
  'problem.cannotListen': '何も変更しておらず、どのエージェントも切断していません: {why}',
  'problem.agentGone': 'エージェント #{agentId} はもう接続していないため、何も送っていません。',
  'problem.proxyOff': '中継モードがオフのため、送り先の対話サーバがありません。設定で上流の URL を指定してください。',
  'problem.upstreamDown': 'エージェント #{agentIds} の対話サーバへの接続が切れているため、何も送っていません。',
  'problem.nothingToRetry': '再接続を待っている対話サーバへの接続はありません。',
  'problem.periodicInterval': '間隔は {min} 秒から {max} 秒の間で指定してください。',
  'problem.periodicLimit': '定期送信は同時に {max} 件までです。',
  'problem.periodicNotRunning': 'その定期送信は動いていません。',
  'problem.setting': '設定「{setting}」: {problem}',
  'problem.upstreamLoop': '上流の URL {url} はこのパネル自身の接続先です。対話サーバの URL を指定してください。',
  'problem.upstreamNoUrl': '中継モードをオンにする前に、上流の URL を指定してください。',
  'problem.badAlias': '音声で動かすモデルのエイリアス（例: 0）を入力してください。「,」と「|」は使えません。',
  'problem.audioEmpty': '「{name}」には音声が入っていないため、何も送っていません。',
  'problem.audioTooLong':
    '「{name}」の長さは {seconds} 秒で、上限の {limit} 秒（音声の設定）を超えています。何も送っていません。',
  'problem.micBusy': 'このエージェントへはマイクの音声を送っています。先に止めてください。',
  'problem.fileBusy': 'このエージェントへは「{name}」を送っています。先に止めてください。',
  'problem.nothingStreaming': 'このエージェントへは何も送っていません。',
  'problem.micNotStreaming': 'このエージェントへはマイクの音声を送っていません。',
  'problem.writeFailed': '{path} に書き込めませんでした: {detail}',

  'setting.unknown': 'そのような設定はありません。',
  'setting.type': '値の型が正しくありません。',
  'setting.host': 'ホストは 127.0.0.1 のようなアドレス（英数字・ドット・コロン）で指定してください。',
  'setting.port': 'ポートは 1 から 65535 の整数で指定してください。',
  'setting.path': 'パスは /chat のように指定してください（空白・「?」・「#」は使えません）。',
  'setting.origin':
    '「{value}」はオリジンではありません。http://localhost:3000 のように（スキーム・ホスト・ポートのみ、パスなし）指定してください。',
  'setting.echoTimeout': 'エコーの待ち時間は {min} 秒から {max} 秒の間で指定してください。',
  'setting.alias': 'モデルのエイリアスには「,」「|」や改行を使えません。',
  'setting.agentName':
    'エージェント名は 1〜{max} 文字で、前後の空白、「/」「|」、引用符、波かっこ、山かっこは使えません。',
  'setting.audioMax': '音声の長さの上限は {min} 秒から {max} 秒の間で指定してください。',
  'url.notUrl': '「{value}」は URL ではありません。ws://127.0.0.1:9002/chat のように指定してください。',
  'url.scheme': '上流の URL は ws:// か wss://（対話サーバの WebSocket のアドレス）で始めてください。',
  'url.credentials': '上流の URL にユーザ名やパスワードは含められません。',
  'url.hash': '上流の URL に「#」以降は含められません。',

  'listen.inUse':
    '{host} のポート {port} は他のプログラムが使っています。別のポートを選んでください（.mdf の Plugin_Remote_Websocket_Port も合わせて変えてください）。',
  'listen.denied':
    'ポート {port} で待ち受ける権限がありません。1024 未満のポートには管理者権限が必要です。1024 より大きいポートを選んでください。',
  'listen.notLocal':
    '{host} はこのコンピュータのアドレスではありません。MMDAgent-EX が別のマシンで動いているのでなければ 127.0.0.1 を使ってください。',
  'listen.other': '{host}:{port} で待ち受けられませんでした: {detail}',

  'reason.operator': '操作者が切断しました',
  'reason.listenerStopped': 'パネルが待ち受けをやめました',
  'reason.frameTooLarge': 'フレームが上限より大きすぎます',
  'reason.protocolError': 'プロトコルエラー（{detail}）',
  'reason.agentDisconnected': '接続が切れました',
  'reason.agentClosed': 'エージェントが接続を閉じました（{detail}）',
  'reason.sendFailed': '送信に失敗しました: {detail}',
  'reason.wrongPath':
    '{path} への接続を拒否しました（404）。パネルは {expected}（または {expected}/<名前>）で待ち受けています',
  'reason.webOrigin':
    'Web ページ（Origin: {origin}）が接続しようとしました（403）。信頼できる場合は設定でそのオリジンを許可してください',
  'reason.tooMany': 'すでに {max} 件接続しています（429）',
  'reason.connectionGone': '接続が失われました',
  'reason.replaced': '「{name}」に置き換えました',
  'reason.operatorStop': '操作者が止めました',
  'reason.panelStopped': 'パネルが停止しました',
  'reason.linkLost': '接続が切れました',
  'reason.linkClosed': '接続が閉じられました（{detail}）',
  'reason.linkError': '{detail}',
  'reason.holdTimeout': '対話サーバが {seconds} 秒以内に応答しませんでした',
  'reason.agentLeft': 'エージェントが切断しました',
  'reason.serverLeft': '対話サーバが切断しました',
  'reason.streamBreak': 'SNDBRKS',
  'reason.streamIdle': '1 秒間パケットが届きませんでした',
  'reason.badRequest':
    '読めない接続要求を拒否しました（{detail}）。ASCII 以外の文字を含むパスはパーセントエンコードが必要です（「接続」タブの .mdf の行はそうなっています）',

  'notice.listening': '{url} で MMDAgent-EX の接続を待っています。',
  'notice.notListening': 'パネルは {host}:{port} で待ち受けていません（{code}）。',
  'notice.agentConnected': 'MMDAgent-EX が {remote} から {path} に接続しました（エージェント #{agentId}）。',
  'notice.clientConnected':
    'X-App-Type: MMDAgent を送らないクライアントが {remote} から {path} に接続しました（エージェント #{agentId}）。',
  'notice.trialStarted': '試行開始: 参加者 {participant}、条件 {condition}、ショー「{show}」。',
  'notice.trialEnded': '試行終了: 参加者 {participant}、条件 {condition}、ショー「{show}」。',
  'notice.cueDone': 'キュー {number}「{cue}」（{show}）完了、{start}–{end}。時間切れで先へ進んだ待機: {timedOut}。',
  'notice.cueFailed': 'キュー {number}「{cue}」（{show}）はステップ {step} で失敗、{start}–{end}: {error}',
  'notice.cueStopped': 'キュー {number}「{cue}」（{show}）はステップ {step} でオペレーターが停止、{start}–{end}。',
  'notice.stoppedEverything':
    'すべて停止: ストリーム {streams} 件と音声合成 {syntheses} 件を止め、{agents} 体のエージェントに SYNTH_STOP を {voices} 回送りました。',
  'notice.agentLeft': 'エージェント #{agentId}（{remote}）が切断しました: {reason}。',
  'notice.pingsMissed': 'エージェント #{agentId} が ping に応答しません（接続は保ったままです）。',
  'notice.pingsBack': 'エージェント #{agentId} が再び ping に応答しています。',
  'notice.rejected': '{remote} からの接続を拒否しました: {reason}。',
  'notice.hiddenOnLeave':
    'エージェント #{agentId} のメッセージ {n} 件は表示していません。セッションログにはすべて残っています。',
  'notice.hiddenOverBudget':
    'エージェント #{agentId} のメッセージ {n} 件は表示していません（毎秒 {rate} 件を超えたため）。セッションログにはすべて残っています。',
  'notice.logWriteFailed': 'セッションログを書き込めません（{error}）。メッセージの表示は続けます。',
  'notice.settingsInvalid':
    '一部の設定を使えなかったため、既定値を使っています: {keys}。元のファイルは {kept} として残しています。',
  'notice.settingsCorrupt': '設定ファイルを読めませんでした（{error}）。{aside} として残し、既定値を使っています。',
  'notice.settingsUnreadable':
    '設定ファイル {path} を読めませんでした（{error}）。既定値を使い、ファイルはそのままにしています。',
  'notice.upstreamConnected': 'エージェント #{agentId} ⇄ 対話サーバ {url}: 接続しました。中継しています。',
  'notice.upstreamReconnected':
    'エージェント #{agentId} ⇄ 対話サーバ: {seconds} 秒の切断の後、再接続しました。その間のエージェントからの {missed} 行は転送していません。中継を再開しました（再送はしていません）。',
  'notice.upstreamDown':
    'エージェント #{agentId} の対話サーバへの接続が切れました（{reason}）。エージェントとの接続は保ったまま、再接続を試みます。',
  'notice.upstreamHoldDropped':
    '対話サーバへの最初の接続を待つ間にエージェントが送った {n} フレームは転送していません: {reason}。',
  'notice.upstreamUnreachable': '対話サーバ {url} にまだ接続できません（{reason}）。再試行します。',
  'notice.upstreamRecut':
    '対話サーバが {bytes} バイトのフレームを送ったため、エージェントの 8,192 バイトのバッファを守るよう、4,096 バイト以下の {pieces} フレームに分けて送りました（エージェントごとに 1 回だけ表示）。',
  'notice.upstreamStalled':
    '対話サーバが {seconds} 秒間、送信を途中のままにしたため、パネルが残り（{bytes} バイト）を補い、待っていた自分のフレーム {waiting} 件を送りました。',
  'notice.agentAudioReset':
    '再接続したときと同じように、エージェントの音声の状態をリセットしました: 途中のデータを {bytes} バイトで補い、{sent} を送りました。',
  'notice.micStreaming': 'マイクの音声をエージェント #{agentId} へ送っています（モデル {model}）。',
  'notice.fileStreaming':
    '「{name}」をエージェント #{agentId} へ送っています: {duration}、{bytes} バイト、{packets} パケット（モデル {model}）。',
  'notice.streamFinished':
    '{what}の送信が終わりました（エージェント #{agentId}）: {duration}、{bytes} バイト、{packets} パケット。',
  'notice.streamStopped':
    '{what}の送信を止めました（エージェント #{agentId}、{reason}）: {duration}、{bytes} バイト、{packets} パケット。',
  'notice.downAudioStart': '対話サーバからの音声ストリームが始まりました（{mode}）',
  'notice.downAudioEnd':
    '音声ストリームが終わりました（{reason}）: {seconds} 秒分の音声、{packets} パケット（{bytes} バイト）、{over} 秒間',
  'notice.said':
    'エージェント #{agentId} に {engine}（{voice}）でしゃべらせました: 「{text}」（{duration}、{sentences} 文）。',
  'notice.speechStopped':
    'エージェント #{agentId} への発話を止めました（{reason}）。{duration} 経過（{engine}、{voice}）: 「{text}」。',
  'notice.speechFailed':
    'エージェント #{agentId} への発話が {duration} で失敗しました（{engine}、{voice}）: {error}（文: 「{text}」）',
  'notice.viewGap':
    'この表示が追いつけなかったため、{n} 件のメッセージを表示していません。ディスク上のセッションログにはすべて残っています。',
  'notice.microphone': 'マイク',
  'notice.defaultVoice': '既定の声',
  'notice.seconds': '{s} 秒',
  'notice.droppedChunks': '実時間より先行したマイクのチャンク {n} 個を捨てました。',
  'notice.file': '「{name}」',
};
