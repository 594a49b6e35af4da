import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JobOutcome } from './budgetedWorker.js';

type Reply<T> = { id: number; ok: true; result: T } | { id: number; ok: false; message: string };

export interface BudgetedProcessOptions {
  /** Plain JavaScript child script: it sends `{ready: true}` once loaded, then answers `{id, ok, result|message}`. */
  script: URL;
  /** Budget for the child to start and load its libraries (ms). */
  startTimeoutMs: number;
  /** V8 heap cap of the child (MB). */
  maxHeapMb: number;
  what: string;
}

/**
 * One child process reused job after job, one job at a time, each under a wall-clock budget: the worker-thread
 * sandbox (BudgetedWorker) for native code. A signal in a worker thread (a segfault in a native decoder) kills the
 * whole process; in a child it is an outcome. A job over its budget, or a child that dies, gets the child killed and
 * the next job starts a fresh one. An idle child does not keep the process alive, and ends when its parent does.
 * Never throws.
 */
export class BudgetedProcess<Job, Result> {
  private child: Promise<ChildProcess> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /** Children started so far. */
  started = 0;

  constructor(private readonly options: BudgetedProcessOptions) {}

  private start(): Promise<ChildProcess> {
    return new Promise((resolve, reject) => {
      this.started++;
      const { NODE_OPTIONS: _loaders, ...env } = process.env;
      const child = fork(fileURLToPath(this.options.script), [], {
        // No TypeScript loader (tsx, vitest) inherited: the child is plain JavaScript.
        execArgv: [`--max-old-space-size=${this.options.maxHeapMb}`],
        env,
        serialization: 'advanced',
        // Library chatter stays in the child: it could echo document content.
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${this.options.what} start exceeded ${this.options.startTimeoutMs} ms`));
      }, this.options.startTimeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`${this.options.what} failed to start: ${error.message}`));
      };
      const onExit = (code: number | null, signal: string | null) =>
        fail(new Error(`exited with ${signal ?? `code ${code}`}`));
      child.once('error', fail);
      child.once('exit', onExit);
      child.once('message', () => {
        clearTimeout(timer);
        child.off('error', fail);
        child.off('exit', onExit);
        // A later failure to send (the child just died) is seen as its exit.
        child.on('error', () => {});
        child.unref();
        child.channel?.unref();
        resolve(child);
      });
    });
  }

  private ready(): Promise<ChildProcess> {
    if (!this.child) {
      const starting = this.start();
      this.child = starting;
      starting.catch(() => {
        if (this.child === starting) this.child = undefined;
      });
    }
    return this.child;
  }

  private async kill(): Promise<void> {
    const current = this.child;
    this.child = undefined;
    if (!current) return;
    try {
      const child = await current;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    } catch {
      // A child that never started has nothing to kill.
    }
  }

  run(job: Job, timeoutMs: number): Promise<JobOutcome<Result>> {
    const outcome = this.tail.then(() => this.runNow(job, timeoutMs));
    this.tail = outcome.catch(() => undefined);
    return outcome;
  }

  private async runNow(job: Job, timeoutMs: number): Promise<JobOutcome<Result>> {
    let child: ChildProcess;
    try {
      child = await this.ready();
    } catch (error) {
      return { ok: false, reason: 'error', message: (error as Error).message, ms: 0 };
    }
    const id = this.nextId++;
    const start = performance.now();
    let answered = false;
    const outcome = await new Promise<JobOutcome<Result>>((resolve) => {
      const elapsed = () => performance.now() - start;
      const done = (result: JobOutcome<Result>) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (reply: Reply<Result>) => {
        if (reply.id !== id) return;
        answered = true;
        if (reply.ok) done({ ok: true, result: reply.result, ms: elapsed() });
        else done({ ok: false, reason: 'error', message: reply.message, ms: elapsed() });
      };
      const onExit = (code: number | null, signal: string | null) =>
        done({
          ok: false,
          reason: 'error',
          message: `${this.options.what} ended with ${signal ?? `exit code ${code}`}`,
          ms: elapsed(),
        });
      const timer = setTimeout(
        () =>
          done({
            ok: false,
            reason: 'timeout',
            message: `${this.options.what} exceeded ${Math.round(timeoutMs)} ms`,
            ms: elapsed(),
          }),
        Math.max(1, timeoutMs),
      );
      child.on('message', onMessage);
      child.on('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
      else child.send({ id, job });
    });
    // A child that answered (even "not an image") is kept; one that died or overran is replaced.
    if (!answered) await this.kill();
    return outcome;
  }

  /** Ends the child after the queued jobs; it can be used again (a new child starts). */
  async terminate(): Promise<void> {
    await this.tail;
    await this.kill();
  }
}
