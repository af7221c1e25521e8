import { describe, expect, it } from 'vitest';
import type { LogBatch, LogEntry } from '../../../common/log.js';
import { decodeLogWire } from '../../../common/log-wire.js';
import { entryJson } from '../../../electron/core/entry-json.js';
import { ECHO_HOLD_MS } from '../../../electron/core/echo-ticks.js';
import { MessageLog } from '../../../electron/core/message-log.js';

/** The tick's batch as a UI sees it once decoded. */
function take(log: MessageLog): LogBatch | null {
  const wire = log.takeBatch();
  return wire && decodeLogWire(wire);
}

/** The snapshot's batches read back as a renderer does: rows by id (later ones skipped), then the updates. */
function snapshotRows(log: MessageLog): LogEntry[] {
  const rows: LogEntry[] = [];
  for (const wire of log.recent()) {
    const { entries, updates } = decodeLogWire(wire);
    for (const e of entries) if (e.id > (rows.at(-1)?.id ?? 0)) rows.push(e);
    for (const u of updates) Object.assign(rows.find((e) => e.id === u.id) ?? {}, u);
  }
  return rows;
}

function setup() {
  let now = 1_000;
  const disk: object[] = [];
  const log = new MessageLog({
    sink: { append: (r) => disk.push(r), appendEntry: (e) => disk.push(JSON.parse(entryJson(e))) },
    echoTimeoutMs: 5000,
    recentLimit: 3,
    now: () => now,
  });
  return { log, disk, advance: (ms: number) => (now += ms) };
}

