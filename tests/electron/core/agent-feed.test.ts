/** What the panel does with what agents do: forwarded first, logged beside it, and settled when they leave. */
import { agentInfo } from '../../support/entries.js';
import { describe, expect, it, vi } from 'vitest';
import type { AgentInfo } from '../../../common/agents.js';
import { decodeLogWire } from '../../../common/log-wire.js';
import { agentFeed } from '../../../electron/core/agent-feed.js';
import { AgentReports } from '../../../electron/core/agent-reports.js';
import type { AudioStreamer } from '../../../electron/core/audio-stream.js';
import { AvatarControl } from '../../../electron/core/avatar-control.js';
import { MessageLog } from '../../../electron/core/message-log.js';
import type { AgentProxy } from '../../../electron/core/proxy.js';
import { SceneTracker } from '../../../electron/core/scene.js';
import type { Speaker } from '../../../electron/core/speech/speaker.js';
import { UiBudget } from '../../../electron/core/ui-budget.js';
import { UiUpdates } from '../../../electron/core/ui-updates.js';

const AGENT: AgentInfo = agentInfo(3, { remotePort: 50_000 });

function setup() {
  const calls: string[] = [];
  const log = new MessageLog({ sink: null });
  const scene = new SceneTracker();
  const avatar = new AvatarControl();
  const proxy = {
    agentOpened: (id: number) => calls.push(`proxy open ${id}`),
    fromAgent: (id: number) => (calls.push(`proxy frame ${id}`), true),
    agentClosed: (id: number) => calls.push(`proxy close ${id}`),
  } as unknown as AgentProxy;
  const audio = { agentLeft: (id: number) => calls.push(`audio left ${id}`) } as unknown as AudioStreamer;
  const speech = { observe: vi.fn() } as unknown as Speaker;
  const ui = new UiUpdates(() => undefined);
  const feed = agentFeed({
    log,
    uiBudget: new UiBudget(1000),
    reports: new AgentReports(),
    scene,
    ui,
    proxy,
    audio,
    avatar,
    faces: { forget: (agentId) => calls.push(`faces forget ${agentId}`) },
    speech,
    alert: (agent, kind, reason) => calls.push(`alert ${agent.agentId} ${kind}${reason ? ` ${reason.reason}` : ''}`),
  });
  const entries = () => decodeLogWire(log.takeBatch()!).entries;
  return { feed, calls, log, scene, avatar, speech, entries };
}

describe('agentFeed', () => {
  it('notes an agent that connects, and opens its dialogue-server link', () => {
    const { feed, calls, entries } = setup();
    feed.onOpen(AGENT);
    expect(calls).toEqual(['proxy open 3']);
    expect(entries().map((e) => [e.agentId, e.msg?.key])).toEqual([[3, 'agentConnected']]);
  });

  it('logs each line, follows the scene and tells the speaker', () => {
    const { feed, scene, speech, entries } = setup();
    feed.onFrame!(AGENT, Buffer.from('MODEL_EVENT_ADD|0\n'), false);
    feed.onLine(AGENT, 'MODEL_EVENT_ADD|0');
    expect(entries().map((e) => e.text)).toEqual(['MODEL_EVENT_ADD|0']);
    expect(scene.snapshot()[3]?.models).toEqual(['0']);
    expect(speech.observe).toHaveBeenCalledWith(3, 'MODEL_EVENT_ADD|0');
  });

  it('settles what a leaving agent left behind: its link, its streams, its avatar state, with the reason', () => {
    const { feed, calls, avatar, entries } = setup();
    avatar.note(3, '__AV_START');
    feed.onClose(AGENT, { reason: 'agentDisconnected' });
    expect(calls).toEqual(['proxy close 3', 'audio left 3', 'faces forget 3', 'alert 3 left agentDisconnected']);
    const preamble: string[] = [];
    avatar.ensure(3, '0', (line) => (preamble.push(line), true));
    expect(preamble).toEqual(['__AV_START', '__AV_SETMODEL,0']);
    expect(entries().at(-1)?.msg).toEqual({
      key: 'agentLeft',
      params: { agentId: 3, remote: '127.0.0.1:50000', reason: 'agentDisconnected' },
    });
  });

  it('raises an alert when an agent leaves by itself or stops answering, not when the operator closed it', () => {
    const { feed, calls } = setup();
    feed.onResponsive({ ...AGENT, responsive: false }, false);
    feed.onResponsive(AGENT, true);
    feed.onClose(AGENT, { reason: 'operator' });
    feed.onClose(agentInfo(4), { reason: 'listenerStopped' });
    feed.onClose(agentInfo(5), { reason: 'agentClosed', detail: '1000' });
    expect(calls.filter((c) => c.startsWith('alert'))).toEqual([
      'alert 3 silent',
      'alert 3 back',
      'alert 5 left agentClosed',
    ]);
  });

  it('keeps a logging failure away from the connection, and reports it once', () => {
    const { feed, log } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(log, 'incoming').mockImplementation(() => {
      throw new Error('disk full');
    });
    expect(() => feed.onLine(AGENT, 'A|1')).not.toThrow();
    expect(() => feed.onLine(AGENT, 'A|2')).not.toThrow();
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
