/** Quick-command actions through the real bridge and api, over a transport that records requests. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QuickCommand } from '../../../common/quick-commands.js';
import { exportSet, importSet, runCommand } from '../../../renderer/actions/quick.js';
import { resetStore, useStore } from '../../../renderer/store/index.js';
import { SNAPSHOT, installFakeApi } from '../../support/fake-api.js';

let api: ReturnType<typeof installFakeApi>;
beforeAll(() => {
  api = installFakeApi();
});
beforeEach(async () => {
  resetStore();
  useStore.getState().hydrate(structuredClone(SNAPSHOT));
  api.calls.length = 0;
  api.answer(() => ({ ok: true, lines: 1, sessions: 1 }));
});

const command = (patch: Partial<QuickCommand>): QuickCommand => ({
  id: 'c1',
  label: 'Greet',
  lines: 'A|1',
  hotkey: '',
  color: '',
  to: 'agent',
  ...patch,
});
const sends = (): unknown[] => api.calls.filter(([ch]) => ch === 'message:send').map(([, arg]) => arg);

describe('quick-command actions', () => {
  it('sends the lines in order to the target, with the model alias filled in', async () => {
    useStore.setState({ target: 1, settings: { ...SNAPSHOT.settings, modelAlias: 'mei' } });
    await runCommand(command({ lines: 'MOTION_ADD|{model}|greet|bow.vmd\nSYNTH_START|{model}|v|hello' }));
    expect(sends()).toEqual([
      { target: 1, text: 'MOTION_ADD|mei|greet|bow.vmd', to: 'agent' },
      { target: 1, text: 'SYNTH_START|mei|v|hello', to: 'agent' },
    ]);
    expect(useStore.getState().quickMessage).toBeNull();
    expect(useStore.getState().running).toBeNull();
  });

  it('will not send a command meant for the dialogue server while proxy mode is off, and says so', async () => {
    await runCommand(command({ to: 'server' }));
    expect(sends()).toEqual([]);
    expect(useStore.getState().quickMessage).toEqual({
      error: true,
      words: { key: 'quick.needsProxy', params: { label: 'Greet' } },
    });
  });

  it("stops at the line the core refused, keeping the core's reason as a code", async () => {
    api.answer((_ch, arg) =>
      (arg as { text: string }).text === 'B|2'
        ? { ok: false, problem: { key: 'noAgent' } }
        : { ok: true, lines: 1, sessions: 1 },
    );
    await runCommand(command({ lines: 'A|1\nB|2\nC|3' }));
    expect(sends().map((s) => (s as { text: string }).text)).toEqual(['A|1', 'B|2']);
    expect(useStore.getState().quickMessage).toEqual({
      error: true,
      words: { key: 'quick.stoppedAt', params: { label: 'Greet', line: 2, error: { problem: { key: 'noAgent' } } } },
    });
  });

  it('refuses a file that is not JSON, or not a set, and changes nothing', async () => {
    expect(await importSet(new File(['{nope'], 'bad.json'))).toMatchObject({
      key: 'quick.importNotJson',
      params: { name: 'bad.json' },
    });
    expect(
      await importSet(
        new File([JSON.stringify({ name: 'X', commands: [{ label: 'L', lines: ['SNDFILE'] }] })], 'set.json'),
      ),
    ).toEqual({
      key: 'quick.importBad',
      params: {
        name: 'set.json',
        error: {
          quickSet: {
            code: 'command',
            index: 1,
            label: 'L',
            problem: { code: 'lines', line: 1, problem: { code: 'snd' } },
          },
        },
      },
    });
    expect(api.calls).toEqual([]);
  });

  it('imports a good set as a new, active set with a name of its own, saved through the core', async () => {
    const file = new File(
      [
        JSON.stringify({
          name: 'Demo A',
          commands: [{ label: 'Hi', lines: ['A|1', 'wait 200', 'B|2'], hotkey: 'f2' }],
        }),
      ],
      'demo.json',
    );
    expect(await importSet(file)).toBeNull();
    const [[channel, arg]] = api.calls as [
      [string, { patch: { quickSets: { name: string; commands: QuickCommand[] }[]; activeQuickSet: string } }],
    ];
    expect(channel).toBe('settings:update');
    const added = arg.patch.quickSets.at(-1)!;
    expect(added.name).toBe('Demo A (2)');
    expect(added.commands).toMatchObject([{ label: 'Hi', lines: 'A|1\nwait 200\nB|2', hotkey: 'F2' }]);
    expect(arg.patch.activeQuickSet).toBe(useStore.getState().settings!.activeQuickSet);
  });

  it('exports a set as its portable JSON under a safe file name', async () => {
    await exportSet({ id: 's', name: 'Demo/A: "x"', commands: [command({ lines: 'A|1\nB|2' })], presets: [] });
    const [[channel, arg]] = api.calls as [[string, { suggestedName: string; content: string }]];
    expect(channel).toBe('file:save');
    expect(arg.suggestedName).toBe('Demo_A_ _x_.json');
    expect(JSON.parse(arg.content)).toEqual({
      format: 'remote-panel-quick-commands',
      version: 1,
      name: 'Demo/A: "x"',
      commands: [{ label: 'Greet', lines: ['A|1', 'B|2'] }],
    });
  });
});
