import { describe, expect, it } from 'vitest';
import { NOTICE_WORDS } from '../../../common/notice-words.js';
import type { NoticeKey } from '../../../common/problems.js';
import type { LogEntry } from '../../../common/log.js';
import { resolveLang, translate, translator } from '../../../renderer/i18n/index.js';
import { en } from '../../../renderer/i18n/en.js';
import { ja } from '../../../renderer/i18n/ja.js';
import { noticeText } from '../../../renderer/i18n/notices.js';
import { listenProblemText, word } from '../../../renderer/i18n/problems.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('Japanese and English', () => {
  it('follows the OS unless a language is chosen', () => {
    expect(resolveLang('auto', ['ja-JP', 'en-US'])).toBe('ja');
    expect(resolveLang('auto', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLang('auto', ['de-DE'])).toBe('en');
    expect(resolveLang('en', ['ja-JP'])).toBe('en');
    expect(resolveLang('ja', ['en-US'])).toBe('ja');
  });

  it('has every string in both, with the same placeholders, and message names left as they are', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key], key).toBeTruthy();
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
    expect(ja['compose.empty']).toContain('MOTION_ADD|0|wave|motions/action/wavehand.vmd');
    expect(translate('ja', 'proxy.retryNowFor', { agentId: 3 })).toBe('今すぐ再接続（エージェント #3）');
    expect(translate('en', 'log.countFiltered', { shown: '1', total: '2' })).toBe('1 of 2');
  });

  it('words a core notice from its key in either language, and an entry without a key by its text', () => {
    const entry: LogEntry = {
      id: 1,
      t: 0,
      dir: 'sys',
      agentId: 1,
      kind: 'status',
      type: 'STATUS',
      text: 'MMDAgent-EX connected from 127.0.0.1:5000 to /chat (agent #1).',
      msg: { key: 'agentConnected', params: { remote: '127.0.0.1:5000', path: '/chat', agentId: 1 } },
    };
    expect(noticeText(entry, translator('ja'), 'ja')).toBe(
      'MMDAgent-EX が 127.0.0.1:5000 から /chat に接続しました（エージェント #1）。',
    );
    expect(noticeText(entry, translator('en'), 'en')).toBe(entry.text);
    expect(noticeText({ ...entry, msg: undefined }, translator('ja'), 'ja')).toBe(entry.text);
  });

  it('words the reason codes inside a notice, not just the sentence around them', () => {
    const left: LogEntry = {
      id: 2,
      t: 0,
      dir: 'sys',
      agentId: 1,
      kind: 'status',
      type: 'STATUS',
      text: '',
      msg: {
        key: 'agentLeft',
        params: { agentId: 1, remote: '127.0.0.1:5000', reason: 'agentClosed', detail: '1000' },
      },
    };
    expect(noticeText(left, translator('ja'), 'ja')).toBe(
      'エージェント #1（127.0.0.1:5000）が切断しました: エージェントが接続を閉じました（1000）。',
    );
    expect(noticeText(left, translator('en'), 'en')).toBe('Agent #1 (127.0.0.1:5000) left: agent closed (1000).');
  });
});

