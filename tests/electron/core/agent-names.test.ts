/** Agent names through the real Panel: from the path, renamed by the operator, kept for the path. */
import { describe, expect, it } from 'vitest';
import type { AgentAlert } from '../../../common/agents.js';
import { FakeAgent } from '../../support/fake-agent.js';
import { autoCleanup } from '../../support/panel-harness.js';

const { cleanup, panel } = autoCleanup();

describe('agent names', () => {
  it('names an agent by its path, keeps a rename for that path, and gives the path name back on ""', async () => {
    const h = await panel();
    const first = await FakeAgent.connect(`${h.url}/left`, { onDrop: 'reconnect' });
    cleanup.push(() => first.quit());
    await h.waitFor(() => h.sessions()[0]?.name === 'left', 3000, 'named by its path');
    const id = h.sessions()[0]!.agentId;
    expect(h.panel.names.rename(id, '  受付  ')).toEqual({ ok: true });
    await h.waitFor(() => h.sessions()[0]?.name === '受付', 3000, 'renamed');
    expect(h.panel.settings().agentNames).toEqual({ '/chat/left': '受付' });
    expect(h.panel.names.rename(id, 'a|b')).toMatchObject({ ok: false, problem: { key: 'setting' } });
    expect(h.panel.names.rename(999, 'x')).toEqual({ ok: false, problem: { key: 'agentGone', agentId: 999 } });

    h.panel.server.disconnect(id, true);
    await h.waitFor(() => h.sessions().some((s) => s.agentId !== id), 3000, 'the agent back with a new number');
    expect(h.sessions()[0]!.name).toBe('受付');
    expect(h.panel.names.rename(h.sessions()[0]!.agentId, '')).toEqual({ ok: true });
    await h.waitFor(() => h.sessions()[0]?.name === 'left', 3000, 'the path name back');
    expect(h.panel.settings().agentNames).toEqual({});
  });

  it("names an agent on the panel's own path for as long as it is connected, and remembers nothing for that path", async () => {
    const h = await panel();
    const a = await FakeAgent.connect(h.url);
    const b = await FakeAgent.connect(h.url);
    cleanup.push(
      () => a.quit(),
      () => b.quit(),
    );
    await h.waitFor(() => h.sessions().length === 2, 3000, 'two unnamed agents');
    const [first, second] = h.sessions().map((s) => s.agentId) as [number, number];
    expect(h.panel.names.rename(first, 'kiosk')).toEqual({ ok: true });
    await h.waitFor(() => h.sessions().some((s) => s.name === 'kiosk'), 3000, 'the name');
    expect(h.sessions().find((s) => s.agentId === second)!.name).toBeUndefined();
    expect(h.panel.settings().agentNames).toEqual({});
  });

  it('raises an alert naming an agent that leaves by itself, with the reason', async () => {
    const h = await panel();
    const alerts: AgentAlert[] = [];
    h.panel.on('agent:alert', (a) => alerts.push(a));
    const a = await FakeAgent.connect(`${h.url}/right`);
    await h.waitFor(() => h.sessions().length === 1);
    a.quit();
    await h.waitFor(() => alerts.length === 1, 3000, 'the alert');
    expect(alerts[0]).toMatchObject({ kind: 'left', name: 'right', reason: { reason: 'agentDisconnected' } });
    /* A window opened later still gets it, until one dismisses it. */
    expect(h.panel.snapshot().alerts).toEqual(alerts);
    expect(h.panel.alerts.dismiss(alerts[0]!.agentId, alerts[0]!.at)).toEqual({ ok: true });
    expect(h.panel.snapshot().alerts).toEqual([]);
  });
});
