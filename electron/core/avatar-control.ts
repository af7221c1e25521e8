/**
 * What each connection has been told with `__AV_*` lines. MMDAgent-EX resets it on every new
 * connection, and audio (and avatar actions) need `__AV_START` and `__AV_SETMODEL,<alias>` first,
 * whoever sends them: the panel's streams, the operator by hand, or the dialogue server in proxy mode.
 */
interface AvatarState {
  started: boolean;
  model: string | null;
}

export class AvatarControl {
  private readonly states = new Map<number, AvatarState>();

  /** A line that reached the agent; `__AV_*` lines change what it knows. */
  note(agentId: number, line: string): void {
    if (!line.startsWith('__AV')) return;
    const s = this.state(agentId);
    if (line === '__AV_START') s.started = true;
    else if (line === '__AV_END') Object.assign(s, { started: false, model: null });
    else if (line.startsWith('__AV_SETMODEL,')) s.model = line.slice('__AV_SETMODEL,'.length);
  }

  /** Sends `__AV_START` and `__AV_SETMODEL,<alias>` through `send` unless this connection has had them. */
  ensure(agentId: number, alias: string, send: (line: string) => boolean): void {
    const s = this.state(agentId);
    if (!s.started && send('__AV_START')) s.started = true;
    if (s.model !== alias && send(`__AV_SETMODEL,${alias}`)) s.model = alias;
  }

  /** The agent left: a reconnect starts from a blank avatar. */
  forget(agentId: number): void {
    this.states.delete(agentId);
  }

  private state(agentId: number): AvatarState {
    let s = this.states.get(agentId);
    if (!s) this.states.set(agentId, (s = { started: false, model: null }));
    return s;
  }
}
