/**
 * A fixed-size pool of worker threads running batch tasks. Workers start
 * lazily (a three-page batch starts at most three), each task goes to the
 * least busy worker, and a worker that dies takes down only its own tasks:
 * they are retried once on a fresh worker, then reported as failed.
 */
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult, WorkerSettings } from './task.js';

interface Pending {
  task: Task;
  resolve: (result: TaskResult) => void;
  attempts: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  dead: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly settings: WorkerSettings,
    private readonly workerUrl: URL = new URL('./worker.js', import.meta.url),
  ) {}

  /** Runs `task` on a worker; never rejects (a crash becomes a `failed` result). */
  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve) => this.dispatch({ task, resolve, attempts: 0 }));
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch(p: Pending): void {
    if (this.closed) {
      p.resolve({ seq: p.task.seq, status: 'failed', reason: 'batch stopped', internal: false });
      return;
    }
    let best: Slot | undefined;
    for (const s of this.slots) if (!best || s.pending.size < best.pending.size) best = s;
    if (!best || (best.pending.size > 0 && this.slots.length < this.size)) best = this.spawn();
    p.attempts++;
    best.pending.set(p.task.seq, p);
    best.worker.postMessage(p.task);
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { workerData: this.settings });
    const slot: Slot = { worker, pending: new Map(), dead: false };
    worker.on('message', (result: TaskResult) => {
      const p = slot.pending.get(result.seq);
      if (!p) return;
      slot.pending.delete(result.seq);
      p.resolve(result);
    });
    const die = (why: string) => {
      if (slot.dead) return;
      slot.dead = true;
      const i = this.slots.indexOf(slot);
      if (i !== -1) this.slots.splice(i, 1);
      const orphans = [...slot.pending.values()];
      slot.pending.clear();
      for (const p of orphans) {
        // The culprit is one of them; each gets one more try on another worker.
        if (p.attempts < 2 && !this.closed) this.dispatch(p);
        else p.resolve({ seq: p.task.seq, status: 'failed', reason: `internal error: worker crashed (${why}); please report this`, internal: true });
      }
    };
    worker.on('error', (err) => die(err instanceof Error ? err.message : String(err)));
    worker.on('exit', (code) => die(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }
}
