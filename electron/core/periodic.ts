/**
 * The periodic sender: a message every N seconds until stopped, the panel's version of the
 * documentation's sample server that sends a test message every 2 s. It lives in the core,
 * so it keeps time while a browser tab sleeps or the window reloads.
 */
import type { PeriodicJob, PeriodicRequest, SendResult } from '../../common/contract.js';
import { splitCompose } from './protocol.js';

export type PeriodicStart = { ok: true; id: number } | { ok: false; error: string };

export class PeriodicSender {
  private readonly jobs = new Map<number, { job: PeriodicJob; timer: NodeJS.Timeout }>();
  private nextId = 1;

  constructor(
    private readonly send: (req: PeriodicRequest) => SendResult,
    private readonly changed: () => void,
  ) {}

  start(req: PeriodicRequest): PeriodicStart {
    const parsed = splitCompose(req.text);
    if (!parsed.ok) return parsed;
    if (!(req.everySec >= 0.1 && req.everySec <= 3600)) return { ok: false, error: 'The interval must be between 0.1 and 3600 seconds.' };
    if (this.jobs.size >= 20) return { ok: false, error: 'At most 20 periodic messages can run at once.' };
    const job: PeriodicJob = { ...req, id: this.nextId++, sent: 0, startedAt: Date.now() };
    const tick = (): void => {
      const result = this.send(req);
      if (result.ok) {
        job.sent++;
        delete job.lastError;
      } else job.lastError = result.error;
      this.changed();
    };
    const timer = setInterval(tick, req.everySec * 1000);
    this.jobs.set(job.id, { job, timer });
    tick();
    return { ok: true, id: job.id };
  }

  stop(id: number): boolean {
    const entry = this.jobs.get(id);
    if (!entry) return false;
    clearInterval(entry.timer);
    this.jobs.delete(id);
    this.changed();
    return true;
  }

  stopAll(): void {
    for (const id of [...this.jobs.keys()]) this.stop(id);
  }

  list(): PeriodicJob[] {
    return [...this.jobs.values()].map((e) => ({ ...e.job }));
  }
}
