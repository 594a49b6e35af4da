import { Worker } from 'node:worker_threads';

export type JobOutcome<T> =
  | { ok: true; result: T; ms: number }
  | { ok: false; reason: 'timeout' | 'error'; message: string; ms: number };

type Reply<T> = { id: number; ok: true; result: T } | { id: number; ok: false; message: string };

export interface BudgetedWorkerOptions {
  /** Plain JavaScript worker script: it posts `{ready: true}` once loaded, then answers `{id, ok, result|message}`. */
  script: URL;
  /** Built when the thread starts (it may throw: a missing model fails the job at once). */
  workerData: () => unknown;
  /** Budget for the thread to load its libraries and models (ms). */
  startTimeoutMs: number;
  /** V8 heap cap of the thread (MB); exceeding it ends the thread, which is an outcome, not a crash. */
  maxHeapMb?: number;
  what: string;
}

/**
 * One worker thread reused job after job, one job at a time, each under a wall-clock budget. A job over its budget
 * (or a thread that crashes) gets the thread terminated — a WASM or parser call cannot be interrupted any other way —
 * and the next job starts a fresh thread. Idle threads do not keep the process alive. Never throws.
 */
export class BudgetedWorker<Job, Result> {
  private worker: Promise<Worker> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /** Threads started so far. */
  started = 0;

  constructor(private readonly options: BudgetedWorkerOptions) {}

  private startWorker(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      let workerData: unknown;
      try {
        workerData = this.options.workerData();
      } catch (error) {
        reject(error);
        return;
      }
      this.started++;
      const worker = new Worker(this.options.script, {
        workerData,
        // No TypeScript loader (tsx, vitest) inherited into the thread or its nested workers.
        execArgv: [],
        stdout: true,
        stderr: true,
        ...(this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {}),
      });
      // Library chatter (tesseract warnings) stays in the thread: it could echo document content.
      worker.stdout.resume();
      worker.stderr.resume();
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`${this.options.what} start exceeded ${this.options.startTimeoutMs} ms`));
      }, this.options.startTimeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(new Error(`${this.options.what} failed to start: ${error.message}`));
      };
      const onExit = (code: number) => fail(new Error(`exited with code ${code}`));
      worker.once('error', fail);
      worker.once('exit', onExit);
      worker.once('message', () => {
        clearTimeout(timer);
        worker.off('error', fail);
        worker.off('exit', onExit);
        worker.unref();
        resolve(worker);
      });
    });
  }

  private workerReady(): Promise<Worker> {
    if (!this.worker) {
      const starting = this.startWorker();
      this.worker = starting;
      starting.catch(() => {
        if (this.worker === starting) this.worker = undefined;
      });
    }
    return this.worker;
  }

  private async kill(): Promise<void> {
    const current = this.worker;
    this.worker = undefined;
    if (!current) return;
    try {
      await (await current).terminate();
    } catch {
      // A thread that never started has nothing to terminate.
    }
  }

  run(job: Job, timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<JobOutcome<Result>> {
    const outcome = this.tail.then(() => this.runNow(job, timeoutMs, transfer));
    this.tail = outcome.catch(() => undefined);
    return outcome;
  }

  private async runNow(job: Job, timeoutMs: number, transfer: ArrayBuffer[]): Promise<JobOutcome<Result>> {
    let worker: Worker;
    try {
      worker = await this.workerReady();
    } catch (error) {
      return { ok: false, reason: 'error', message: (error as Error).message, ms: 0 };
    }
    const id = this.nextId++;
    const start = performance.now();
    const outcome = await new Promise<JobOutcome<Result>>((resolve) => {
      const elapsed = () => performance.now() - start;
      const done = (result: JobOutcome<Result>) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (reply: Reply<Result>) => {
        if (reply.id !== id) return;
        if (reply.ok) done({ ok: true, result: reply.result, ms: elapsed() });
        else done({ ok: false, reason: 'error', message: reply.message, ms: elapsed() });
      };
      const onError = (error: Error) => done({ ok: false, reason: 'error', message: error.message, ms: elapsed() });
      const onExit = (code: number) =>
        done({ ok: false, reason: 'error', message: `${this.options.what} exited with code ${code}`, ms: elapsed() });
      const timer = setTimeout(
        () =>
          done({
            ok: false,
            reason: 'timeout',
            message: `${this.options.what} exceeded ${timeoutMs} ms`,
            ms: elapsed(),
          }),
        timeoutMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, job }, transfer);
    });
    if (!outcome.ok) await this.kill();
    return outcome;
  }

  /** Ends the thread after the queued jobs; it can be used again (a new thread starts). */
  async terminate(): Promise<void> {
    await this.tail;
    await this.kill();
  }
}
