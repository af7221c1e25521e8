/**
 * Problems in words, in the UI's language: the core's (`Problem`, switched over its key with
 * assertNever) and the shared checks' (protocol rules, quick commands, set files), which the
 * renderer runs itself before anything is sent.
 */
import { AGENT_NAME_MAX } from '../../common/agent-names';
import { assertNever } from '../../common/assert-never';
import type {
  CommandProblem,
  ListenProblem,
  PresetProblem,
  Problem,
  QuickSetProblem,
  SettingProblem,
  UrlProblem,
} from '../../common/problems';
import type { QuickCommand } from '../../common/quick-commands';
import { commandProblem as findCommandProblem } from '../../common/quick-commands';
import type { Translate, Words } from '.';
import { showProblemText } from './show-problems';
import { problemText } from './step-problems';

/** A problem of line `line` (of several), or of the only line. */
function atLine(text: string, line: number | undefined, t: Translate): string {
  return line === undefined ? text : t('wire.atLine', { line, problem: text });
}

function commandProblemText(p: CommandProblem, t: Translate): string {
  switch (p.code) {
    case 'label-empty':
      return t('editor.needLabel');
    case 'label-long':
      return t('editor.labelLong');
    case 'color':
      return t('editor.badColour');
    case 'lines':
      return p.problem.code === 'no-message' ? problemText(p.problem, t) : atLine(problemText(p.problem, t), p.line, t);
    default:
      return assertNever(p);
  }
}

/** Why a quick command cannot be saved, in words; null when it can. */
export function commandProblem(c: QuickCommand, t: Translate): string | null {
  const found = findCommandProblem(c);
  return found ? commandProblemText(found, t) : null;
}

/** Why a face preset cannot be kept, in words. */
export function presetProblemText(p: PresetProblem, t: Translate): string {
  switch (p.code) {
    case 'name-empty':
      return t('preset.needName');
    case 'name-long':
      return t('preset.nameLong');
    case 'too-many':
      return t('preset.tooMany');
    case 'morph':
      return t('preset.badMorph', { morph: p.morph });
    case 'value':
      return t('preset.badValue', { morph: p.morph });
    case 'action':
      return t('preset.badAction');
    case 'empty':
      return t('preset.empty');
    default:
      return assertNever(p);
  }
}

/** Why an imported file (or a stored value) is not a quick-command set, in words. */
export function setProblemText(p: QuickSetProblem, t: Translate): string {
  switch (p.code) {
    case 'not-set':
      return t('quick.notSet');
    case 'no-name':
      return t('quick.noName');
    case 'no-commands':
      return t('quick.noCommands');
    case 'command':
      return t('quick.badCommand', {
        n: p.index,
        label: p.label ? ` (“${p.label}”)` : '',
        problem: commandProblemText(p.problem, t),
      });
    case 'preset':
      return t('quick.badPreset', {
        n: p.index,
        name: p.name ? ` (“${p.name}”)` : '',
        problem: presetProblemText(p.problem, t),
      });
    default:
      return assertNever(p);
  }
}

function urlProblemText(p: UrlProblem, t: Translate): string {
  switch (p.code) {
    case 'not-url':
      return t('url.notUrl', { value: p.value });
    case 'scheme':
      return t('url.scheme');
    case 'credentials':
      return t('url.credentials');
    case 'hash':
      return t('url.hash');
    default:
      return assertNever(p);
  }
}

function settingProblemText(p: SettingProblem, t: Translate): string {
  switch (p.code) {
    case 'unknown':
      return t('setting.unknown');
    case 'type':
      return t('setting.type');
    case 'host':
      return t('setting.host');
    case 'port':
      return t('setting.port');
    case 'path':
      return t('setting.path');
    case 'origin':
      return t('setting.origin', { value: p.value });
    case 'echo-timeout':
      return t('setting.echoTimeout', { min: p.min, max: p.max });
    case 'alias':
      return t('setting.alias');
    case 'agent-name':
      return t('setting.agentName', { max: AGENT_NAME_MAX });
    case 'audio-max':
      return t('setting.audioMax', { min: p.min, max: p.max });
    case 'upstream-url':
      return urlProblemText(p.problem, t);
    case 'quick-set':
      return setProblemText(p.problem, t);
    case 'speech':
      return p.field.endsWith('Url') ? t('setting.speechUrl') : t('setting.speech', { field: p.field });
    case 'models':
      return t('setting.models');
    case 'show':
      return showProblemText(p.problem, t);
    case 'face-transition':
      return t('setting.faceTransition', { min: p.min, max: p.max });
    default:
      return assertNever(p);
  }
}

