/**
 * Drives the avatar of each agent: actions from the model's `.shapemap`, and a face the panel holds.
 * Morphs are bound with `MODEL_BINDFACE` and given back by binding them to 0 and, once that
 * transition is over, unbinding them (an unbound morph keeps its last value). Avatar morphs
 * (`__AV_EXMORPH`) fade within about a second on MMDAgent-EX, so a held one is resent here, in the
 * core, where no page's timer throttling can let the face go.
 */
import type { SendResult } from '../../common/agents.js';
import { EXMORPH_HOLD_MS, morphNameOk, rate, type FaceChange, type FaceState } from '../../common/avatar.js';
import type { Problem } from '../../common/problems.js';
import { lineProblem } from '../../common/wire-rules.js';
import type { AvatarControl } from './avatar-control.js';

export interface AvatarDriverHost {
  targetProblem(agentId: number): Problem | null;
  /** A line the operator asked for: sent and logged. */
  sendLine(agentId: number, line: string): boolean;
  /** A hold's resend of a line already logged: sent only. */
  resend(agentId: number, line: string): boolean;
  transitionSec(): number;
  /** The faces changed (for the UIs). */
  changed(): void;
}

export interface DriverTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: DriverTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** Time after a release's transition before the unbind, so the morph has reached 0 when it is let go. */
const UNBIND_MARGIN_MS = 50;

interface Face extends FaceState {
  hold: unknown;
  unbinds: Map<string, unknown>;
}

const badAlias = (alias: string): boolean => alias === '' || alias.length > 200 || /[,|\r\n]/.test(alias);

export class AvatarDriver {
  /** agentId → alias → the face the panel holds there. */
  private readonly faces = new Map<number, Map<string, Face>>();

  constructor(
    private readonly host: AvatarDriverHost,
    private readonly avatar: AvatarControl,
    private readonly timers: DriverTimers = REAL_TIMERS,
  ) {}

  /** `__AV_ACTION,n`, after `__AV_START` and `__AV_SETMODEL,<alias>` when this connection has not had them. */
  action(agentId: number, alias: string, n: number): SendResult {
    if (badAlias(alias)) return { ok: false, problem: { key: 'badAlias' } };
    if (!Number.isInteger(n) || n < 0 || n > 9999) return { ok: false, problem: { key: 'actionNumber' } };
    const problem = this.host.targetProblem(agentId);
    if (problem) return { ok: false, problem };
    this.avatar.ensure(agentId, alias, (line) => this.host.sendLine(agentId, line));
    if (!this.host.sendLine(agentId, `__AV_ACTION,${n}`)) return { ok: false, problem: { key: 'agentGone', agentId } };
    return { ok: true, lines: 1, agents: 1 };
  }

  /** Sets morphs and avatar morphs of one model; values at 0 are given back. */
  face(change: FaceChange): SendResult {
    const { agentId, alias } = change;
    if (badAlias(alias)) return { ok: false, problem: { key: 'badAlias' } };
    const morphs = Object.entries(change.morphs ?? {});
    const exmorph = Object.entries(change.exmorph ?? {});
    const bad = morphs.find(([m]) => !morphNameOk(m)) ?? exmorph.find(([m]) => !morphNameOk(m, true));
    if (bad) return { ok: false, problem: { key: 'morphName', morph: bad[0].slice(0, 100) } };
    const problem = this.host.targetProblem(agentId);
    if (problem) return { ok: false, problem };

    const face = this.faceOf(agentId, alias);
    const wantMorphs = new Map(morphs.map(([m, v]) => [m, clamp(v)]));
    const wantEx = new Map(exmorph.map(([m, v]) => [m, clamp(v)]));
    if (change.replace) {
      for (const m of Object.keys(face.morphs)) if (!wantMorphs.has(m)) wantMorphs.set(m, 0);
      for (const m of Object.keys(face.exmorph)) if (!wantEx.has(m)) wantEx.set(m, 0);
    }
    const exLine = this.exmorphLine(face, wantEx);
    if (exLine) {
      const tooLong = lineProblem(exLine);
      if (tooLong) return { ok: false, problem: { key: 'line', problem: tooLong } };
    }
    let lines = 0;
    const sec = String(Math.round(this.host.transitionSec() * 1000) / 1000);
    for (const [m, v] of wantMorphs) lines += this.morph(agentId, alias, face, m, v, sec);
    if (exLine) {
      this.avatar.ensure(agentId, alias, (line) => this.host.sendLine(agentId, line));
      for (const [m, v] of wantEx) {
        if (v > 0) face.exmorph[m] = v;
        else delete face.exmorph[m];
      }
      if (this.host.sendLine(agentId, exLine)) lines++;
      this.scheduleHold(agentId, alias, face);
    }
    this.host.changed();
    return { ok: true, lines, agents: 1 };
  }

