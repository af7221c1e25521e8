/**
 * The request handlers both adapters share: arguments cross a process or network boundary,
 * so each handler checks their shape before the Panel sees them, and posts drop what is malformed.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Panel } from '../../../electron/core/panel.js';
import { coreHandlers, hasHandler, postHandlers } from '../../../electron/core/requests.js';

/** A Panel whose services record what reaches them: each request goes to the service that answers it. */
function fakePanel() {
  const ok = { ok: true } as const;
  const streamed = { ok: true, queued: 0 } as const;
  const calls = {
    snapshot: vi.fn(() => ({ recent: [] })),
    send: vi.fn(() => ({ ok: true, lines: 1, agents: 1 })),
    retry: vi.fn(() => ok),
    startPeriodic: vi.fn(() => ({ ok: true, id: 1 })),
    stopPeriodic: vi.fn(() => ok),
    updateSettings: vi.fn(async () => ok),
    disconnect: vi.fn(() => ok),
    streamFile: vi.fn(() => streamed),
    stopAudio: vi.fn(() => streamed),
    micStart: vi.fn(() => streamed),
    micStop: vi.fn(() => streamed),
    micChunk: vi.fn(),
    say: vi.fn(async () => ({ ok: true })),
    stopSpeech: vi.fn(() => streamed),
    action: vi.fn(() => ({ ok: true, lines: 1, agents: 1 })),
    face: vi.fn(() => ({ ok: true, lines: 1, agents: 1 })),
  };
  const panel = {
    snapshot: calls.snapshot,
    outbox: { send: calls.send, targetIds: (t: number | 'all') => (t === 'all' ? [1, 2] : [t]) },
    proxy: { retry: calls.retry },
    periodic: { start: calls.startPeriodic, stop: calls.stopPeriodic },
    settingsApplier: { update: calls.updateSettings },
    server: { disconnect: calls.disconnect },
    faces: { action: calls.action, face: calls.face },
    speech: { say: calls.say, stop: calls.stopSpeech },
    audio: {
      streamFile: calls.streamFile,
      stop: calls.stopAudio,
      micStart: calls.micStart,
      micStop: calls.micStop,
      micChunk: calls.micChunk,
    },
  };
  return { calls, panel: panel as unknown as Panel };
}

