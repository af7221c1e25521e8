/** Settings changes while agents are connected: a move needs confirmation, changes run one at a time. */
import { describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../../common/agents.js';
import type { ListenProblem } from '../../../common/problems.js';
import type { Settings } from '../../../common/settings.js';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings.js';
import { SettingsApplier, restartsListener } from '../../../electron/core/settings-apply.js';

const LISTENING: ServerStatus = {
  state: 'listening',
  url: 'ws://127.0.0.1:9001/chat',
  host: '127.0.0.1',
  port: 9001,
  path: '/chat',
};

function setup(agents = 1, refuse: ListenProblem | null = null, failHost: string | null = null) {
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);
  let status: ServerStatus = LISTENING;
  const log: string[] = [];
  let release: (() => void) | null = null;
  const applier = new SettingsApplier({
    current: () => settings,
    bound: () => status,
    agents: () => agents,
    commit: (patch) => {
      log.push(`commit ${Object.keys(patch).join(',')}`);
      settings = { ...settings, ...patch };
      return settings;
    },
    applied: () => log.push('applied'),
    probe: async (next) => {
      log.push(`probe ${next.wsPort}`);
      return refuse;
    },
    restartListener: () => {
      log.push(`restart ${settings.wsPort}`);
      if (failHost !== null) {
        status =
          settings.wsHost === failHost
            ? { ...LISTENING, state: 'error', error: { code: 'EADDRINUSE', host: failHost, port: settings.wsPort } }
            : LISTENING;
        return Promise.resolve();
      }
      return new Promise<void>((r) => (release = r));
    },
  });
  return { applier, log, settings: () => settings, bound: () => status, release: () => release?.() };
}

describe('restartsListener', () => {
  const before = { ...DEFAULT_SETTINGS, wsPort: 9001 };
  it('restarts for a new host, port or path, and for nothing else', () => {
    expect(restartsListener(before, { wsPort: 9002 }, LISTENING)).toBe(true);
    expect(restartsListener(before, { wsPath: '/other' }, LISTENING)).toBe(true);
    expect(restartsListener(before, { wsHost: '0.0.0.0' }, LISTENING)).toBe(true);
    expect(restartsListener(before, { wsPort: 9001, wsPath: '/chat' }, LISTENING)).toBe(false);
    expect(restartsListener(before, { theme: 'dark', echoTimeoutSec: 7 }, LISTENING)).toBe(false);
  });

  it('takes naming the port actually bound after port 0 as no move, and retries a listener that failed', () => {
    expect(restartsListener({ ...before, wsPort: 0 }, { wsPort: 9001 }, LISTENING)).toBe(false);
    const failed: ServerStatus = { ...LISTENING, state: 'error' };
    expect(restartsListener(before, { wsPort: 9001 }, failed)).toBe(true);
  });
});

describe('SettingsApplier', () => {
  it('refuses a bad patch with a problem, and writes nothing', async () => {
    const { applier, log } = setup();
    expect(await applier.update({ wsPort: 70_000 })).toEqual({
      ok: false,
      problem: { key: 'setting', setting: 'wsPort', problem: { code: 'port' } },
    });
    expect(log).toEqual([]);
  });

  it('asks before moving the listener while agents are connected, and moves once confirmed', async () => {
    const { applier, log, release } = setup(2);
    expect(await applier.update({ wsPort: 9002 })).toEqual({
      ok: false,
      needsConfirm: true,
      agents: 2,
      reason: 'move',
    });
    expect(log).toEqual(['probe 9002']);
    log.length = 0;
    const moving = applier.update({ wsPort: 9002 }, true);
    await expect.poll(() => log).toEqual(['probe 9002', 'commit wsPort', 'applied', 'restart 9002']);
    release();
    expect(await moving).toEqual({ ok: true });
  });

  it('tries the new address first: where it cannot listen, nothing is written, asked or closed', async () => {
    const inUse: ListenProblem = { code: 'EADDRINUSE', host: '127.0.0.1', port: 9002, suggestedPort: 9003 };
    const { applier, log, settings } = setup(2, inUse);
    expect(await applier.update({ wsPort: 9002 }, true)).toEqual({
      ok: false,
      problem: { key: 'cannotListen', listen: inUse },
    });
    expect(log).toEqual(['probe 9002']);
    expect(settings().wsPort).toBe(9001);
  });

  it('listens where it did before, and says why, when the new address fails after the probe let it through', async () => {
    const { applier, log, settings, bound } = setup(0, null, '0.0.0.0');
    expect(await applier.update({ wsHost: '0.0.0.0' })).toMatchObject({
      ok: false,
      problem: { key: 'cannotListen', listen: { code: 'EADDRINUSE' } },
    });
    expect(settings().wsHost).toBe('127.0.0.1');
    expect(log.filter((l) => l.startsWith('restart'))).toEqual(['restart 9001', 'restart 9001']);
    expect(bound().state).toBe('listening');
  });

  it('applies a preference at once, without a restart or a question', async () => {
    const { applier, log, settings } = setup(3);
    expect(await applier.update({ theme: 'dark' })).toEqual({ ok: true });
    expect(log).toEqual(['commit theme', 'applied']);
    expect(settings().theme).toBe('dark');
  });

  it('runs changes one at a time: a second waits until the first listener restart is done', async () => {
    const { applier, log, release } = setup(0);
    const first = applier.update({ wsPort: 9002 });
    const second = applier.update({ theme: 'light' });
    await expect.poll(() => log).toEqual(['probe 9002', 'commit wsPort', 'applied', 'restart 9002']);
    release();
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(log).toEqual(['probe 9002', 'commit wsPort', 'applied', 'restart 9002', 'commit theme', 'applied']);
  });
});
