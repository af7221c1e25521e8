/**
 * Slider drags to face lines: at most one request per animation frame per model, and the last
 * value always goes out. The first change in a frame leaves at once (no frame of delay); later
 * ones in that frame wait for the next frame and go out together.
 */
export interface FaceBatch {
  model: string;
  morphs: Record<string, number>;
  exmorph: Record<string, number>;
}

export interface PacerHooks {
  send(batch: FaceBatch): void;
  requestFrame(cb: () => void): void;
}

interface ModelState {
  pending: FaceBatch | null;
  sentThisFrame: boolean;
  frameAsked: boolean;
}

export class FacePacer {
  private readonly models = new Map<string, ModelState>();

  constructor(private readonly hooks: PacerHooks) {}

  /** A slider moved: `group` m is a morph, x an avatar morph. */
  push(model: string, group: 'm' | 'x', name: string, value: number): void {
    const st = this.state(model);
    st.pending ??= { model, morphs: {}, exmorph: {} };
    (group === 'm' ? st.pending.morphs : st.pending.exmorph)[name] = value;
    if (!st.sentThisFrame) this.flush(st);
    this.askFrame(model, st);
  }

  /** Forget what is pending for a model (a reset or preset replaces it). */
  drop(model: string): void {
    const st = this.models.get(model);
    if (st) st.pending = null;
  }

  private flush(st: ModelState): void {
    if (!st.pending) return;
    const batch = st.pending;
    st.pending = null;
    st.sentThisFrame = true;
    this.hooks.send(batch);
  }

  private askFrame(model: string, st: ModelState): void {
    if (st.frameAsked) return;
    st.frameAsked = true;
    this.hooks.requestFrame(() => {
      st.frameAsked = false;
      st.sentThisFrame = false;
      if (st.pending) {
        this.flush(st);
        this.askFrame(model, st);
      } else this.models.delete(model);
    });
  }

  private state(model: string): ModelState {
    let st = this.models.get(model);
    if (!st) this.models.set(model, (st = { pending: null, sentThisFrame: false, frameAsked: false }));
    return st;
  }
}
