/**
 * English words for what the core reports as codes: problems, listener errors, reasons and
 * log notices. Kept beside `en.ts` (which spreads it in) so the UI's own table stays readable.
 */
export const coreEn = {
  'problem.noAgent': 'No MMDAgent-EX is connected, so nothing was sent.',
  'problem.agentGone': 'Agent #{id} is no longer connected, so nothing was sent.',
  'problem.proxyOff': 'Proxy mode is off: there is no dialogue server to send to. Set an upstream URL in Settings.',
  'problem.upstreamDown': 'The dialogue server link of agent #{ids} is not up, so nothing was sent.',
  'problem.nothingToRetry': 'No dialogue-server link is waiting to retry.',
  'problem.periodicInterval': 'The interval must be between {min} and {max} seconds.',
  'problem.periodicLimit': 'At most {max} periodic messages can run at once.',
  'problem.periodicNotRunning': 'That periodic message is not running.',
  'problem.setting': 'Setting “{setting}”: {problem}',
  'problem.upstreamLoop':
    "The upstream URL {url} is the panel's own endpoint; point it at the dialogue server instead.",
  'problem.upstreamNoUrl': 'Set the upstream URL before turning proxy mode on.',
  'problem.badAlias': 'Enter the model alias the audio should move (for example 0); it cannot contain "," or "|".',
  'problem.audioEmpty': '“{name}” has no audio in it, so nothing was sent.',
  'problem.audioTooLong': '“{name}” is {seconds} s long; the limit is {limit} s (Audio settings). Nothing was sent.',
  'problem.micBusy': 'The microphone is streaming to this agent; stop it first.',
  'problem.fileBusy': '“{name}” is streaming to this agent; stop it first.',
  'problem.nothingStreaming': 'Nothing is streaming to this agent.',
  'problem.micNotStreaming': 'The microphone is not streaming to this agent.',
  'problem.writeFailed': 'Could not write {path}: {detail}',

  'setting.unknown': 'there is no such setting.',
  'setting.type': 'the value has the wrong type.',
  'setting.host': 'the host must be an address such as 127.0.0.1 (letters, digits, dots, colons).',
  'setting.port': 'the port must be a whole number from 1 to 65535.',
  'setting.path': 'the path must look like /chat: no spaces, "?" or "#".',
  'setting.origin': '“{value}” is not an origin; write it like http://localhost:3000 (scheme, host and port, no path).',
  'setting.echoTimeout': 'the echo timeout must be between {min} and {max} seconds.',
  'setting.alias': 'a model alias cannot contain "," "|" or line breaks.',
  'setting.audioMax': 'the audio length limit must be between {min} and {max} seconds.',
  'url.notUrl': '“{value}” is not a URL; write it like ws://127.0.0.1:9002/chat.',
  'url.scheme': "the upstream URL must start with ws:// or wss:// (the dialogue server's WebSocket address).",
  'url.credentials': 'the upstream URL cannot carry a user name or password.',
  'url.hash': 'the upstream URL cannot have a "#" part.',

  'listen.inUse':
    'Port {port} on {host} is already in use by another program. Choose another port (and change Plugin_Remote_Websocket_Port in the .mdf to match).',
  'listen.denied':
    'Not allowed to listen on port {port}. Ports below 1024 need administrator rights; choose a port above 1024.',
  'listen.notLocal':
    '{host} is not an address of this computer. Use 127.0.0.1 unless MMDAgent-EX runs on another machine.',
  'listen.other': 'Could not listen on {host}:{port}: {detail}',

  'reason.operator': 'closed by the operator',
  'reason.listenerStopped': 'the panel stopped listening',
  'reason.frameTooLarge': 'frame larger than the limit',
  'reason.protocolError': 'protocol error ({detail})',
  'reason.agentDisconnected': 'agent disconnected',
  'reason.agentClosed': 'agent closed ({detail})',
  'reason.sendFailed': 'send failed: {detail}',
  'reason.wrongPath': 'upgrade to {path} refused (404): the panel listens on {expected}',
  'reason.webOrigin':
    'a web page (Origin: {origin}) tried to connect (403). Allow its origin in Settings if you trust it',
  'reason.tooMany': 'already {max} sessions (429)',
  'reason.connectionGone': 'the connection is gone',
  'reason.replaced': 'replaced by “{name}”',
  'reason.operatorStop': 'stopped by the operator',
  'reason.panelStopped': 'the panel stopped',
  'reason.linkLost': 'connection lost',
  'reason.linkClosed': 'closed ({detail})',
  'reason.linkError': '{detail}',
  'reason.holdTimeout': 'the dialogue server did not answer within {seconds} s',
  'reason.agentLeft': 'the agent left',
  'reason.serverLeft': 'the dialogue server left',
  'reason.streamBreak': 'SNDBRKS',
  'reason.streamIdle': 'no packets for 1 s',

  'notice.listening': 'Listening on {url} for MMDAgent-EX.',
  'notice.notListening': 'The panel is not listening on {host}:{port} ({code}).',
  'notice.agentConnected': 'MMDAgent-EX connected from {remote} (agent #{id}).',
  'notice.clientConnected': 'A client without X-App-Type: MMDAgent connected from {remote} (agent #{id}).',
  'notice.agentLeft': 'Agent #{id} ({remote}) left: {reason}.',
  'notice.pingsMissed': 'Agent #{id} does not answer pings (the connection is kept open).',
  'notice.pingsBack': 'Agent #{id} answers pings again.',
  'notice.rejected': 'Connection from {remote} refused: {reason}.',
  'notice.hiddenOnLeave': '{n} messages from agent #{id} were not shown; the session log has every one.',
  'notice.hiddenOverBudget':
    '{n} messages from agent #{id} were not shown (over {rate} a second); the session log has every one.',
  'notice.logWriteFailed': 'The session log cannot be written ({error}). Messages are still shown here.',
  'notice.settingsInvalid':
    'Some settings could not be used and their defaults are in use: {keys}. The file as it was is kept as {kept}.',
  'notice.settingsCorrupt':
    'The settings file could not be read ({error}). It was kept as {aside}; defaults are in use.',
  'notice.settingsUnreadable':
    'The settings file {path} could not be read ({error}); defaults are in use and it was left as is.',
  'notice.upstreamConnected': 'Agent #{id} ⇄ dialogue server {url}: connected; forwarding.',
  'notice.upstreamReconnected':
    'Agent #{id} ⇄ dialogue server: reconnected after {seconds} s down; {missed} lines from the agent were not forwarded meanwhile. Forwarding resumed; nothing was re-sent.',
  'notice.upstreamDown':
    'The dialogue server link of agent #{id} went down ({reason}). The agent stays connected; retrying.',
  'notice.upstreamHoldDropped':
    '{n} frames the agent sent while its first dialogue-server connection opened were not forwarded: {reason}.',
  'notice.upstreamUnreachable': 'The dialogue server at {url} is not reachable yet ({reason}); retrying.',
  'notice.upstreamRecut':
    "The dialogue server sent a {bytes}-byte frame; it was re-cut into {pieces} frames of at most 4,096 bytes to protect the agent's 8,192-byte buffer (noted once per session).",
  'notice.upstreamStalled':
    'The dialogue server left an item unfinished for {seconds} s; the panel finished it ({bytes} bytes) and sent its own {waiting} waiting frames.',
  'notice.agentAudioReset':
    "The agent's audio state was reset as a reconnect would reset it: {bytes} bytes finished a half-sent item; sent {sent}.",
  'notice.micStreaming': 'Microphone streaming to agent #{id} (model {model}).',
  'notice.fileStreaming':
    'Streaming "{name}" to agent #{id}: {duration}, {bytes} bytes in {packets} packets (model {model}).',
  'notice.streamFinished': 'Finished streaming {what} to agent #{id}: {duration}, {bytes} bytes in {packets} packets.',
  'notice.streamStopped':
    'Stopped streaming {what} to agent #{id} ({reason}) after {duration}, {bytes} bytes in {packets} packets.',
  'notice.downAudioStart': 'audio stream from the dialogue server started ({mode})',
  'notice.downAudioEnd':
    'audio stream ended ({reason}): {seconds} s of audio in {packets} packets ({bytes} bytes) over {over} s',
  'notice.said': 'Said to agent #{id} with the {engine} ({voice}): “{text}” ({duration}; sentences: {sentences}).',
  'notice.speechStopped': 'Speech to agent #{id} stopped ({reason}) after {duration} ({engine}, {voice}): “{text}”.',
  'notice.speechFailed': 'Speech to agent #{id} failed after {duration} ({engine}, {voice}): {error} (text: “{text}”)',
  'notice.viewGap': '{n} messages not shown here: this view fell behind. The session log on disk has every one.',
  'notice.microphone': 'the microphone',
  'notice.seconds': '{s} s',
  'notice.droppedChunks': '{n} microphone chunks ahead of real time were dropped.',
  'notice.file': '"{name}"',
} as const;
