/** The rules for sending: every line checked before any goes, one agent or all, logged, and the avatar state kept. */
import { describe, expect, it } from 'vitest';
import type { AgentServer } from '../../../electron/core/agent-server.js';
import { AvatarControl } from '../../../electron/core/avatar-control.js';
import { MessageLog } from '../../../electron/core/message-log.js';
import { Outbox } from '../../../electron/core/outbox.js';
import type { AgentProxy } from '../../../electron/core/proxy.js';

function setup(agentIds: number[], failing: number[] = []) {
  const wire: [number, string][] = [];
  const toServer: [number[], string[]][] = [];
  const server = {
    list: () => agentIds.map((agentId) => ({ agentId })),
    count: () => agentIds.length,
    has: (agentId: number) => agentIds.includes(agentId),
  } as unknown as AgentServer;
  const proxy = {
    toAgent: (agentId: number, data: string) => !failing.includes(agentId) && (wire.push([agentId, data]), true),
    sendToServer: (ids: number[], lines: string[]) => (
      toServer.push([ids, lines]),
      { ok: true, lines: lines.length, agents: ids.length }
    ),
  } as unknown as AgentProxy;
  const log = new MessageLog({ sink: null });
  const avatar = new AvatarControl();
  let sent = 0;
  const outbox = new Outbox({ server, proxy, log, avatar, sent: () => sent++ });
  return { outbox, wire, toServer, log, avatar, sent: () => sent };
}

describe('Outbox', () => {
  it('sends each line with its newline to one agent, and logs it as waiting for its echo', () => {
    const { outbox, wire, log, sent } = setup([1, 2]);
    expect(outbox.send(2, 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE')).toEqual({
      ok: true,
      lines: 1,
      agents: 1,
    });
    expect(wire).toEqual([[2, 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE\n']]);
    expect(log.awaitsEcho(2)).toBe(true);
    expect(sent()).toBe(1);
  });

  it('sends every line to every agent for "all"', () => {
    const { outbox, wire } = setup([1, 2]);
    expect(outbox.send('all', 'A|1\nB|2')).toEqual({ ok: true, lines: 2, agents: 2 });
    expect(wire.map(([id, line]) => `${id}:${line.trim()}`)).toEqual(['1:A|1', '1:B|2', '2:A|1', '2:B|2']);
  });

  it('sends nothing when one line of several breaks a rule, and says which', () => {
    const { outbox, wire } = setup([1]);
    const result = outbox.send(1, 'A|1\nSNDFAKE|2');
    expect(result.ok).toBe(false);
    expect(wire).toEqual([]);
  });

  it('says why nothing can go: no agent at all, or one that has left', () => {
    expect(setup([]).outbox.send('all', 'A|1')).toEqual({ ok: false, problem: { key: 'noAgent' } });
    expect(setup([1]).outbox.send(7, 'A|1')).toEqual({ ok: false, problem: { key: 'agentGone', agentId: 7 } });
  });

  it('hands lines for the dialogue server to the proxy, as the agents', () => {
    const { outbox, wire, toServer } = setup([1, 2]);
    expect(outbox.send('all', 'RECOG_EVENT_STOP|こんにちは', 'server')).toMatchObject({ ok: true, agents: 2 });
    expect(toServer).toEqual([[[1, 2], ['RECOG_EVENT_STOP|こんにちは']]]);
    expect(wire).toEqual([]);
  });

  it('keeps what the avatar was told, so audio sends its preamble only when needed', () => {
    const { outbox, avatar } = setup([1]);
    outbox.sendLine(1, '__AV_START');
    outbox.sendLine(1, '__AV_SETMODEL,0');
    const preamble: string[] = [];
    avatar.ensure(1, '0', (line) => (preamble.push(line), true));
    expect(preamble).toEqual([]);
  });

  it('neither logs nor counts a line the connection refused', () => {
    const { outbox, log, sent } = setup([1], [1]);
    expect(outbox.sendLine(1, 'A|1')).toBe(false);
    expect(log.awaitsEcho(1)).toBe(false);
    expect(sent()).toBe(0);
  });
});
