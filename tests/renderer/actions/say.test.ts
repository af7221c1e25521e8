/** Say actions through the real bridge and api, over a transport that records requests. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadVoices, saveVoice, sayOutcome, sayText, setSpeechKey, stopSpeech } from '../../../renderer/actions/say.js';
import { runCommand } from '../../../renderer/actions/quick.js';
import { word as sayWords } from '../../../renderer/i18n/problems.js';
import { translator } from '../../../renderer/i18n/index.js';
import { useStore } from '../../../renderer/store/index.js';
import { SAY_HISTORY_MAX } from '../../../renderer/store/say-slice.js';
import { SNAPSHOT, useFakeApi } from '../../support/fake-api.js';

const fake = useFakeApi({ beforeAll, beforeEach });

const en = translator('en');
const ja = translator('ja');
const calls = (channel: string): unknown[] => fake.api.calls.filter(([ch]) => ch === channel).map(([, arg]) => arg);

describe('Say actions', () => {
  it('says the text to the Speech card’s agent and model, remembers it, and says what happened', async () => {
    useStore.setState({ target: 1, settings: { ...SNAPSHOT.settings, modelAlias: 'mei' } });
    fake.api.answer(() => ({ ok: true, engine: 'voicevox', sentences: 2, queued: false, replaced: 'intro.wav' }));
    expect(await sayText(' こんにちは。元気？ ')).toBe(true);
    expect(calls('speech:say')).toEqual([
      { agentId: 1, alias: 'mei', text: ' こんにちは。元気？ ', whenBusy: 'queue' },
    ]);
    const s = useStore.getState();
    expect(s.sayHistory).toEqual(['こんにちは。元気？']);
    expect(sayWords(s.sayMessage!.words, en)).toBe(
      'Saying it to agent #1 with the VOICEVOX-compatible engine; it replaced “intro.wav”.',
    );
    expect(sayWords(s.sayMessage!.words, ja)).toBe(
      'エージェント #1 に VOICEVOX 互換エンジン でしゃべらせています。「intro.wav」を置き換えました。',
    );
    expect(s.sayBusy).toBe(false);
  });

  it('keeps the text (returns false) when the core refuses, with the engine’s problem in words', async () => {
    fake.api.answer(() => ({
      ok: false,
      problem: { key: 'engineUnreachable', engine: 'voicevox', url: 'http://127.0.0.1:50021', detail: 'ECONNREFUSED' },
    }));
    expect(await sayText('hello')).toBe(false);
    const s = useStore.getState();
    expect(s.sayHistory).toEqual([]);
    expect(s.sayMessage!.error).toBe(true);
    expect(sayWords(s.sayMessage!.words, en)).toBe(
      'Cannot reach the VOICEVOX-compatible engine at http://127.0.0.1:50021 (ECONNREFUSED). Start VOICEVOX, or its engine with --host 127.0.0.1, and check the Engine URL.',
    );
    expect(sayWords(s.sayMessage!.words, ja)).toContain(
      'http://127.0.0.1:50021 の VOICEVOX 互換エンジン に接続できません',
    );
  });

  it('with several agents and Target "all", asks for one and sends nothing', async () => {
    useStore.getState().setAgents([...SNAPSHOT.agents, { ...SNAPSHOT.agents[0]!, agentId: 2 }]);
    useStore.setState({ target: 'all' });
    expect(await sayText('hello')).toBe(false);
    expect(calls('speech:say')).toEqual([]);
    expect(useStore.getState().sayMessage).toEqual({ error: true, words: { key: 'audio.chooseAgent' } });
  });

  it('words each outcome: queued, the agent’s own voice, stopped before anything was sent', () => {
    expect(sayWords(sayOutcome({ ok: true, engine: 'system', sentences: 1, queued: true }, 3, '').words, en)).toBe(
      'Queued for agent #3 after the audio playing now (system voice).',
    );
    expect(
      sayWords(sayOutcome({ ok: true, engine: 'agent', sentences: 1, queued: false }, 3, 'mei_voice_sad').words, en),
    ).toBe('Sent SYNTH_START to agent #3: MMDAgent-EX says it with mei_voice_sad.');
    expect(sayOutcome({ ok: false, cancelled: true }, 3, '')).toEqual({
      ok: false,
      error: false,
      words: { key: 'say.cancelled' },
    });
  });

  it('keeps at most 50 said lines, newest last, without repeats', () => {
    const s = useStore.getState();
    for (let i = 0; i < SAY_HISTORY_MAX + 5; i++) s.rememberSaid(`line ${i}`);
    s.rememberSaid('line 10');
    const history = useStore.getState().sayHistory;
    expect(history).toHaveLength(SAY_HISTORY_MAX);
    expect(history.at(-1)).toBe('line 10');
    expect(history.filter((h) => h === 'line 10')).toHaveLength(1);
  });

  it('loads voices through the core, and saves the chosen one with the other engines’ left as they were', async () => {
    fake.api.answer((ch) =>
      ch === 'speech:voices' ? { ok: true, voices: [{ id: '3', label: 'ずんだもん (ノーマル)' }] } : { ok: true },
    );
    await loadVoices('voicevox');
    expect(useStore.getState().voiceLists.voicevox).toEqual({
      voices: [{ id: '3', label: 'ずんだもん (ノーマル)' }],
      loading: false,
      problem: null,
    });
    await saveVoice('voicevox', '3');
    const patch = calls('settings:update').at(-1) as { patch: { speech: { voices: Record<string, string> } } };
    expect(patch.patch.speech.voices).toEqual({ ...SNAPSHOT.settings.speech.voices, voicevox: '3' });
    expect(useStore.getState().settings!.speech.voices.voicevox).toBe('3');
  });

  it('Stop speech asks the core for the agent and model; the key is write-only and an empty one is not sent', async () => {
    fake.api.answer((ch) =>
      ch === 'speech:set-key'
        ? { ok: true, state: { set: true, store: 'settings-file' } }
        : { ok: false, problem: { key: 'nothingSpeaking' } },
    );
    useStore.setState({ target: 1 });
    await stopSpeech();
    expect(calls('speech:stop')).toEqual([{ agentId: 1, alias: '0' }]);
    expect(sayWords(useStore.getState().sayMessage!.words, en)).toBe('Nothing is being said to this agent.');
    expect(await setSpeechKey('   ')).toEqual({ key: 'say.keyEmpty' });
    expect(calls('speech:set-key')).toEqual([]);
    expect(await setSpeechKey('sk-1')).toBeNull();
    expect(useStore.getState().keyState).toEqual({ set: true, store: 'settings-file' });
  });

  it('a refused setting (a bad Engine URL) is shown and undone, so the next change does not carry it', async () => {
    fake.api.answer((ch) =>
      ch === 'settings:update'
        ? {
            ok: false,
            problem: { key: 'setting', setting: 'speech', problem: { code: 'speech', field: 'voicevoxUrl' } },
          }
        : { ok: true },
    );
    const { saveSpeech, engineUrl } = await import('../../../renderer/actions/say.js');
    expect(engineUrl('127.0.0.1:50021')).toBe('http://127.0.0.1:50021');
    expect(engineUrl(' https://tts.example/ ')).toBe('https://tts.example/');
    await saveSpeech({ voicevoxUrl: 'ftp://nope' });
    expect(useStore.getState().settings!.speech.voicevoxUrl).toBe(SNAPSHOT.settings.speech.voicevoxUrl);
    expect(sayWords(useStore.getState().sayMessage!.words, en)).toBe(
      'Setting “speech”: the Engine URL must be an http:// or https:// address, such as http://127.0.0.1:50021.',
    );
  });

  it('an older voice list that answers late never overwrites a newer one', async () => {
    const answers: ((v: unknown) => void)[] = [];
    fake.api.answer(() => new Promise((resolve) => answers.push(resolve)));
    const older = loadVoices('system');
    const newer = loadVoices('system');
    answers[1]!({ ok: true, voices: [{ id: 'en-us', label: 'new' }] });
    await newer;
    answers[0]!({ ok: false, problem: { key: 'engineTimeout', engine: 'system', url: 'espeak-ng', seconds: 20 } });
    await older;
    expect(useStore.getState().voiceLists.system).toEqual({
      voices: [{ id: 'en-us', label: 'new' }],
      loading: false,
      problem: null,
    });
  });

  it('a quick command’s say step goes to the core with its engine and voice, queued', async () => {
    useStore.setState({ target: 1 });
    fake.api.answer(() => ({ ok: true, engine: 'voicevox', sentences: 1, queued: false }));
    await runCommand({ id: 'c', label: 'Hi', lines: 'say[voicevox:3] やあ', hotkey: '', color: '', to: 'agent' });
    expect(calls('speech:say')).toEqual([
      { agentId: 1, alias: '0', text: 'やあ', engine: 'voicevox', voice: '3', whenBusy: 'queue' },
    ]);
  });
});