describe('MessageLog', () => {
  it('records every message with id, time, direction, session, kind and type, on disk and in the batch', () => {
    const { log, disk } = setup();
    log.incoming(1, 'MODEL_EVENT_ADD|0');
    log.notice('status', { key: 'listening', params: { url: 'ws://127.0.0.1:9001/chat' } });
    const batch = take(log)!;
    expect(batch.entries).toEqual([
      { id: 1, t: 1000, dir: 'in', agentId: 1, kind: 'event', type: 'MODEL_EVENT_ADD', text: 'MODEL_EVENT_ADD|0' },
      {
        id: 2,
        t: 1000,
        dir: 'sys',
        agentId: null,
        kind: 'status',
        type: 'STATUS',
        text: 'Listening on ws://127.0.0.1:9001/chat for MMDAgent-EX.',
        msg: { key: 'listening', params: { url: 'ws://127.0.0.1:9001/chat' } },
      },
    ]);
    expect(disk).toEqual(batch.entries);
    expect(take(log)).toBeNull();
  });

  it('pairs the echo with the sent line: delivered with the round trip, echo on disk only', () => {
    const { log, disk, advance } = setup();
    const sent = log.outgoing(1, 'MOTION_ADD|0|wave|motion/wave.vmd');
    expect(sent.delivery).toBe('pending');
    take(log);
    advance(180);
    const echo = log.incoming(1, 'MOTION_ADD|0|wave|motion/wave.vmd');
    expect(echo.echoOf).toBe(sent.id);
    const batch = take(log)!;
    expect(batch.entries).toEqual([]);
    expect(batch.updates).toEqual([{ id: sent.id, delivery: 'delivered', rtt: 180 }]);
    expect(disk).toContainEqual(expect.objectContaining({ dir: 'in', echoOf: sent.id }));
    expect(disk).toContainEqual({ update: sent.id, delivery: 'delivered', rtt: 180 });
    /* A second identical line from the agent is a real message, not an echo. */
    log.incoming(1, 'MOTION_ADD|0|wave|motion/wave.vmd');
    expect(take(log)!.entries).toHaveLength(1);
  });

  it('only pairs echoes from the same session, first sent first', () => {
    const { log } = setup();
    const a = log.outgoing(1, 'X|1');
    const b = log.outgoing(1, 'X|1');
    log.incoming(2, 'X|1');
    log.incoming(1, 'X|1');
    const batch = take(log)!;
    expect(batch.entries.filter((e) => e.dir === 'in')).toHaveLength(1);
    expect(batch.updates).toEqual([{ id: a.id, delivery: 'delivered', rtt: 0 }]);
    expect(b.delivery).toBe('pending');
  });

  it('marks lines with no echo in time, and lines to a session that left', () => {
    const { log, advance } = setup();
    const a = log.outgoing(1, 'A|1');
    advance(4999);
    expect(take(log)!.updates).toEqual([]);
    advance(1);
    expect(take(log)!.updates).toEqual([{ id: a.id, delivery: 'no-echo' }]);
    const b = log.outgoing(2, 'B|1');
    log.agentLeft(2);
    expect(take(log)!.updates).toEqual([{ id: b.id, delivery: 'no-echo' }]);
  });

  it('does not wait for echoes of control lines; __AV_MESSAGE echoes as its message', () => {
    const { log } = setup();
    expect(log.outgoing(1, '__AV_START').delivery).toBe('sent');
    const m = log.outgoing(1, '__AV_MESSAGE,SYNTH_START|0|v|hi');
    log.incoming(1, 'SYNTH_START|0|v|hi');
    expect(take(log)!.updates).toEqual([{ id: m.id, delivery: 'delivered', rtt: 0 }]);
  });

  it('keeps a bounded window of recent batches for late renderers, whole, with their delivery', () => {
    const { log } = setup();
    for (let i = 0; i < 5; i++) {
      log.incoming(1, `E|${i}`);
      take(log);
    }
    /* A window of 3 entries: the batches sent last, as they went out. */
    expect(log.recent().map((w) => w.n)).toEqual([1, 1, 1]);
    expect(snapshotRows(log).map((e) => e.text)).toEqual(['E|2', 'E|3', 'E|4']);
    const sent = log.outgoing(1, 'S|x');
    log.incoming(1, 'S|x');
    expect(snapshotRows(log).find((e) => e.id === sent.id)?.delivery).toBe('delivered');
  });

  it('builds the snapshot from batches already sent and the one collecting, with deliveries settled since', () => {
    const { log } = setup();
    const sent = log.outgoing(1, 'S|x');
    log.incoming(1, 'E|0');
    take(log);
    log.incoming(1, 'E|1');
    take(log);
    log.incoming(1, 'S|x');
    log.incoming(1, 'E|2');
    /* The echo is not a row; the collecting batch is whole; the settled delivery comes last, alone. */
    expect(snapshotRows(log).map((e) => [e.text, e.delivery])).toEqual([
      ['S|x', 'delivered'],
      ['E|0', undefined],
      ['E|1', undefined],
      ['E|2', undefined],
    ]);
    expect(log.recent().at(-1)).toMatchObject({ n: 0, updates: [{ id: sent.id, delivery: 'delivered', rtt: 0 }] });
    /* The collecting batch is still sent whole at the next tick. */
    expect(take(log)!.updates).toEqual([{ id: sent.id, delivery: 'delivered', rtt: 0 }]);
    expect(sent.delivery).toBe('delivered');
  });

  it('logs binary frames as binary with their length', () => {
    const { log } = setup();
    const e = log.incomingBinary(3, 4, '00 01 02 03');
    expect(e).toMatchObject({ type: '(binary)', binary: 4, text: '00 01 02 03', agentId: 3 });
  });

  it("pairs an injected line with the agent's own log of it: Sent answers it, an Error in its tick fails it", () => {
    const { log, disk, advance } = setup();
    const line = 'MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE';
    const sent = log.outgoing(1, line);
    take(log);
    advance(150);
    /* The Captured receipt comes first here, to show it never counts as the echo. */
    const captured = log.incoming(1, `[2026/11/29 05:05:59.326] [304] MMDAgent: Captured: ${line}`);
    const echo = log.incoming(1, `[2026/11/29 05:05:59.326] [304] Remote: Sent: ${line}`);
    const error = log.incoming(
      1,
      '[2026/11/29 05:05:59.326] [304] MMDAgent: Error: addMotion: not found: motions/action/nope.vmd',
    );
    expect(echo.echoOf).toBe(sent.id);
    expect(captured.echoOf).toBeUndefined();
    expect(error).toMatchObject({ kind: 'error', type: 'Error' });
    expect(error.echoOf).toBeUndefined();
    const batch = take(log)!;
    expect(batch.updates).toEqual([
      { id: sent.id, delivery: 'failed', rtt: 150, failure: 'addMotion: not found: motions/action/nope.vmd' },
    ]);
    expect(batch.entries.map((e) => [e.type, e.kind, e.agent?.level])).toEqual([
      ['MOTION_ADD', 'command', 'Captured'],
      ['Error', 'error', 'Error'],
    ]);
    expect(batch.entries[1]!.agent).toEqual({
      time: '2026/11/29 05:05:59.326',
      tick: 304,
      module: 'MMDAgent',
      level: 'Error',
      text: 'addMotion: not found: motions/action/nope.vmd',
    });
    /* The disk keeps the wire line and the parsed fields, the echo included. */
    expect(disk).toContainEqual(
      expect.objectContaining({
        echoOf: sent.id,
        text: `[2026/11/29 05:05:59.326] [304] Remote: Sent: ${line}`,
        agent: expect.objectContaining({ module: 'Remote', level: 'Sent' }),
      }),
    );
  });

  describe('full log: the tick of the echo decides', () => {
    const at = (tick: number, rest: string): string => `[2026/11/29 05:05:59.326] [${tick}] ${rest}`;

    it('settles a line as delivered once the agent logs a later tick, with the round trip of its echo', () => {
      const { log, advance } = setup();
      const sent = log.outgoing(1, 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE');
      take(log);
      advance(40);
      log.incoming(1, at(10, `Remote: Sent: ${sent.text}`));
      expect(take(log)?.updates ?? []).toEqual([]);
      expect(log.awaitingEchoes).toBe(true);
      advance(30);
      log.incoming(1, at(11, 'MMDAgent: Sent: MOTION_EVENT_ADD|0|act'));
      expect(take(log)!.updates).toEqual([{ id: sent.id, delivery: 'delivered', rtt: 40 }]);
      expect(log.awaitingEchoes).toBe(false);
    });

    it('settles it as delivered when the agent logs nothing more for a while', () => {
      const { log, advance } = setup();
      const sent = log.outgoing(1, 'SYNTH_STOP|0');
      log.incoming(1, at(10, `Remote: Sent: ${sent.text}`));
      take(log);
      advance(ECHO_HOLD_MS - 1);
      expect(take(log)?.updates ?? []).toEqual([]);
      advance(1);
      expect(take(log)!.updates).toEqual([{ id: sent.id, delivery: 'delivered', rtt: 0 }]);
    });

    it('leaves a line delivered when the error comes in a later tick, or from another agent', () => {
      const { log, advance } = setup();
      const a = log.outgoing(1, 'MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE');
      const b = log.outgoing(2, 'MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE');
      log.incoming(1, at(10, `Remote: Sent: ${a.text}`));
      log.incoming(2, at(10, `Remote: Sent: ${b.text}`));
      log.incoming(1, at(11, 'MMDAgent: Error: addMotion: not found: motions/action/nope.vmd'));
      log.incoming(3, at(10, 'MMDAgent: Error: addMotion: not found: motions/action/nope.vmd'));
      advance(ECHO_HOLD_MS);
      const updates = take(log)!.updates;
      expect(updates).toContainEqual({ id: a.id, delivery: 'delivered', rtt: 0 });
      expect(updates).toContainEqual({ id: b.id, delivery: 'delivered', rtt: 0 });
    });

    it('fails the line the error names when two were echoed in one tick, and a Warning fails too', () => {
      const { log } = setup();
      const good = log.outgoing(1, 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE');
      const bad = log.outgoing(1, 'MOTION_ADD|0|wave|motions/action/nope.vmd|PART|ONCE');
      const warned = log.outgoing(2, 'MOTION_CHANGE|0|ghost|motions/action/ojigi.vmd');
      log.incoming(1, at(7, `Remote: Sent: ${bad.text}`));
      log.incoming(1, at(7, `Remote: Sent: ${good.text}`));
      log.incoming(1, at(7, 'MMDAgent: Error: addMotion: not found: motions/action/nope.vmd'));
      log.incoming(2, at(7, `Remote: Sent: ${warned.text}`));
      log.incoming(2, at(7, 'MMDAgent: Warning: changeMotion: motion ghost not found'));
      log.incoming(1, at(8, 'MMDAgent: Sent: MOTION_EVENT_ADD|0|act'));
      const updates = take(log)!.updates;
      expect(updates).toContainEqual(expect.objectContaining({ id: bad.id, delivery: 'failed' }));
      expect(updates).toContainEqual(expect.objectContaining({ id: good.id, delivery: 'delivered' }));
      expect(updates).toContainEqual(
        expect.objectContaining({ id: warned.id, delivery: 'failed', failure: 'changeMotion: motion ghost not found' }),
      );
    });

    it('blames the line whose longest argument the words name, and no line when they name none of several', () => {
      const { log } = setup();
      const model = log.outgoing(1, 'MODEL_ADD|mei|gene/Gene.pmd');
      const motion = log.outgoing(1, 'MOTION_ADD|mei|act|motions/x.vmd|PART|ONCE');
      log.incoming(1, at(9, `Remote: Sent: ${model.text}`));
      log.incoming(1, at(9, `Remote: Sent: ${motion.text}`));
      log.incoming(1, at(9, 'MMDAgent: Error: addMotion: not found: motions/x.vmd, model mei'));
      const a = log.outgoing(2, 'SYNTH_START|0|mei_voice_normal|hello');
      const b = log.outgoing(2, 'MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE');
      log.incoming(2, at(9, `Remote: Sent: ${a.text}`));
      log.incoming(2, at(9, `Remote: Sent: ${b.text}`));
      log.incoming(2, at(9, 'Audio: Warning: buffer underrun'));
      log.incoming(1, at(10, 'MMDAgent: Sent: MOTION_EVENT_ADD|mei|act'));
      log.incoming(2, at(10, 'MMDAgent: Sent: MOTION_EVENT_ADD|0|act'));
      const updates = take(log)!.updates;
      expect(updates).toContainEqual(expect.objectContaining({ id: motion.id, delivery: 'failed' }));
      expect(updates).toContainEqual(expect.objectContaining({ id: model.id, delivery: 'delivered' }));
      expect(updates).toContainEqual(expect.objectContaining({ id: a.id, delivery: 'delivered' }));
      expect(updates).toContainEqual(expect.objectContaining({ id: b.id, delivery: 'delivered' }));
    });

    it('settles what it held when the agent leaves', () => {
      const { log } = setup();
      const sent = log.outgoing(1, 'SYNTH_STOP|0');
      log.incoming(1, at(3, `Remote: Sent: ${sent.text}`));
      log.agentLeft(1);
      expect(take(log)!.updates).toEqual([{ id: sent.id, delivery: 'delivered', rtt: 0 }]);
    });
  });

  it('gives a wrapped message its inner type and kind, and the log levels their own kinds', () => {
    const { log } = setup();
    const kinds = [
      '[2026/11/29 05:05:50.758] [235] MMDAgent: Sent: CURRENT_TIME|05|05',
      '[2026/11/29 05:05:50.722] [0] VIManager: Sent: MOTION_ADD|0|base|motions/wait/01_Wait.vmd|FULL|LOOP|ON|OFF',
      '[2026/11/29 05:05:50.722] [0] VIManager: Status: [main:4] [0 -> LOOP] MODEL_EVENT_ADD|0',
      '[2026/11/29 05:05:48.502] [0] MMDAgent: Warning: use embedded BreeSerif font',
      'MODEL_EVENT_ADD|0',
    ]
      .map((line) => log.incoming(1, line))
      .map((e) => [e.type, e.kind]);
    expect(kinds).toEqual([
      ['CURRENT_TIME', 'event'],
      ['MOTION_ADD', 'command'],
      ['Status', 'status'],
      ['Warning', 'warning'],
      ['MODEL_EVENT_ADD', 'event'],
    ]);
  });
});
