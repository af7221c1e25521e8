/**
 * The rules for changing settings while agents are connected. Changing where the panel listens
 * restarts the listener, which closes every agent (and the released MMDAgent-EX exits when its
 * connection closes), so it needs the operator's confirmation. Changes run one at a time, so two
 * saves can never race two listeners.
 */
import type { ChangeResult, ServerStatus } from '../../common/agents.js';
import type { Settings } from '../../common/settings.js';
import type { ListenProblem } from '../../common/problems.js';
import { mergedSettingsProblem, settingsProblem } from '../../common/settings-rules.js';

export interface SettingsHost {
  /** The settings in force (stored, with this run's overrides on top). */
  current(): Settings;
  bound(): ServerStatus;
  agents(): number;
  /** Writes the patch to disk; returns the settings in force after it. */
  commit(patch: Partial<Settings>): Settings;
  /** Everything that follows the settings (echo timeout, origins, proxy) takes the new values. */
  applied(settings: Settings): void;
  /** Stops every stream and the listener, and listens again where the settings now say. */
  restartListener(): Promise<void>;
  /** Whether the listener could start at these settings' address (tried before anything closes). */
  probe(settings: Settings): Promise<ListenProblem | null>;
}

const WHERE = ['wsHost', 'wsPort', 'wsPath'] as const;

/** Whether a patch restarts the listener. UI preferences (filters, quick commands, window size) never do. */
export function restartsListener(before: Settings, patch: Partial<Settings>, bound: ServerStatus): boolean {
  /* Port 0 means "any free port": naming the port actually bound is not a move. */
  const samePort =
    patch.wsPort === undefined ||
    patch.wsPort === before.wsPort ||
    (before.wsPort === 0 && bound.state === 'listening' && patch.wsPort === bound.port);
  const moves =
    !samePort || (['wsHost', 'wsPath'] as const).some((k) => patch[k] !== undefined && patch[k] !== before[k]);
  const touches = WHERE.some((k) => patch[k] !== undefined);
  return moves || (touches && bound.state !== 'listening');
}

export class SettingsApplier {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: SettingsHost) {}

  update(patch: Partial<Settings>, confirm = false): Promise<ChangeResult> {
    const run = this.queue.then(() => this.apply(patch, confirm));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(patch: Partial<Settings>, confirm: boolean): Promise<ChangeResult> {
    const before = this.host.current();
    const bound = this.host.bound();
    const problem = settingsProblem(patch) ?? mergedSettingsProblem({ ...before, ...patch }, bound);
    if (problem) return { ok: false, problem };
    const restart = restartsListener(before, patch, bound);
    if (restart) {
      const listen = await this.host.probe({ ...before, ...patch });
      if (listen) return { ok: false, problem: { key: 'cannotListen', listen } };
    }
    const agents = this.host.agents();
    if (restart && agents > 0 && !confirm) return { ok: false, needsConfirm: true, agents, reason: 'move' };
    this.host.applied(this.host.commit(patch));
    if (!restart) return { ok: true };
    await this.host.restartListener();
    const now = this.host.bound();
    if (now.state === 'listening' || !now.error || bound.state !== 'listening') return { ok: true };
    /*
     * The new address failed after all (the probe cannot tell the panel's own port from another
     * program's on another address of the machine): listen where it did before, and say why.
     */
    this.host.applied(this.host.commit({ wsHost: before.wsHost, wsPort: before.wsPort, wsPath: before.wsPath }));
    await this.host.restartListener();
    return { ok: false, problem: { key: 'cannotListen', listen: now.error } };
  }
}
