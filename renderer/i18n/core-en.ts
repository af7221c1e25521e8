/**
 * English words for what the core reports as codes: problems, listener errors, reasons and
 * log notices. Kept beside `en.ts` (which spreads it in) so the UI's own table stays readable.
 */
import { NOTICE_PARTS, NOTICE_WORDS, REASON_WORDS, prefixed } from '../../common/notice-words';

export const coreEn = {
  'problem.noAgent': 'No MMDAgent-EX is connected, so nothing was sent.',
  'problem.cannotListen': 'Nothing was changed and no agent was disconnected: {why}',
  'problem.agentGone': 'Agent #{agentId} is no longer connected, so nothing was sent.',
  'problem.proxyOff': 'Proxy mode is off: there is no dialogue server to send to. Set an upstream URL in Settings.',
  'problem.upstreamDown': 'The dialogue server link of agent #{agentIds} is not up, so nothing was sent.',
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
  'setting.agentName':
    'an agent name has 1 to {max} characters, without spaces at either end, "/", "|", quotes, braces or angle brackets.',
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

  ...prefixed('reason.', REASON_WORDS),
  ...prefixed('notice.', NOTICE_WORDS),
  ...prefixed('notice.', NOTICE_PARTS),
  'notice.seconds': '{s} s',
} as const;