describe('core request handlers', () => {
  it('passes well-formed requests through, with defaults for what may be left out', async () => {
    const { calls, panel } = fakePanel();
    const h = coreHandlers(panel);
    await h['message:send']({ target: 'all', text: 'A|1' });
    await h['message:send']({ target: 2, text: 'B|2', to: 'server' });
    expect(calls.send.mock.calls).toEqual([
      ['all', 'A|1', 'agent'],
      [2, 'B|2', 'server'],
    ]);
    await h['periodic:start']({ target: 1, text: 'TEST_MESSAGE', everySec: 2, to: 'elsewhere' });
    expect(calls.startPeriodic).toHaveBeenCalledWith({ target: 1, text: 'TEST_MESSAGE', everySec: 2, to: 'agent' });
    await h['settings:update']({ patch: { echoTimeoutSec: 7 }, confirm: 'yes' });
    expect(calls.updateSettings).toHaveBeenCalledWith({ echoTimeoutSec: 7 }, false);
    await h['agent:disconnect']({ agentId: 3, confirm: true });
    expect(calls.disconnect).toHaveBeenCalledWith(3, true);
    const pcm = new Uint8Array(4);
    await h['audio:stream-file']({ agentId: 1, alias: '0', name: 'a.wav', pcm, whenBusy: 'sometimes' });
    expect(calls.streamFile).toHaveBeenCalledWith(1, { alias: '0', name: 'a.wav', pcm, whenBusy: 'replace' });
    await h['audio:stop']({ agentId: 2 });
    await h['audio:mic-start']({ agentId: 2, alias: '0' });
    await h['audio:mic-stop']({ agentId: 2 });
    await h['speech:say']({ agentId: 2, alias: '0', text: 'やあ' });
    await h['speech:stop']({ agentId: 2, alias: '0' });
    expect(calls.stopAudio).toHaveBeenCalledWith(2);
    expect(calls.micStart).toHaveBeenCalledWith(2, '0');
    expect(calls.micStop).toHaveBeenCalledWith(2);
    expect(calls.stopSpeech).toHaveBeenCalledWith(2, '0');
    expect(calls.say).toHaveBeenCalledWith(expect.objectContaining({ agentId: 2, alias: '0', text: 'やあ' }));
    await h['upstream:retry']({ target: 'all' });
    expect(calls.retry).toHaveBeenCalledWith([1, 2]);
  });

  it('refuses a request of the wrong shape before the Panel sees it', async () => {
    const { calls, panel } = fakePanel();
    const h = coreHandlers(panel);
    await expect(h['message:send'](null)).rejects.toThrow(/no arguments/);
    await expect(h['message:send']({ target: 'all', text: 42 })).rejects.toThrow(/text/);
    await expect(h['message:send']({ target: 'some', text: 'A' })).rejects.toThrow(/target/);
    await expect(h['message:send']({ target: 1.5, text: 'A' })).rejects.toThrow(/target/);
    await expect(h['message:send']({ target: 1, text: 'A', to: 'moon' })).rejects.toThrow(/Send to/);
    await expect(h['periodic:start']({ target: 1, text: 'A', everySec: '2' })).rejects.toThrow(/interval/);
    await expect(h['periodic:stop']({ id: 'x' })).rejects.toThrow(/id/);
    await expect(h['agent:disconnect']({ agentId: '1' })).rejects.toThrow(/id/);
    await expect(
      h['audio:stream-file']({ agentId: 'all', alias: '0', name: 'a', pcm: new Uint8Array(2) }),
    ).rejects.toThrow(/one agent/);
    await expect(h['audio:stream-file']({ agentId: 1, alias: '0', name: 'a', pcm: [1, 2] })).rejects.toThrow(/audio/);
    await expect(h['audio:mic-start']({ agentId: 1, alias: 0 })).rejects.toThrow(/alias/);
    for (const fn of Object.values(calls)) expect(fn).not.toHaveBeenCalled();
  });

  it('drops a malformed microphone chunk silently and passes a good one on', () => {
    const { calls, panel } = fakePanel();
    const post = postHandlers(panel)['audio:mic-chunk'];
    for (const bad of [
      null,
      'x',
      { agentId: 1, pcm: [1], capturedAt: 0 },
      { agentId: '1', pcm: new Uint8Array(2), capturedAt: 0 },
      { agentId: 1, pcm: new Uint8Array(2) },
    ])
      post(bad);
    expect(calls.micChunk).not.toHaveBeenCalled();
    const chunk = { agentId: 1, pcm: new Uint8Array(1280), capturedAt: 5 };
    post(chunk);
    expect(calls.micChunk).toHaveBeenCalledWith(chunk.agentId, chunk.pcm, chunk.capturedAt);
  });

  it('knows only its own channels: nothing inherited from Object answers', () => {
    const { panel } = fakePanel();
    const h = coreHandlers(panel);
    expect(hasHandler(h, 'message:send')).toBe(true);
    for (const channel of ['file:save', 'toString', '__proto__', 'constructor', 42, undefined])
      expect(hasHandler(h, channel), String(channel)).toBe(false);
  });

  it('passes avatar requests on with their shape checked: one agent, an alias, numbers for values', async () => {
    const { calls, panel } = fakePanel();
    const h = coreHandlers(panel);
    await h['avatar:action']({ agentId: 2, alias: '0', action: 5 });
    expect(calls.action).toHaveBeenCalledWith(2, '0', 5);
    await h['avatar:face']({ agentId: 2, alias: '0', morphs: { まばたき: 1 }, replace: true });
    expect(calls.face).toHaveBeenCalledWith({
      agentId: 2,
      alias: '0',
      morphs: { まばたき: 1 },
      exmorph: {},
      replace: true,
    });
    await expect(h['avatar:action']({ agentId: 'all', alias: '0', action: 1 })).rejects.toThrow(/one agent/);
    await expect(h['avatar:action']({ agentId: 1, alias: '0', action: '2' })).rejects.toThrow(/number/);
    await expect(h['avatar:face']({ agentId: 1, alias: 0 })).rejects.toThrow(/alias/);
    await expect(h['avatar:face']({ agentId: 1, alias: '0', exmorph: { wink: 'x' } })).rejects.toThrow(/number/);
    await expect(h['avatar:face']({ agentId: 1, alias: '0', morphs: [1] })).rejects.toThrow(/map/);
    expect(calls.face).toHaveBeenCalledTimes(1);
  });
});
