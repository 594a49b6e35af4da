import { type OcrLine, type OcrPageText, weightedConfidence } from '../extraction/ocrText.js';
import { removeCjkSpacing } from '../extraction/pdfTextRepair.js';
import { BudgetedWorker } from './budgetedWorker.js';
import { correctOcrLine } from './ocrCorrection.js';
import { localLangPath, type OcrLanguage, type TrainedDataVariant } from './trainedData.js';

export interface OcrEngineOptions {
  langs: readonly OcrLanguage[];
  variant: TrainedDataVariant;
  /** Budget for starting the worker and loading the models (ms); a missing model fails at once, a stuck one here. */
  initTimeoutMs: number;
  /**
   * tesseract page segmentation: '4' (one column of text of varying sizes) reads the large centred titles of
   * consents and certificates that '3' (automatic layout) drops as non-text; '3' for multi-column pages.
   */
  pageSegMode: '3' | '4' | '6' | '11';
}

export const defaultOcrEngineOptions: OcrEngineOptions = {
  langs: ['chi_sim', 'eng'],
  variant: '4.0.0',
  initTimeoutMs: 60_000,
  pageSegMode: '4',
};

export interface RecogniseOptions {
  /** Wall-clock budget of this page (ms); when it is exceeded the worker is terminated (and replaced on next use). */
  timeoutMs: number;
  /** Lines under this confidence (0–100) are marked `lowConfidence`. */
  minConfidence: number;
  /** Resolution of the image, when known (tesseract sizes its text-height heuristics with it). */
  dpi?: number;
}

export type RecogniseOutcome =
  | { ok: true; page: OcrPageText }
  | { ok: false; reason: 'timeout' | 'error'; message: string; ms: number };

interface RawLine {
  text: string;
  confidence: number;
  bbox: OcrLine['bbox'];
}

/** Text of a tesseract line: no trailing newline, no spaces tesseract puts between Chinese characters. */
function cleanLineText(text: string): string {
  return removeCjkSpacing(text.replace(/\s+/g, ' ').trim());
}

function toPage(raw: RawLine[], minConfidence: number, ms: number): OcrPageText {
  const lines: OcrLine[] = [];
  for (const line of raw) {
    const raw = cleanLineText(line.text);
    if (raw === '') continue;
    const text = correctOcrLine(raw);
    const confidence = Math.max(0, Math.min(100, line.confidence));
    lines.push({
      text,
      ...(text !== raw ? { raw } : {}),
      confidence,
      bbox: line.bbox,
      lowConfidence: confidence < minConfidence,
    });
  }
  return { lines, confidence: weightedConfidence(lines), ms };
}

/**
 * OCR with one tesseract.js engine (packaged chi_sim + eng models) in one worker thread reused for every page of the
 * process, pages one at a time. A page over its time budget gets the thread terminated and the next page starts a
 * fresh one. `terminate()` ends it cleanly (tests, CLI, Lambda shutdown).
 */
export class OcrEngine {
  readonly options: OcrEngineOptions;
  private readonly worker: BudgetedWorker<{ image: Uint8Array; dpi?: number }, RawLine[]>;

  constructor(options: Partial<OcrEngineOptions> = {}) {
    this.options = { ...defaultOcrEngineOptions, ...options };
    const { langs, variant, pageSegMode } = this.options;
    this.worker = new BudgetedWorker({
      script: new URL('./ocrWorker.mjs', import.meta.url),
      workerData: () => ({ langs: [...langs], langPath: localLangPath(langs, variant), pageSegMode }),
      startTimeoutMs: this.options.initTimeoutMs,
      what: 'OCR worker',
    });
  }

  /** Worker threads started so far (a budget breach or a crash replaces the thread). */
  get started(): number {
    return this.worker.started;
  }

  /** OCR of one image (PNG, JPEG, TIFF, BMP… bytes). Never throws: a failure or a budget breach is an outcome. */
  async recognise(image: Uint8Array, options: RecogniseOptions): Promise<RecogniseOutcome> {
    const outcome = await this.worker.run({ image, dpi: options.dpi }, options.timeoutMs);
    if (!outcome.ok) return outcome;
    return { ok: true, page: toPage(outcome.result, options.minConfidence, outcome.ms) };
  }

  /** Ends the worker after the queued pages; the engine can be used again (it starts a new worker). */
  terminate(): Promise<void> {
    return this.worker.terminate();
  }
}

let shared: OcrEngine | undefined;

/** The process-wide OCR engine (one worker for the process). */
export function sharedOcrEngine(): OcrEngine {
  shared ??= new OcrEngine();
  return shared;
}

export async function closeSharedOcrEngine(): Promise<void> {
  const engine = shared;
  shared = undefined;
  await engine?.terminate();
}

/** OCR of one image with the process-wide engine. */
export function recognise(image: Uint8Array, options: RecogniseOptions): Promise<RecogniseOutcome> {
  return sharedOcrEngine().recognise(image, options);
}
