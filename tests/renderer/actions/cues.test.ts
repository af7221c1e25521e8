/** GO and the show's cues through the real actions and bridge, with the core faked: auto-continue, skips, Stop, trials. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../common/log';
import { encodeLogBatch } from '../../../common/log-wire';
import { parseShow } from '../../../common/show';
import { go, selectCue, startTrial, endTrial, stopCues } from '../../../renderer/actions/cues';
import { useStore } from '../../../renderer/store';
import { entry } from '../../support/entries';
import { useFakeApi } from '../../support/fake-api';
import { waitUntil } from '../../support/wait';

const fake = useFakeApi({ beforeAll, beforeEach });

const SHOW = parseShow(
  {
    name: 'Unit',
    cues: [
      { name: 'A', continue: 'auto', steps: [{ send: 'KEY|a' }, { waitFor: 'SYNTH_EVENT_STOP|0', timeoutMs: 60000 }] },
      { name: 'B', steps: [{ send: 'KEY|b' }] },
      { name: 'C', steps: [{ send: 'KEY|c|{participant}' }] },
      { name: 'D', steps: [{ send: 'KEY|d' }, { waitFor: 'NEVER', timeoutMs: 60000 }, { send: 'KEY|never' }] },
    ],
  },
  'unit',
);

let nextId = 100;
const agentSays = (text: string, extra: Partial<LogEntry> = {}): void =>
  fake.api.emit('log:batch', encodeLogBatch([entry(nextId++, text, { dir: 'in', agentId: 1, ...extra })])!);
const sent = (): string[] =>
  fake.api.calls.filter(([c]) => c === 'message:send').map(([, a]) => (a as { text: string }).text);

beforeEach(() => {
  const settings = useStore.getState().settings!;
  useStore.setState({ settings: { ...settings, shows: [SHOW], activeShow: 'unit' } });
  useStore.getState().resetCues();
  let id = 500;
  fake.api.answer((channel) => (channel === 'show:mark' ? { ok: true, id: id++ } : { ok: true, lines: 1, agents: 1 }));
});

describe('cues', () => {
  it('GO runs a cue; an auto cue runs the next as soon as its wait is answered; a manual one waits for GO', async () => {
    const running = go();
    await waitUntil(() => sent().includes('KEY|a'), 1000, 'cue A');
    expect(useStore.getState().cueNext).toBe(1);
    /* Another agent's line, or a line before it, does not answer the wait. */
    agentSays('SYNTH_EVENT_STOP|0', { agentId: 2 });
    agentSays('SYNTH_EVENT_START|0');
    expect(sent()).toEqual(['KEY|a']);
    agentSays('SYNTH_EVENT_STOP|0');
    await running;
    expect(sent()).toEqual(['KEY|a', 'KEY|b']);
    expect(useStore.getState().cueStates).toEqual({ 0: 'done', 1: 'done' });
    expect(useStore.getState().cueNext).toBe(2);
    const marks = fake.api.calls
      .filter(([c]) => c === 'show:mark')
      .map(([, a]) => a as { cue: string; outcome: string });
    expect(marks.map((m) => `${m.cue} ${m.outcome}`)).toEqual(['A done', 'B done']);
  });

  it('a cue selected past others skips them; Stop cues ends a wait and nothing after it is sent', async () => {
    selectCue(3);
    const running = go();
    await waitUntil(() => sent().includes('KEY|d'), 1000, 'cue D');
    expect(useStore.getState().cueStates).toMatchObject({ 0: 'skipped', 1: 'skipped', 2: 'skipped', 3: 'running' });
    expect(stopCues()).toBe(true);
    await running;
    expect(useStore.getState().cueStates[3]).toBe('stopped');
    expect(sent()).toEqual(['KEY|d']);
  });

  it('a trial fills {participant}, and marks its start and end in the session log', async () => {
    useStore.getState().setTrialField('participant', 'P07');
    useStore.getState().setTrialField('condition', 'robot');
    await startTrial();
    expect(useStore.getState().trial).toMatchObject({ participant: 'P07', startId: 500, endId: null });
    selectCue(2);
    await go();
    expect(sent()).toEqual(['KEY|c|P07']);
    await endTrial();
    expect(useStore.getState().trial).toBeNull();
    expect(useStore.getState().trials.at(-1)).toMatchObject({
      participant: 'P07',
      condition: 'robot',
      startId: 500,
      endId: 502,
    });
    const kinds = fake.api.calls.filter(([c]) => c === 'show:mark').map(([, a]) => (a as { kind: string }).kind);
    expect(kinds).toEqual(['trial-start', 'cue', 'trial-end']);
  });
});
