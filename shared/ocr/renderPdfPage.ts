import { BudgetedWorker, type JobOutcome } from './budgetedWorker.js';
import { defaultImageLimits } from './imageHeader.js';

export interface RenderedPage {
  /** PNG bytes of the page at the requested resolution. */
  png: Uint8Array;
  width: number;
  height: number;
  /** Resolution rendered at: the one asked for, or lower for a page that would exceed the working pixel count. */
  dpi: number;
}

export interface RenderOptions {
  /** Resolution (200 for OCR, 300 for small print). */
  dpi: number;
  /** Wall-clock budget of the rendering (ms); over it the render thread is terminated. */
  timeoutMs: number;
}

export type RenderOutcome = JobOutcome<RenderedPage>;

/**
 * Renders PDF pages to PNG with what pdf-parse already brings (pdfjs-dist + @napi-rs/canvas), in one reusable worker
 * thread with a time budget per page and a heap cap.
 */
export class PdfPageRenderer {
  private readonly worker = new BudgetedWorker<
    { pdf: Uint8Array; page: number; dpi: number; maxPixels: number },
    RenderedPage
  >({
    script: new URL('./renderWorker.mjs', import.meta.url),
    workerData: () => ({}),
    startTimeoutMs: 30_000,
    maxHeapMb: 1024,
    what: 'PDF page rendering',
  });

  /** 1-based page number. Never throws: a broken PDF, a missing page or a budget breach is an outcome. */
  render(pdf: Uint8Array, page: number, options: RenderOptions): Promise<RenderOutcome> {
    const maxPixels = defaultImageLimits.maxWorkingPixels;
    return this.worker.run({ pdf, page, dpi: options.dpi, maxPixels }, options.timeoutMs);
  }

  terminate(): Promise<void> {
    return this.worker.terminate();
  }
}

let shared: PdfPageRenderer | undefined;

export function sharedPdfPageRenderer(): PdfPageRenderer {
  shared ??= new PdfPageRenderer();
  return shared;
}

export async function closeSharedPdfPageRenderer(): Promise<void> {
  const renderer = shared;
  shared = undefined;
  await renderer?.terminate();
}

/** Renders one page of an (image-only) PDF to PNG at the given dpi with the process-wide renderer. */
export function renderPdfPage(pdf: Uint8Array, page: number, options: RenderOptions): Promise<RenderOutcome> {
  return sharedPdfPageRenderer().render(pdf, page, options);
}