describe('a Say in the log, in the UI language', () => {
  it('words the utterance, its engine and a failure carried as codes', async () => {
    const { flatProblem } = await import('../../../electron/core/speech/speech-notices.js');
    const { noticeEnglish } = await import('../../../electron/core/log-words.js');
    const story = {
      agentId: 2,
      engine: 'voicevox',
      voice: 'ずんだもん (ノーマル)',
      text: 'こんにちは',
      duration: 1.5,
      sentences: 1,
    };
    const said: LogEntry = {
      id: 3,
      t: 0,
      dir: 'sys',
      agentId: 2,
      kind: 'status',
      type: 'STATUS',
      text: '',
      msg: { key: 'said', params: story },
    };
    expect(noticeText(said, translator('en'), 'en')).toBe(
      'Said to agent #2 with the VOICEVOX-compatible engine (ずんだもん (ノーマル)): "こんにちは" (1.50 s; sentences: 1).',
    );
    expect(noticeText(said, translator('ja'), 'ja')).toBe(
      'エージェント #2 に VOICEVOX 互換エンジン（ずんだもん (ノーマル)）でしゃべらせました: 「こんにちは」（1.50 秒、1 文）。',
    );
    const problem = {
      key: 'engineHttp',
      engine: 'voicevox',
      url: 'http://127.0.0.1:50021/synthesis?speaker=3',
      status: 500,
      message: 'boom',
    } as const;
    const failed: LogEntry = {
      ...said,
      kind: 'error',
      msg: { key: 'speechFailed', params: { ...story, ...flatProblem(problem) } },
    };
    expect(noticeText(failed, translator('en'), 'en')).toBe(
      'Speech to agent #2 failed after 1.50 s (VOICEVOX-compatible engine, ずんだもん (ノーマル)): The VOICEVOX-compatible engine answered HTTP 500: boom (text: "こんにちは").',
    );
    expect(noticeText(failed, translator('ja'), 'ja')).toContain(
      'VOICEVOX 互換エンジン が HTTP 500 を返しました: boom',
    );
    expect(noticeEnglish(failed.msg!)).toBe(
      'Speech to agent #2 failed after 1.50 s (VOICEVOX-compatible engine, ずんだもん (ノーマル)): the engine answered HTTP 500: boom (text: "こんにちは").',
    );
  });
});

describe('what the core reports, in the UI language', () => {
  const ja = translator('ja');
  it('words a taken port, a send with no agent, a periodic message that cannot start and a retry with no link in Japanese', () => {
    expect(listenProblemText({ code: 'EADDRINUSE', host: '127.0.0.1', port: 43705, suggestedPort: 43706 }, ja)).toBe(
      '127.0.0.1 のポート 43705 は他のプログラムが使っています。別のポートを選んでください（.mdf の Plugin_Remote_Websocket_Port も合わせて変えてください）。',
    );
    expect(word({ problem: { key: 'noAgent' } }, ja)).toBe('MMDAgent-EX が接続していないため、何も送っていません。');
    expect(word({ problem: { key: 'periodicInterval', min: 0.1, max: 3600 } }, ja)).toBe(
      '間隔は 0.1 秒から 3600 秒の間で指定してください。',
    );
    expect(word({ problem: { key: 'nothingToRetry' } }, ja)).toBe('再接続を待っている対話サーバへの接続はありません。');
    expect(word({ problem: { key: 'proxyOff' } }, ja)).toMatch(/^中継モードがオフ/);
  });

  it('words nested problems (a setting whose quick set has a bad line) in one sentence', () => {
    const words = word(
      {
        problem: {
          key: 'setting',
          setting: 'quickSets',
          problem: {
            code: 'quick-set',
            problem: {
              code: 'command',
              index: 2,
              label: 'Greet',
              problem: { code: 'lines', line: 1, problem: { code: 'snd' } },
            },
          },
        },
      },
      translator('en'),
    );
    expect(words).toBe(
      'Setting “quickSets”: Command 2 (“Greet”): Line 1: A text message cannot start with "SND": MMDAgent-EX would read it as an audio packet.',
    );
  });
});

describe('the English notice words, written once', () => {
  it('word every notice and reason the same on disk and in the English UI', async () => {
    const { noticeEnglish } = await import('../../../electron/core/log-words.js');
    const en = translator('en');
    for (const key of Object.keys(NOTICE_WORDS) as NoticeKey[]) {
      const params = { agentId: 3, remote: '127.0.0.1:5000', url: 'ws://x', reason: 'agentDisconnected' };
      const entry: LogEntry = {
        id: 1,
        t: 0,
        dir: 'sys',
        agentId: 3,
        kind: 'status',
        type: 'STATUS',
        text: '',
        msg: { key, params },
      };
      if (key === 'speechFailed') continue;
      expect(noticeText(entry, en, 'en')).toBe(noticeEnglish({ key, params }));
    }
  });
});
