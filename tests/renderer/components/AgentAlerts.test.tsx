// @vitest-environment jsdom
/** The alert when an agent leaves or stops answering: said loudly, named, in the title, until dismissed. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentAlerts } from '../../../renderer/components/AgentAlerts';
import { AgentBadges } from '../../../renderer/components/AgentBadges';
import { resetStore, useStore } from '../../../renderer/store';
import { agentInfo } from '../../support/entries';
import { SNAPSHOT, installFakeApi } from '../../support/fake-api';

let api: ReturnType<typeof installFakeApi>;

beforeEach(() => {
  resetStore();
  api = installFakeApi();
  const snapshot = structuredClone(SNAPSHOT);
  snapshot.settings.language = 'en';
  snapshot.agents = [agentInfo(1, { name: 'left', path: '/chat/left' }), agentInfo(2, { name: 'right' })];
  act(() => useStore.getState().hydrate(snapshot));
});
afterEach(cleanup);

describe('AgentAlerts', () => {
  it('names the agent that left, with the time and the reason, in the title too, until dismissed', () => {
    render(<AgentAlerts />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.title).toBe('Remote Panel');
    const at = new Date(2026, 11, 7, 9, 30, 5).getTime();
    act(() =>
      api.emit('agent:alert', {
        agentId: 2,
        name: 'right',
        kind: 'left',
        at,
        reason: { reason: 'agentClosed', detail: '1000' },
      }),
    );
    expect(screen.getByRole('alert').textContent).toContain('right left at 09:30:05: agent closed (1000).');
    expect(document.title).toBe('⚠ right left · Remote Panel');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss the alert about right' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.title).toBe('Remote Panel');
  });

  it('raises "not answering" and takes it away by itself when the agent answers again', () => {
    render(<AgentAlerts />);
    /* The bridge is wired once per test file (the first test proves it); from here the store takes the events. */
    const { addAlert } = useStore.getState();
    act(() => addAlert({ agentId: 1, kind: 'silent', at: 0 }));
    expect(screen.getByRole('alert').textContent).toContain('left stopped answering');
    act(() => addAlert({ agentId: 1, kind: 'back', at: 1 }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps a leaving agent in the alert but not in the badges', () => {
    render(
      <>
        <AgentBadges />
        <AgentAlerts />
      </>,
    );
    const status = screen.getByRole('status', { name: 'Connection' });
    expect(Array.from(status.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['left', 'right']);
    act(() => {
      const { addAlert, setAgents } = useStore.getState();
      addAlert({ agentId: 2, name: 'right', kind: 'left', at: 0, reason: { reason: 'agentDisconnected' } });
      setAgents([agentInfo(1, { name: 'left', path: '/chat/left' })]);
    });
    expect(Array.from(status.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['left']);
    expect(screen.getByRole('alert').textContent).toContain('right left at');
  });
});