/** What the core refused, and why, in words. */
export function coreProblemText(p: Problem, t: Translate): string {
  switch (p.key) {
    case 'line':
      return atLine(problemText(p.problem, t), p.line, t);
    case 'noAgent':
    case 'proxyOff':
    case 'nothingToRetry':
    case 'periodicNotRunning':
    case 'upstreamNoUrl':
    case 'badAlias':
    case 'micBusy':
    case 'nothingStreaming':
    case 'micNotStreaming':
    case 'speechEmpty':
    case 'nothingSpeaking':
    case 'keyStoreUnavailable':
      return t(`problem.${p.key}`);
    case 'speechTooLong':
      return t('problem.speechTooLong', { chars: p.chars, max: p.max });
    case 'voiceBad':
      return t('problem.voiceBad', { voice: p.voice });
    case 'agentVoiceBusy':
      return t('problem.agentVoiceBusy', { name: p.name });
    case 'engineUnreachable':
      return t('problem.engineUnreachable', {
        engine: t(`engine.${p.engine}`),
        url: p.url,
        detail: p.detail,
        how: p.engine === 'voicevox' || p.engine === 'openai' ? t(`how.${p.engine}`) : '',
      }).trim();
    case 'engineHttp':
      return t('problem.engineHttp', { engine: t(`engine.${p.engine}`), status: p.status, message: p.message });
    case 'engineTimeout':
      return t('problem.engineTimeout', { engine: t(`engine.${p.engine}`), url: p.url, seconds: p.seconds });
    case 'engineUndecodable':
    case 'engineFailed':
      return t(`problem.${p.key}`, { engine: t(`engine.${p.engine}`), detail: p.detail });
    case 'engineMissing':
      return t('problem.engineMissing', { program: p.program, install: p.install });
    case 'engineUrl':
      return t('problem.engineUrl', { url: p.url });
    case 'engineNoVoice':
      return t('problem.engineNoVoice', { engine: t(`engine.${p.engine}`) });
    case 'agentGone':
      return t('problem.agentGone', { agentId: p.agentId });
    case 'cannotListen':
      return t('problem.cannotListen', { why: listenProblemText(p.listen, t) });
    case 'upstreamDown':
      return t('problem.upstreamDown', { agentIds: p.agentIds.join(', #') });
    case 'periodicInterval':
      return t('problem.periodicInterval', { min: p.min, max: p.max });
    case 'periodicLimit':
      return t('problem.periodicLimit', { max: p.max });
    case 'setting':
      return t('problem.setting', { setting: p.setting, problem: settingProblemText(p.problem, t) });
    case 'upstreamLoop':
      return t('problem.upstreamLoop', { url: p.url });
    case 'audioEmpty':
      return t('problem.audioEmpty', { name: p.name });
    case 'audioTooLong':
      return t('problem.audioTooLong', { name: p.name, seconds: p.seconds.toFixed(1), limit: p.limit });
    case 'fileBusy':
      return t('problem.fileBusy', { name: p.name });
    case 'writeFailed':
      return t('problem.writeFailed', { path: p.path, detail: p.detail });
    case 'morphName':
      return t('problem.morphName', { morph: p.morph });
    case 'actionNumber':
      return t('problem.actionNumber');
    case 'badMark':
      return t('problem.badMark');
    case 'streamMissing':
      return t('problem.streamMissing', { path: p.path });
    case 'streamNotWav':
      return t('problem.streamNotWav', { name: p.name });
    default:
      return assertNever(p);
  }
}

/** Why the listener could not start, from the OS error code. */
export function listenProblemText(p: ListenProblem, t: Translate): string {
  switch (p.code) {
    case 'EADDRINUSE':
      return t('listen.inUse', { host: p.host, port: p.port });
    case 'EACCES':
      return t('listen.denied', { port: p.port });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return t('listen.notLocal', { host: p.host });
    default:
      return t('listen.other', { host: p.host, port: p.port, detail: p.detail ?? p.code });
  }
}

/** `Words` kept in the store, said now. */
export function word(w: Words, t: Translate): string {
  if ('raw' in w) return w.raw;
  if ('problem' in w) return coreProblemText(w.problem, t);
  if ('step' in w) return problemText(w.step, t);
  if ('quickSet' in w) return setProblemText(w.quickSet, t);
  if ('preset' in w) return presetProblemText(w.preset, t);
  if ('show' in w) return showProblemText(w.show, t);
  if (!w.params) return t(w.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(w.params))
    params[name] = typeof value === 'object' ? word(value, t) : value;
  return t(w.key, params);
}
