/**
 * Decoding on worker threads: chunks go to the first free worker and their results come back by
 * id. With no workers, chunks are decoded in the main thread (the same function).
 */
import { Worker } from 'node:worker_threads';
import { decodeTask, taskBuffers, type DecodeJob, type DecodeTask, type DecodeTaskResult } from './decode-task.ts';

/** The worker's file beside this one: `.ts` when run from source, `.js` from the package. */
const workerUrl = () => new URL(`./decode-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** Runs decode tasks on `size` workers (0: in this thread). */
export class DecodePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, { resolve: (r: DecodeTaskResult) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private readonly job: DecodeJob;

  constructor(job: DecodeJob, size: number) {
    this.job = job;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl(), { workerData: job });
      worker.on('message', ({ id, result }: { id: number; result: DecodeTaskResult }) => {
        this.pending.get(id)?.resolve(result);
        this.pending.delete(id);
        this.release(worker);
      });
      worker.on('error', (error) => {
        for (const [, p] of this.pending) p.reject(error);
        this.pending.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Decodes a task; its arrays are moved to the worker, not copied. */
  async run(task: DecodeTask): Promise<DecodeTaskResult> {
    if (!this.workers.length) return decodeTask(this.job, task);
    const worker = await this.acquire();
    const id = this.nextId++;
    const transfer = taskBuffers(task);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, task }, transfer);
    });
  }

  /** Tasks that may wait in line at once: two per worker keeps each busy while the file is read. */
  get depth(): number {
    return Math.max(1, this.workers.length * 2);
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.idle.pop()!)));
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
