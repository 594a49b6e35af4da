import { Worker } from 'node:worker_threads';

/** The raw outputs of the document libraries, as the parser worker returns them. */
export interface DocxRaw {
  html: string;
  messages: string[];
}
export interface DocRaw {
  body: string;
  headers: string;
  textboxes: string;
}
export interface PdfRaw {
  total: number;
  pages: { num: number; text: string }[];
  /** Ruled tables per page (pdf-parse getTable): tables → rows → cell texts. */
  tables?: { num: number; tables: string[][][] }[];
  info: Record<string, string>;
}
/** A workbook as SheetJS reads it (xlsx, xls, WPS .et, ods): per sheet, in workbook order. */
export interface SheetRaw {
  sheets: {
    name: string;
    /** 0 visible, 1 hidden, 2 very hidden (only reachable through VBA). */
    hidden: number;
    /** Non-blank cells as [row, column, text as displayed], 0-based sheet coordinates. */
    cells: [number, number, string][];
    merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
    /** Why rows past the read cap were left out (the declared range, or the cap itself). */
    truncated?: string;
  }[];
}
export interface ParserResults {
  docx: DocxRaw;
  doc: DocRaw;
  pdf: PdfRaw;
  sheet: SheetRaw;
  /** Loads the libraries in a worker ahead of the first file (cold start: ~0.3–1 s). */
  warm: Record<string, never>;
}
export type ParserKind = keyof ParserResults;

export type ParseOutcome<K extends ParserKind> =
  | { ok: true; result: ParserResults[K]; ms: number }
  | { ok: false; reason: 'timeout' | 'memory' | 'crash' | 'error'; name: string; message: string; ms: number };

export interface SandboxOptions {
  /** Worker threads kept alive and run in parallel. */
  workers: number;
  /** Wall-clock budget of one file; the worker is terminated when it is exceeded. */
  timeoutMs: number;
  /** V8 heap cap of a worker (resourceLimits.maxOldGenerationSizeMb); exceeding it kills the worker. */
  maxHeapMb: number;
}

export const defaultSandboxOptions: SandboxOptions = { workers: 2, timeoutMs: 30_000, maxHeapMb: 1024 };

interface Job {
  id: number;
  kind: ParserKind;
  bytes: Uint8Array;
  timeoutMs: number;
  transfer: boolean;
  resolve: (outcome: ParseOutcome<ParserKind>) => void;
}

const workerUrl = new URL('./parserWorker.mjs', import.meta.url);

/**
 * A small pool of worker threads that run the document libraries. A file that overruns its time budget or its
 * memory cap gets its worker terminated (and replaced); the caller receives an outcome, never an exception.
 */
export class ParserSandbox {
  readonly options: SandboxOptions;
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private busy = 0;
  private nextId = 1;
  private closed = false;

  constructor(options: Partial<SandboxOptions> = {}) {
    this.options = { ...defaultSandboxOptions, ...options };
  }

  /**
   * Parses `bytes` with the `kind` library in a worker. With `transfer`, the bytes' memory is moved to the worker (no
   * copy) when it can be: the caller's buffer is then detached and must not be used again.
   */
  run<K extends ParserKind>(
    kind: K,
    bytes: Uint8Array,
    timeoutMs = this.options.timeoutMs,
    { transfer = false }: { transfer?: boolean } = {},
  ): Promise<ParseOutcome<K>> {
    return new Promise((resolve) => {
      if (this.closed) {
        resolve({ ok: false, reason: 'crash', name: 'SandboxClosed', message: 'parser sandbox is closed', ms: 0 });
        return;
      }
      this.queue.push({
        id: this.nextId++,
        kind,
        bytes,
        timeoutMs,
        transfer,
        resolve: resolve as (o: ParseOutcome<ParserKind>) => void,
      });
      this.pump();
    });
  }

  /** Starts every worker and loads the parsing libraries in it (e.g. at Lambda init), so no file pays for that. */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.options.workers }, () => this.run('warm', new Uint8Array(0))));
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.idle.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy < this.options.workers)) {
      const job = this.queue.shift() as Job;
      const worker = this.idle.pop() ?? this.spawn();
      this.busy++;
      this.dispatch(worker, job);
    }
  }

  private spawn(): Worker {
    return new Worker(workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: 64 },
      // The worker is plain JavaScript: without this it inherits the parent's loaders (tsx, vitest), which cost
      // ~200 MB per worker before the first file (measured by test/bench/extraction.bench.ts).
      execArgv: [],
      stdout: true,
      stderr: true,
    });
  }

  private dispatch(worker: Worker, job: Job): void {
    const started = performance.now();
    let settled = false;
    worker.ref();
    const finish = (outcome: ParseOutcome<ParserKind>, keepWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      this.busy--;
      if (keepWorker && !this.closed) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      job.resolve(outcome);
      this.pump();
    };
    const elapsed = () => Math.round(performance.now() - started);
    const onMessage = (msg: {
      id: number;
      ok: boolean;
      result?: unknown;
      error?: { name: string; message: string };
    }) => {
      if (msg.id !== job.id) return;
      if (msg.ok) finish({ ok: true, result: msg.result as ParserResults[ParserKind], ms: elapsed() }, true);
      else {
        const error = msg.error ?? { name: 'Error', message: 'unknown parser error' };
        finish({ ok: false, reason: 'error', name: error.name, message: error.message, ms: elapsed() }, true);
      }
    };
    const onError = (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(
        {
          ok: false,
          reason: memory ? 'memory' : 'crash',
          name: error.name,
          message: memory ? `memory cap of ${this.options.maxHeapMb} MB exceeded` : error.message,
          ms: elapsed(),
        },
        false,
      );
    };
    const onExit = (code: number) =>
      finish(
        { ok: false, reason: 'crash', name: 'WorkerExit', message: `worker exited (${code})`, ms: elapsed() },
        false,
      );
    const timer = setTimeout(
      () =>
        finish(
          {
            ok: false,
            reason: 'timeout',
            name: 'Timeout',
            message: `time budget of ${job.timeoutMs} ms exceeded`,
            ms: elapsed(),
          },
          false,
        ),
      job.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    // Moved when the caller hands its bytes over and they own their whole ArrayBuffer (a pooled Buffer slice shares
    // its buffer with others); otherwise a copy is moved, so the caller keeps its bytes.
    const { bytes } = job;
    const whole =
      job.transfer &&
      bytes.buffer instanceof ArrayBuffer &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength;
    const moved = whole ? bytes : new Uint8Array(bytes);
    job.bytes = new Uint8Array(0);
    try {
      worker.postMessage({ id: job.id, kind: job.kind, bytes: moved }, [moved.buffer as ArrayBuffer]);
    } catch (error) {
      finish({ ok: false, reason: 'crash', name: 'PostMessage', message: String(error), ms: elapsed() }, false);
    }
  }
}
