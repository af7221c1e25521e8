/**
 * The periodic sender: a message every N seconds until stopped, the panel's version of the
 * documentation's sample server that sends a test message every 2 s. It lives in the core,
 * so it keeps time while a browser tab sleeps or the window reloads.
 */
import type { ChangeResult, PeriodicJob, PeriodicRequest, PeriodicStart, SendResult } from '../../common/agents.js';
import { splitCompose } from './protocol.js';

const MIN_SEC = 0.1;
const MAX_SEC = 3600;
const MAX_JOBS = 20;

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
    if (!(req.everySec >= MIN_SEC && req.everySec <= MAX_SEC))
      return { ok: false, problem: { key: 'periodicInterval', min: MIN_SEC, max: MAX_SEC } };
    if (this.jobs.size >= MAX_JOBS) return { ok: false, problem: { key: 'periodicLimit', max: MAX_JOBS } };
    const job: PeriodicJob = { ...req, id: this.nextId++, sent: 0, startedAt: Date.now() };
    const tick = (): void => {
      const result = this.send(req);
      if (result.ok) {
        job.sent++;
        delete job.lastProblem;
      } else job.lastProblem = result.problem;
      this.changed();
    };
    const timer = setInterval(tick, req.everySec * 1000);
    this.jobs.set(job.id, { job, timer });
    tick();
    return { ok: true, id: job.id };
  }

  stop(id: number): ChangeResult {
    const entry = this.jobs.get(id);
    if (!entry) return { ok: false, problem: { key: 'periodicNotRunning' } };
    clearInterval(entry.timer);
    this.jobs.delete(id);
    this.changed();
    return { ok: true };
  }

  stopAll(): void {
    for (const id of [...this.jobs.keys()]) this.stop(id);
  }

  list(): PeriodicJob[] {
    return [...this.jobs.values()].map((e) => ({ ...e.job }));
  }
}
