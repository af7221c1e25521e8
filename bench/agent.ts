/** A raw MMDAgent-EX-like client on its own thread (see `agent-worker`), driven from the bench. */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerCommand } from './agent-worker.js';

const WORKER = fileURLToPath(new URL('./agent-worker.js', import.meta.url));

export class Agent {
  private constructor(private readonly worker: Worker) {}

  static async connect(url: string): Promise<Agent> {
    const worker = new Worker(WORKER, { workerData: { url } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { open?: boolean; error?: string }) =>
        m.open ? resolve() : reject(new Error(m.error)),
      );
    });
    return new Agent(worker);
  }

  run(command: WorkerCommand): Promise<{ start?: number; sent: number; seconds?: number }> {
    return new Promise((resolve) => {
      const on = (m: { done?: boolean; start?: number; sent: number; seconds?: number }): void => {
        if (!m.done) return;
        this.worker.off('message', on);
        this.worker.off('exit', gone);
        resolve(m);
      };
      /* A run cut short by close() ends with what it had. */
      const gone = (): void => resolve({ sent: -1 });
      this.worker.on('message', on);
      this.worker.once('exit', gone);
      this.worker.postMessage(command);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage({ cmd: 'close' });
    await new Promise((r) => setTimeout(r, 20));
    await this.worker.terminate();
  }
}
