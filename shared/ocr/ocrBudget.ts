/** OCR configuration (a campaign or deployment setting; these are the defaults). */
export interface OcrOptions {
  /** Wall-clock budget of one page, rendering + seal detection + recognition (ms). */
  perPageMs: number;
  /**
   * Pages OCR'd per bundle at most, granted in bundle order (the CLI and the direct intake; on AWS each file is OCR'd
   * in its own Map iteration and only `maxPagesPerFile` applies). Pages beyond are reported (OCR_BUDGET_EXCEEDED,
   * info), not read.
   */
  maxPagesPerBundle: number;
  /** Pages OCR'd per file at most (the first ones); the pages beyond are reported the same way. */
  maxPagesPerFile: number;
  /** Resolution PDF pages are rendered at (200 is enough for 小四/五号 text; 300 for small print). */
  dpi: number;
  /** Lines under this tesseract confidence (0–100) are low-confidence: shown, never trusted as values. */
  minConfidence: number;
}

export const defaultOcrOptions: OcrOptions = {
  perPageMs: 20_000,
  maxPagesPerBundle: 40,
  maxPagesPerFile: 30,
  dpi: 200,
  minConfidence: 75,
};

/**
 * The per-bundle page cap, shared by the entries of a bundle in bundle order, whatever order their parsing ends in:
 * each entry gets a turn (`turn()`, called in entry order) and claims the pages it wants once it knows them; the
 * claim is granted after every earlier turn's, so the same bundle always gets the same pages read.
 */
export class BundlePageCap {
  private left: number;
  private last: Promise<unknown> = Promise.resolve();

  constructor(readonly maxPages: number) {
    this.left = Math.max(0, maxPages);
  }

  turn(): PageTurn {
    let release: (pages: number) => void = () => {};
    const wanted = new Promise<number>((resolve) => {
      release = resolve;
    });
    const granted = this.last.then(async () => {
      const pages = Math.min(Math.max(0, await wanted), this.left);
      this.left -= pages;
      return pages;
    });
    this.last = granted;
    let claimed = false;
    return {
      claim: (pages) => {
        if (!claimed) release(pages);
        claimed = true;
        return granted;
      },
      close: () => {
        if (!claimed) release(0);
        claimed = true;
      },
    };
  }
}

export interface PageTurn {
  /** Asks for `pages` pages (once; later calls return the first answer): resolves with the pages granted. */
  claim(pages: number): Promise<number>;
  /** The entry is finished: an unclaimed turn claims nothing, so the later turns go on. */
  close(): void;
}

/** Time left of a page's budget started at `start` (performance.now()). */
export function remainingMs(start: number, perPageMs: number): number {
  return perPageMs - (performance.now() - start);
}
