import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergedSettingsProblem, settingsProblem } from '../../../common/settings-rules.js';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsStore, sanitize } from '../../../electron/core/settings.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'rp-settings-'));

describe('settings', () => {
  it('defaults to the documented endpoint ws://127.0.0.1:9001/chat', () => {
    expect(new SettingsStore(null).get()).toMatchObject({ wsHost: '127.0.0.1', wsPort: 9001, wsPath: '/chat' });
  });

  it('validates host, port, path and types with messages', () => {
    expect(settingsProblem({ wsPort: 70000 })).toEqual({
      key: 'setting',
      setting: 'wsPort',
      problem: { code: 'port' },
    });
    expect(settingsProblem({ wsPort: 9.5 })).toEqual({ key: 'setting', setting: 'wsPort', problem: { code: 'port' } });
    expect(settingsProblem({ wsPath: '/chat room' })).toEqual({
      key: 'setting',
      setting: 'wsPath',
      problem: { code: 'path' },
    });
    expect(settingsProblem({ wsHost: 'bad host' })).toEqual({
      key: 'setting',
      setting: 'wsHost',
      problem: { code: 'host' },
    });
    expect(settingsProblem({ wsPort: '9001' as unknown as number })).toEqual({
      key: 'setting',
      setting: 'wsPort',
      problem: { code: 'type' },
    });
    expect(settingsProblem({ nope: 1 } as never)).toEqual({
      key: 'setting',
      setting: 'nope',
      problem: { code: 'unknown' },
    });
    expect(settingsProblem({ wsHost: 'localhost', wsPort: 9002, wsPath: '/chat/abc' })).toBeNull();
  });

  it('persists updates atomically and reads them back', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    const a = new SettingsStore(path);
    a.update({ wsPort: 9100, wsPath: 'chat2' });
    expect(new SettingsStore(path).get()).toMatchObject({ wsPort: 9100, wsPath: '/chat2' });
    expect(() => a.update({ wsPort: -1 })).toThrow(/port/);
    expect(new SettingsStore(path).get().wsPort).toBe(9100);
  });

  it('moves a corrupt file aside with a message and uses defaults', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"wsPort": 91');
    const s = new SettingsStore(path);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.recovery).toMatchObject({
      key: 'settingsCorrupt',
      params: { aside: expect.stringMatching(/corrupt/), error: expect.any(String) },
    });
    /* A fresh file with defaults takes its place; the unreadable one is kept beside it. */
    expect(readFileSync(path, 'utf8')).not.toContain('"wsPort": 91');
    const aside = readdirSync(dir).find((f) => f.includes('.corrupt-'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"wsPort": 91');
  });

  it('keeps valid keys of a partly wrong file', () => {
    expect(sanitize({ wsPort: 9200, wsHost: 42, wsPath: '/x y' })).toEqual({ ...DEFAULT_SETTINGS, wsPort: 9200 });
    expect(sanitize(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts only ws:// or wss:// upstream URLs, and proxy mode only with one', () => {
    const url = (problem: unknown) => ({
      key: 'setting',
      setting: 'upstreamUrl',
      problem: { code: 'upstream-url', problem },
    });
    expect(settingsProblem({ upstreamUrl: 'ws://127.0.0.1:9002/chat' })).toBeNull();
    expect(settingsProblem({ upstreamUrl: 'wss://dialogue.example.org/chat' })).toBeNull();
    expect(settingsProblem({ upstreamUrl: '' })).toBeNull();
    expect(settingsProblem({ upstreamUrl: 'http://127.0.0.1:9002/' })).toEqual(url({ code: 'scheme' }));
    expect(settingsProblem({ upstreamUrl: '127.0.0.1:9002' })).toEqual(
      url({ code: 'not-url', value: '127.0.0.1:9002' }),
    );
    expect(settingsProblem({ upstreamUrl: 'not a url' })).toEqual(url({ code: 'not-url', value: 'not a url' }));
    expect(settingsProblem({ upstreamUrl: 'ws://u:p@h/' })).toEqual(url({ code: 'credentials' }));
    const bound = {
      state: 'listening',
      url: 'ws://127.0.0.1:9001/chat',
      host: '127.0.0.1',
      port: 9001,
      path: '/chat',
    } as const;
    expect(mergedSettingsProblem({ ...DEFAULT_SETTINGS, upstreamEnabled: true, upstreamUrl: ' ' }, bound)).toEqual({
      key: 'upstreamNoUrl',
    });
    expect(
      mergedSettingsProblem(
        { ...DEFAULT_SETTINGS, upstreamEnabled: true, upstreamUrl: 'ws://localhost:9001/chat' },
        bound,
      ),
    ).toEqual({ key: 'upstreamLoop', url: 'ws://localhost:9001/chat' });
    expect(
      mergedSettingsProblem(
        { ...DEFAULT_SETTINGS, upstreamEnabled: true, upstreamUrl: 'ws://127.0.0.1:9002/chat' },
        bound,
      ),
    ).toBeNull();
    expect(DEFAULT_SETTINGS.upstreamEnabled).toBe(false);
  });

  it('migrates a 1.0 settings file: keeps its values, takes the window size from window-state.json, adds the new keys', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    writeFileSync(
      path,
      JSON.stringify({
        wsHost: '127.0.0.1',
        wsPort: 9300,
        wsPath: '/chat',
        echoTimeoutSec: 5,
        modelAlias: 'mei',
        audioMaxSec: 600,
        allowedOrigins: [],
      }),
    );
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ x: 10, y: 20, width: 1000, height: 700 }));
    const s = new SettingsStore(path).get();
    expect(s).toMatchObject({
      wsPort: 9300,
      modelAlias: 'mei',
      windowBounds: { x: 10, y: 20, width: 1000, height: 700 },
      language: 'auto',
      theme: 'system',
    });
    expect(s.quickSets.map((q) => q.name)).toEqual(['Demo A']);
    expect(existsSync(join(dir, 'window-state.json'))).toBe(false);
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as {
      __internal__?: { migrations?: { version?: string } };
      windowBounds?: unknown;
    };
    expect(onDisk.__internal__?.migrations?.version).toBe(SETTINGS_VERSION);
    expect(onDisk.windowBounds).toEqual({ x: 10, y: 20, width: 1000, height: 700 });
  });

  it("migrates a 2.0 file: the example set's lines name the example content's bow, and nothing else changes", () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    const greet = 'MOTION_ADD|{model}|greet|motions/action/bow.vmd|PART|ONCE\nwait 600';
    const mine = {
      id: 'c9',
      label: 'Mine',
      lines: 'MOTION_ADD|{model}|x|motions/action/bow.vmd|PART|ONCE',
      hotkey: '',
      color: '',
      to: 'agent',
    };
    writeFileSync(
      path,
      JSON.stringify({
        __internal__: { migrations: { version: '2.0.0' } },
        quickSets: [
          {
            id: 'set-demo-a',
            name: 'Demo A',
            commands: [
              { ...mine, id: 'c1', label: 'Greet', lines: greet },
              { ...mine, label: 'Extra', lines: 'KEY|1' },
            ],
          },
          { id: 'set-own', name: 'Own', commands: [mine] },
        ],
      }),
    );
    const sets = new SettingsStore(path).get().quickSets;
    expect(sets[0]!.commands.map((c) => [c.label, c.lines])).toEqual([
      ['Greet', 'MOTION_ADD|{model}|greet|motions/action/ojigi.vmd|PART|ONCE\nwait 600'],
      ['Extra', 'KEY|1'],
    ]);
    expect(sets[1]!.commands[0]!.lines).toBe(mine.lines);
    /* 2.2.0 follows: the example set gets its face presets, the operator's own set none. */
    expect(sets[0]!.presets.map((p) => [p.name, p.hotkey])).toEqual([
      ['Smile', 'Shift+1'],
      ['Laugh', 'Shift+2'],
      ['Eyes closed', 'Shift+3'],
      ['Troubled', 'Shift+4'],
      ['Neutral', 'Shift+0'],
    ]);
    expect(sets[1]!.presets).toEqual([]);
  });

  it('keeps the presets an operator gave the example set, and the model files it was given', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    const own = { name: 'Mine', morphs: { a: 1 }, hotkey: 'F9' };
    const models = { 'gene.pmd': { file: 'Gene.pmd', morphs: ['まばたき'], loadedAt: 1 } };
    writeFileSync(
      path,
      JSON.stringify({
        __internal__: { migrations: { version: '2.1.0' } },
        quickSets: [{ id: 'set-demo-a', name: 'Demo A', commands: [], presets: [own] }],
        avatarModels: models,
      }),
    );
    const s = new SettingsStore(path).get();
    expect(s.quickSets[0]!.presets).toMatchObject([own]);
    expect(s.avatarModels).toEqual(models);
    expect(settingsProblem({ avatarModels: { 'other.pmd': models['gene.pmd'] } })).toMatchObject({
      setting: 'avatarModels',
      problem: { code: 'models' },
    });
    expect(settingsProblem({ faceTransitionSec: 11 })).toMatchObject({ problem: { code: 'face-transition' } });
  });

  it('persists UI preferences and quick-command sets, and refuses a set with a bad line', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    const set = {
      id: 's1',
      name: 'Debug',
      commands: [
        { id: 'c1', label: 'Ping', lines: 'KEY|x\nwait 200\nKEY|y', hotkey: 'Ctrl+1', color: '', to: 'agent' as const },
      ],
      presets: [],
    };
    new SettingsStore(path).update({
      language: 'ja',
      theme: 'dark',
      quickSets: [set],
      activeQuickSet: 's1',
      logFilters: {
        text: 'MOTION',
        regex: true,
        dir: 'in',
        kind: 'all',
        types: [{ type: 'CURRENT_TIME', mode: 'exclude' }],
      },
    });
    const again = new SettingsStore(path).get();
    expect(again).toMatchObject({
      language: 'ja',
      theme: 'dark',
      activeQuickSet: 's1',
      logFilters: { regex: true, types: [{ type: 'CURRENT_TIME', mode: 'exclude' }] },
    });
    expect(again.quickSets).toEqual([set]);
    const bad = { ...set, commands: [{ ...set.commands[0]!, lines: 'SNDFOO' }] };
    expect(() => new SettingsStore(path).update({ quickSets: [bad] })).toThrow(/quick-set/);
    expect(settingsProblem({ language: 'fr' as never })).toMatchObject({
      setting: 'language',
      problem: { code: 'type' },
    });
    expect(settingsProblem({ logFilters: { ...DEFAULT_SETTINGS.logFilters, dir: 'sideways' as never } })).toMatchObject(
      { setting: 'logFilters', problem: { code: 'type' } },
    );
    expect(settingsProblem({ quickSets: [bad] })).toEqual({
      key: 'setting',
      setting: 'quickSets',
      problem: {
        code: 'quick-set',
        problem: {
          code: 'command',
          index: 1,
          label: bad.commands[0]!.label,
          problem: { code: 'lines', line: 1, problem: { code: 'snd' } },
        },
      },
    });
  });

  it('checks the Say settings field by field, and keeps them across runs', () => {
    const speech = DEFAULT_SETTINGS.speech;
    const problem = (patch: object) => settingsProblem({ speech: { ...speech, ...patch } as never });
    expect(problem({})).toBeNull();
    expect(problem({ engine: 'festival' })).toEqual({
      key: 'setting',
      setting: 'speech',
      problem: { code: 'speech', field: 'engine' },
    });
    expect(problem({ voicevoxUrl: 'javascript:alert(1)' })).toMatchObject({ problem: { field: 'voicevoxUrl' } });
    expect(problem({ openaiUrl: 'not a url' })).toMatchObject({ problem: { field: 'openaiUrl' } });
    expect(problem({ sliders: { ...speech.sliders, pitch: 0.5 } })).toMatchObject({ problem: { field: 'pitch' } });
    expect(problem({ sliders: { ...speech.sliders, speed: Number.NaN } })).toMatchObject({
      problem: { field: 'speed' },
    });
    expect(problem({ timeoutSec: 0 })).toMatchObject({ problem: { field: 'timeoutSec' } });
    expect(problem({ maxChars: 1.5 })).toMatchObject({ problem: { field: 'maxChars' } });
    expect(problem({ voices: { agent: 'x' } })).toMatchObject({ problem: { field: 'voices' } });
    expect(settingsProblem({ speech: null as never })).toMatchObject({ problem: { code: 'type' } });
    const path = join(fresh(), 'settings.json');
    const mine = {
      ...speech,
      engine: 'voicevox' as const,
      voices: { ...speech.voices, voicevox: '3' },
      sliders: { speed: 1.2, pitch: -0.05, intonation: 1, volume: 0.9 },
    };
    new SettingsStore(path).update({ speech: mine });
    expect(new SettingsStore(path).get().speech).toEqual(mine);
  });

  it('keeps the other settings when one stored key is broken', () => {
    expect(
      sanitize({ wsPort: 9400, quickSets: [{ name: 'x', commands: [{ label: '', lines: '' }] }], theme: 'neon' }),
    ).toMatchObject({ wsPort: 9400, theme: 'system', quickSets: DEFAULT_SETTINGS.quickSets });
  });

  it('says which stored settings could not be used, and keeps the file as it was before anything overwrites them', () => {
    const dir = fresh();
    const path = join(dir, 'settings.json');
    const original = JSON.stringify({
      wsPort: 9500,
      theme: 'neon',
      quickSets: [{ name: 'Mine', commands: [{ label: 'X', lines: ['SNDFOO'] }] }],
    });
    writeFileSync(path, original);
    const s = new SettingsStore(path);
    expect(s.get()).toMatchObject({ wsPort: 9500, theme: 'system' });
    expect(s.recovery).toMatchObject({
      key: 'settingsInvalid',
      params: { keys: 'theme, quickSets', kept: expect.stringMatching(/invalid/) },
    });
    const kept = readdirSync(dir).find((f) => f.includes('.invalid-'))!;
    /* conf has already stamped its migration version into the file; everything else is as it was. */
    const read = (): unknown => {
      const { __internal__: _stamp, ...rest } = JSON.parse(readFileSync(join(dir, kept), 'utf8')) as Record<
        string,
        unknown
      >;
      return rest;
    };
    expect(read()).toEqual(JSON.parse(original));
    s.update({ quickSets: [] });
    expect(read()).toEqual(JSON.parse(original));
  });
});