  /** What the panel holds, per agent and alias, for the UIs. */
  snapshot(): Record<number, Record<string, FaceState>> {
    const out: Record<number, Record<string, FaceState>> = {};
    for (const [agentId, byAlias] of this.faces) {
      const models: Record<string, FaceState> = {};
      for (const [alias, f] of byAlias)
        if (Object.keys(f.morphs).length || Object.keys(f.exmorph).length)
          models[alias] = { morphs: { ...f.morphs }, exmorph: { ...f.exmorph } };
      if (Object.keys(models).length) out[agentId] = models;
    }
    return out;
  }

  /** The agent left: its holds and pending unbinds end with it. */
  forget(agentId: number): void {
    const byAlias = this.faces.get(agentId);
    if (!byAlias) return;
    for (const face of byAlias.values()) this.clearTimers(face);
    this.faces.delete(agentId);
    this.host.changed();
  }

  dispose(): void {
    for (const byAlias of this.faces.values()) for (const face of byAlias.values()) this.clearTimers(face);
    this.faces.clear();
  }

  /** One morph to `value`: bound while above 0, bound to 0 and then unbound when it comes back. */
  private morph(agentId: number, alias: string, face: Face, m: string, value: number, sec: string): number {
    /* Already given back (or never bound): nothing to say, and a pending unbind stays due. */
    if (value === 0 && !(m in face.morphs)) return 0;
    if (face.morphs[m] === value) return 0;
    const pending = face.unbinds.get(m);
    if (pending !== undefined) {
      this.timers.clear(pending);
      face.unbinds.delete(m);
    }
    if (value > 0) {
      face.morphs[m] = value;
      return this.host.sendLine(agentId, `MODEL_BINDFACE|${alias}|${m}|${rate(value)}|${sec}`) ? 1 : 0;
    }
    delete face.morphs[m];
    const sent = this.host.sendLine(agentId, `MODEL_BINDFACE|${alias}|${m}|0|${sec}`) ? 1 : 0;
    const unbind = (): void => {
      face.unbinds.delete(m);
      this.host.sendLine(agentId, `MODEL_UNBINDFACE|${alias}|${m}`);
    };
    const wait = Number(sec) * 1000;
    if (wait <= 0) {
      unbind();
      return sent + 1;
    }
    face.unbinds.set(m, this.timers.set(unbind, wait + UNBIND_MARGIN_MS));
    return sent;
  }

  /** `__AV_EXMORPH,…` with every value still held and each one let go (`=0`), or null when nothing changes. */
  private exmorphLine(face: Face, want: Map<string, number>): string | null {
    const changed = [...want].some(([m, v]) => (face.exmorph[m] ?? 0) !== v);
    if (!changed) return null;
    const next = new Map(Object.entries(face.exmorph));
    for (const [m, v] of want) next.set(m, v);
    const parts = [...next].filter(([m, v]) => v > 0 || m in face.exmorph).map(([m, v]) => `${m}=${rate(v)}`);
    return parts.length ? `__AV_EXMORPH,${parts.join(',')}` : null;
  }

  /** While any avatar morph is above 0, the line is resent `EXMORPH_HOLD_MS` after the last one went out. */
  private scheduleHold(agentId: number, alias: string, face: Face): void {
    if (face.hold !== null) this.timers.clear(face.hold);
    face.hold = null;
    const held = Object.entries(face.exmorph);
    if (held.length === 0) return;
    const line = `__AV_EXMORPH,${held.map(([m, v]) => `${m}=${rate(v)}`).join(',')}`;
    face.hold = this.timers.set(() => {
      face.hold = null;
      if (this.host.targetProblem(agentId)) return;
      this.avatar.ensure(agentId, alias, (l) => this.host.sendLine(agentId, l));
      this.host.resend(agentId, line);
      this.scheduleHold(agentId, alias, face);
    }, EXMORPH_HOLD_MS);
  }

  private faceOf(agentId: number, alias: string): Face {
    let byAlias = this.faces.get(agentId);
    if (!byAlias) this.faces.set(agentId, (byAlias = new Map()));
    let face = byAlias.get(alias);
    if (!face) byAlias.set(alias, (face = { morphs: {}, exmorph: {}, hold: null, unbinds: new Map() }));
    return face;
  }

  private clearTimers(face: Face): void {
    if (face.hold !== null) this.timers.clear(face.hold);
    face.hold = null;
    for (const t of face.unbinds.values()) this.timers.clear(t);
    face.unbinds.clear();
  }
}

function clamp(v: number): number {
  return Number(rate(v));
}
