/** Stop everything and the statuses that end with what they describe, through the real bridge and store. */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../renderer/actions/quick.js';
import { watchStatuses } from '../../../renderer/actions/statuses.js';
import { stopEverything, stopHere } from '../../../renderer/actions/stop.js';
import { useStore } from '../../../renderer/store/index.js';
import { agentInfo } from '../../support/entries.js';
import { useFakeApi } from '../../support/fake-api.js';

const fake = useFakeApi({ beforeAll, beforeEach });

/** A sequence whose first line went out and whose next waits a minute; resolves once it is under way. */
async function slowSequenceStarted(): Promise<{ running: Promise<void> }> {
  const running = runCommand({
    id: 'c',
    label: 'Slow',
    lines: 'A|1\nwait 60000\nA|2',
    hotkey: '',
    color: '',
    to: 'agent',
  });
  await expect.poll(() => fake.api.calls.filter(([c]) => c === 'message:send').length).toBe(1);
  /* Wrapped: an async function returning the run itself would wait for it to end. */
  return { running };
}

describe('Stop everything', () => {
  it('cancels the running sequence before asking the core, and reports what stopped', async () => {
    fake.api.answer((channel) =>
      channel === 'panel:stop-everything'
        ? { ok: true, streams: 2, syntheses: 1, voices: 3, agents: 2 }
        : { ok: true, lines: 1, agents: 1 },
    );
    const { running } = await slowSequenceStarted();
    await stopEverything();
    await running;
    expect(fake.api.calls.map(([c]) => c)).toEqual(['message:send', 'panel:stop-everything']);
    expect(useStore.getState().composeNotice).toEqual({
      key: 'stop.done',
      params: { streams: 2, syntheses: 1, sequences: 1, voices: 3 },
    });
    expect(useStore.getState().running).toBeNull();
  });
});

describe('Stop everything from another window', () => {
  it("stops this page's own sequence too, without asking the core again", async () => {
    fake.api.answer(() => ({ ok: true, lines: 1, agents: 1 }));
    const { running } = await slowSequenceStarted();
    stopHere();
    await running;
    expect(fake.api.calls.map(([c]) => c)).toEqual(['message:send']);
    expect(useStore.getState().running).toBeNull();
    expect(useStore.getState().quickMessage?.words).toMatchObject({ key: 'quick.cancelled' });
  });
});

describe('statuses', () => {
  it('ends "streaming" with the stream, and "no agent is connected" when one connects', () => {
    const stop = watchStatuses();
    const s = useStore.getState();
    s.setAudioStatus([{ agentId: 1, state: 'file', name: 'long.wav', queued: [], sentMs: 0, totalMs: 9000 }]);
    s.setAudioMessage(null, { key: 'audio.streaming', params: { name: 'long.wav', agentId: 1 } });
    s.setAudioStatus([{ agentId: 1, state: 'file', name: 'long.wav', queued: [], sentMs: 500, totalMs: 9000 }]);
    expect(useStore.getState().audioNotice).not.toBeNull();
    useStore.getState().setAudioStatus([]);
    expect(useStore.getState().audioNotice).toBeNull();

    useStore.getState().setAgents([]);
    useStore.getState().setComposeResult({ problem: { key: 'noAgent' } });
    useStore.getState().setAgents([agentInfo(2)]);
    expect(useStore.getState().composeError).toBeNull();
    stop();
  });
});
