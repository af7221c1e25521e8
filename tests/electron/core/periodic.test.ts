import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeriodicRequest, SendResult } from '../../../common/agents.js';
import { PeriodicSender } from '../../../electron/core/periodic.js';

describe('periodic sender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends now and every N seconds until stopped, and keeps going (with the reason) while nothing is connected', () => {
    const sent: string[] = [];
    let connected = true;
    const p = new PeriodicSender(
      (req: PeriodicRequest): SendResult =>
        connected
          ? (sent.push(req.text), { ok: true, lines: 1, agents: 1 })
          : { ok: false, problem: { key: 'noAgent' } },
      () => undefined,
    );
    const started = p.start({ target: 'all', text: 'TEST_MESSAGE', everySec: 2, to: 'agent' });
    expect(started).toMatchObject({ ok: true });
    vi.advanceTimersByTime(4000);
    expect(sent).toEqual(['TEST_MESSAGE', 'TEST_MESSAGE', 'TEST_MESSAGE']);
    connected = false;
    vi.advanceTimersByTime(2000);
    expect(p.list()[0]).toMatchObject({ sent: 3, lastProblem: { key: 'noAgent' } });
    expect(p.stop((started as { id: number }).id)).toEqual({ ok: true });
    connected = true;
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(3);
    expect(p.list()).toEqual([]);
  });

  it('refuses bad input with a message', () => {
    const p = new PeriodicSender(
      () => ({ ok: true, lines: 1, agents: 1 }),
      () => undefined,
    );
    expect(p.start({ target: 1, text: 'SNDFILE', everySec: 2, to: 'agent' })).toMatchObject({ ok: false });
    expect(p.start({ target: 1, text: 'A', everySec: 0, to: 'agent' })).toMatchObject({
      ok: false,
      problem: { key: 'periodicInterval', min: 0.1, max: 3600 },
    });
  });
});
