/**
 * The avatar half of the fake MMDAgent-EX, as observed on the real one (docs/protocol.md, "Driving
 * the avatar"): `__AV_ACTION,n` plays `ACTn` of the model's `.shapemap` as motion `__action0`;
 * `MODEL_BINDFACE` holds a morph and `MODEL_UNBINDFACE` lets it go at its last value; avatar
 * morphs (`__AV_EXMORPH`) act only after `__AV_START`, and fade unless they are sent again.
 */
export interface FakeAvatarOptions {
  /** The `.shapemap`'s `ACTn` lines, relative to the model's folder. */
  actions?: Record<number, string>;
  /** The model's folder, as MMDAgent-EX prefixes action files with it (`gene/motion/02_laugh.vmd`). */
  modelDir?: string;
  /** How long an action's motion plays. */
  actionMs?: number;
  /** How long an avatar morph lasts without being sent again (the real one: within about a second). */
  exmorphHoldMs?: number;
}

export interface AvatarHost {
  avatarStarted: boolean;
  model: string | null;
  /** A message emitted inside MMDAgent-EX (an echo when `injected`). */
  queue(line: string, injected?: boolean): void;
  /** The same, `ms` from now. */
  later(ms: number, line: string): void;
}

export class FakeAvatar {
  /** Each morph's value as the model shows it now. */
  readonly morphs = new Map<string, number>();
  /** Morphs held by MODEL_BINDFACE. */
  readonly bound = new Set<string>();
  /** When each `__AV_EXMORPH` line arrived (ms, Date.now()). */
  readonly exmorphTimes: number[] = [];
  /** `__AV_ACTION` lines that played an action, by number. */
  readonly played: number[] = [];
  private readonly exmorph = new Map<string, { rate: number; at: number }>();
  private readonly running = new Set<number>();
  private readonly opts: Required<FakeAvatarOptions>;

  constructor(options: FakeAvatarOptions = {}) {
    this.opts = {
      actions: { 0: 'motion/00_normal.vmd', 2: 'motion/02_laugh.vmd', 16: 'motion/16_thinking.vmd' },
      modelDir: 'gene',
      actionMs: 1500,
      exmorphHoldMs: 1000,
      ...options,
    };
  }

  /** An avatar morph's value now: what was last sent, until it fades. */
  exmorphValue(name: string, now = Date.now()): number {
    const e = this.exmorph.get(name);
    return e && now - e.at < this.opts.exmorphHoldMs ? e.rate : 0;
  }

  /** True when the line was the avatar's to handle (the caller queues nothing more). */
  handle(line: string, host: AvatarHost): boolean {
    if (line.startsWith('__AV_EXMORPH,')) {
      if (!host.avatarStarted) return true;
      const now = Date.now();
      this.exmorphTimes.push(now);
      for (const part of line.slice('__AV_EXMORPH,'.length).split(',')) {
        const [name, rate] = part.split('=');
        if (name && rate !== undefined) this.exmorph.set(name, { rate: Number(rate), at: now });
      }
      return true;
    }
    if (line.startsWith('__AV_ACTION,')) {
      const n = Number(line.slice('__AV_ACTION,'.length));
      const file = this.opts.actions[n];
      if (host.model === null || file === undefined) return true;
      this.played.push(n);
      let slot = 0;
      while (this.running.has(slot)) slot++;
      const model = host.model;
      host.queue(`MOTION_ADD|${model}|__action${slot}|${this.opts.modelDir}/${file}|PART|ONCE|ON|OFF`);
      host.queue(`MOTION_EVENT_ADD|${model}|__action${slot}`);
      for (const other of this.running) host.queue(`MOTION_EVENT_DELETE|${model}|__action${other}`);
      this.running.clear();
      this.running.add(slot);
      host.later(this.opts.actionMs, `MOTION_EVENT_DELETE|${model}|__action${slot}`);
      setTimeout(() => this.running.delete(slot), this.opts.actionMs).unref();
      return true;
    }
    const [type, alias, morph, value] = line.split('|');
    if (type === 'MODEL_BINDFACE' && alias && morph && value !== undefined) {
      host.queue(line, true);
      this.morphs.set(morph, Number(value));
      this.bound.add(morph);
      host.queue(`MODEL_EVENT_BINDFACE|${alias}|${morph}`);
      return true;
    }
    if (type === 'MODEL_UNBINDFACE' && alias && morph) {
      host.queue(line, true);
      /* The morph keeps its last value; only a bound one answers. */
      if (this.bound.delete(morph)) host.queue(`MODEL_EVENT_UNBINDFACE|${alias}|${morph}`);
      return true;
    }
    return false;
  }
}
