/** Agents as the operator knows them: labels from names, kept after they leave, and worded into every text. */
import { beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../../renderer/i18n/index.js';
import { resetStore, useStore } from '../../../renderer/store/index.js';
import { agentInfo } from '../../support/entries.js';

beforeEach(() => resetStore());

describe('agent labels', () => {
  it('labels named agents by name, adds the number while two share one, and keeps the label of one that left', () => {
    const { setAgents } = useStore.getState();
    setAgents([agentInfo(1, { name: 'left' }), agentInfo(2), agentInfo(3, { name: 'left' })]);
    expect(useStore.getState().agentLabels).toEqual({ 1: 'left #1', 3: 'left #3' });
    setAgents([agentInfo(1, { name: 'left' }), agentInfo(2)]);
    expect(useStore.getState().agentLabels).toEqual({ 1: 'left', 3: 'left' });
    setAgents([agentInfo(1)]);
    expect(useStore.getState().agentLabels).toEqual({ 3: 'left' });
  });

  it('keeps the same labels object while nothing a label shows changes (counts do, four times a second)', () => {
    const { setAgents } = useStore.getState();
    setAgents([agentInfo(1, { name: 'left' })]);
    const labels = useStore.getState().agentLabels;
    setAgents([agentInfo(1, { name: 'left', messagesIn: 500 })]);
    expect(useStore.getState().agentLabels).toBe(labels);
  });

  it('words #{agentId} as the label in every sentence, and as #N for an agent without a name', () => {
    const t = translator('en', { 3: 'left' });
    expect(t('agents.disconnectFor', { agentId: 3 })).toBe('Disconnect agent left');
    expect(t('agents.disconnectFor', { agentId: 4 })).toBe('Disconnect agent #4');
    expect(translator('ja', { 3: '受付{x}' })('problem.agentGone', { agentId: 3 })).toContain('エージェント 受付(x}');
  });

  it('drops a "not answering" alert when the agent answers again or leaves; a "left" alert stays until dismissed', () => {
    const { setAgents, addAlert, dismissAlert } = useStore.getState();
    setAgents([agentInfo(1, { responsive: false }), agentInfo(2)]);
    addAlert({ agentId: 1, kind: 'silent', at: 1 });
    addAlert({ agentId: 2, kind: 'left', at: 2, reason: { reason: 'agentClosed', detail: '1000' } });
    setAgents([agentInfo(1, { responsive: false })]);
    expect(useStore.getState().alerts.map((a) => a.kind)).toEqual(['silent', 'left']);
    setAgents([agentInfo(1)]);
    expect(useStore.getState().alerts.map((a) => a.kind)).toEqual(['left']);
    dismissAlert(useStore.getState().alerts[0]!);
    expect(useStore.getState().alerts).toEqual([]);
  });
});
