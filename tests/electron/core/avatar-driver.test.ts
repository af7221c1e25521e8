import { describe, expect, it } from 'vitest';
import { AvatarControl } from '../../../electron/core/avatar-control.js';
import { AvatarDriver } from '../../../electron/core/avatar-driver.js';
import type { Problem } from '../../../common/problems.js';
import { FakeClock } from '../../support/fake-clock.js';

function setup(transitionSec = 0.2) {
  const clock = new FakeClock();
  const lines: { t: number; line: string; quiet?: true }[] = [];
  let gone = false;
  let changes = 0;
  const driver = new AvatarDriver(
    {
      targetProblem: (agentId): Problem | null => (gone ? { key: 'agentGone', agentId } : null),
      sendLine: (_id, line) => (lines.push({ t: clock.t, line }), true),
      resend: (_id, line) => (lines.push({ t: clock.t, line, quiet: true }), true),
      transitionSec: () => transitionSec,
      changed: () => void changes++,
    },
    new AvatarControl(),
    { set: clock.setTimer, clear: clock.clearTimer },
  );
  return { clock, lines, driver, leave: () => (gone = true), changes: () => changes };
}

describe('AvatarDriver', () => {
  it('plays an action after __AV_START and __AV_SETMODEL, once per connection', () => {
    const { driver, lines } = setup();
    expect(driver.action(1, '0', 2)).toMatchObject({ ok: true });
    expect(driver.action(1, '0', 8)).toMatchObject({ ok: true });
    expect(lines.map((l) => l.line)).toEqual(['__AV_START', '__AV_SETMODEL,0', '__AV_ACTION,2', '__AV_ACTION,8']);
    expect(driver.action(1, '0|x', 2)).toEqual({ ok: false, problem: { key: 'badAlias' } });
    expect(driver.action(1, '0', 1.5)).toEqual({ ok: false, problem: { key: 'actionNumber' } });
  });

  it('binds a morph, and gives it back by binding it to 0 and unbinding it once that transition is over', () => {
    const { driver, lines, clock } = setup(0.2);
    driver.face({ agentId: 1, alias: '0', morphs: { まばたき: 1 } });
    driver.face({ agentId: 1, alias: '0', morphs: { まばたき: 0.5 } });
    expect(driver.snapshot()).toEqual({ 1: { '0': { morphs: { まばたき: 0.5 }, exmorph: {} } } });
    driver.face({ agentId: 1, alias: '0', morphs: { まばたき: 0 } });
    expect(lines.map((l) => l.line)).toEqual([
      'MODEL_BINDFACE|0|まばたき|1|0.2',
      'MODEL_BINDFACE|0|まばたき|0.5|0.2',
      'MODEL_BINDFACE|0|まばたき|0|0.2',
    ]);
    clock.advance(249);
    expect(lines).toHaveLength(3);
    clock.advance(1);
    expect(lines.at(-1)).toEqual({ t: 250, line: 'MODEL_UNBINDFACE|0|まばたき' });
    expect(driver.snapshot()).toEqual({});
    /* Already given back: another 0 says nothing. */
    driver.face({ agentId: 1, alias: '0', morphs: { まばたき: 0 } });
    expect(lines).toHaveLength(4);
  });

  it('keeps a morph moved again before its unbind bound', () => {
    const { driver, lines, clock } = setup(0.2);
    driver.face({ agentId: 1, alias: '0', morphs: { 笑い: 1 } });
    driver.face({ agentId: 1, alias: '0', morphs: { 笑い: 0 } });
    clock.advance(100);
    driver.face({ agentId: 1, alias: '0', morphs: { 笑い: 0.3 } });
    clock.advance(1000);
    expect(lines.map((l) => l.line)).toEqual([
      'MODEL_BINDFACE|0|笑い|1|0.2',
      'MODEL_BINDFACE|0|笑い|0|0.2',
      'MODEL_BINDFACE|0|笑い|0.3|0.2',
    ]);
  });

  it('with no transition, unbinds right after the bind to 0', () => {
    const { driver, lines } = setup(0);
    driver.face({ agentId: 1, alias: '0', morphs: { a: 1 } });
    driver.face({ agentId: 1, alias: '0', morphs: { a: 0 } });
    expect(lines.map((l) => l.line)).toEqual([
      'MODEL_BINDFACE|0|a|1|0',
      'MODEL_BINDFACE|0|a|0|0',
      'MODEL_UNBINDFACE|0|a',
    ]);
  });

  it('holds avatar morphs: one line with every value, resent 300 ms after the last one, released with =0', () => {
    const { driver, lines, clock } = setup();
    driver.face({ agentId: 1, alias: '0', exmorph: { wink: 1 } });
    clock.advance(100);
    driver.face({ agentId: 1, alias: '0', exmorph: { smile: 0.5 } });
    expect(lines.map((l) => l.line)).toEqual([
      '__AV_START',
      '__AV_SETMODEL,0',
      '__AV_EXMORPH,wink=1',
      '__AV_EXMORPH,wink=1,smile=0.5',
    ]);
    clock.advance(299);
    expect(lines).toHaveLength(4);
    clock.advance(1);
    clock.advance(900);
    const resends = lines.filter((l) => l.quiet);
    expect(resends.map((l) => l.t)).toEqual([400, 700, 1000, 1300]);
    expect(new Set(resends.map((l) => l.line))).toEqual(new Set(['__AV_EXMORPH,wink=1,smile=0.5']));
    driver.face({ agentId: 1, alias: '0', exmorph: { wink: 0 } });
    expect(lines.at(-1)!.line).toBe('__AV_EXMORPH,wink=0,smile=0.5');
    clock.advance(300);
    expect(lines.at(-1)).toMatchObject({ line: '__AV_EXMORPH,smile=0.5', quiet: true });
    driver.face({ agentId: 1, alias: '0', exmorph: { smile: 0 } });
    expect(lines.at(-1)!.line).toBe('__AV_EXMORPH,smile=0');
    const count = lines.length;
    clock.advance(5000);
    expect(lines).toHaveLength(count);
    expect(clock.pending()).toBe(0);
  });

  it('replaces the whole face (a preset, Reset face), giving back everything not named', () => {
    const { driver, lines, clock } = setup(0.2);
    driver.face({ agentId: 1, alias: '0', morphs: { a: 1, b: 1 }, exmorph: { wink: 1 } });
    lines.length = 0;
    driver.face({ agentId: 1, alias: '0', morphs: { a: 0.5 }, replace: true });
    expect(lines.map((l) => l.line)).toEqual([
      'MODEL_BINDFACE|0|a|0.5|0.2',
      'MODEL_BINDFACE|0|b|0|0.2',
      '__AV_EXMORPH,wink=0',
    ]);
    driver.face({ agentId: 1, alias: '0', replace: true });
    clock.advance(1000);
    expect(lines.slice(3).map((l) => l.line)).toEqual([
      'MODEL_BINDFACE|0|a|0|0.2',
      'MODEL_UNBINDFACE|0|b',
      'MODEL_UNBINDFACE|0|a',
    ]);
    expect(driver.snapshot()).toEqual({});
  });

  it('refuses names the protocol cannot carry, and an agent that is gone, sending nothing', () => {
    const { driver, lines, leave } = setup();
    expect(driver.face({ agentId: 1, alias: '0', exmorph: { 'a,b': 1 } })).toEqual({
      ok: false,
      problem: { key: 'morphName', morph: 'a,b' },
    });
    expect(driver.face({ agentId: 1, alias: '0', morphs: { 'x|y': 1 } })).toMatchObject({ ok: false });
    leave();
    expect(driver.face({ agentId: 1, alias: '0', morphs: { a: 1 } })).toEqual({
      ok: false,
      problem: { key: 'agentGone', agentId: 1 },
    });
    expect(lines).toEqual([]);
  });

  it('ends the holds and pending unbinds of an agent that left', () => {
    const { driver, clock, lines, changes } = setup();
    driver.face({ agentId: 1, alias: '0', morphs: { a: 1 }, exmorph: { wink: 1 } });
    driver.face({ agentId: 1, alias: '0', morphs: { a: 0 } });
    const before = changes();
    driver.forget(1);
    expect(changes()).toBe(before + 1);
    const count = lines.length;
    clock.advance(5000);
    expect(lines).toHaveLength(count);
    expect(clock.pending()).toBe(0);
    expect(driver.snapshot()).toEqual({});
  });
});
