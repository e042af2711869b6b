/**
 * A fixed-size pool of worker threads running batch tasks. Workers start
 * lazily (a three-page batch starts at most three), each task goes to the
 * least busy worker, and a worker that dies takes down only its own tasks:
 * they are retried once on a fresh worker, then reported as failed.
 */
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult, WorkerSettings } from './task.js';

/** What the batch loop runs tasks on: a pool of worker threads, or the main thread (`--jobs 1`). */
export interface TaskRunner {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/**
 * `--jobs 1`: tasks run one at a time on the main thread. A worker would cost a
 * second isolate (start-up, its own JIT warm-up and GC) and a message round trip
 * per page while the main thread sits idle; here each task waits only for a
 * turn of the event loop (so signals, output drains and manifest writes are
 * served between pages). runTask never throws, so a bad page still becomes a
 * `failed` result; only a crash of the process itself is not isolated.
 */
export class InlineRunner implements TaskRunner {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private mod: Promise<typeof import('./task.js')> | null = null;

  constructor(private readonly settings: WorkerSettings) {}

  run(task: Task): Promise<TaskResult> {
    this.mod ??= import('./task.js');
    const result = this.queue.then(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.closed) return { seq: task.seq, status: 'failed', reason: 'batch stopped', internal: false } as TaskResult;
      const { runTask } = await this.mod!;
      return runTask(task, this.settings);
    });
    this.queue = result.catch(() => {});
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => {});
  }
}

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

export class WorkerPool implements TaskRunner {
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
