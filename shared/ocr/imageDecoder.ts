import { BudgetedProcess, type BudgetedProcessOptions } from './budgetedProcess.js';
import type { JobOutcome } from './budgetedWorker.js';
import type { DecodedImage } from './imageDecoding.mjs';
import { defaultImageLimits, type ImageLimits, readImageHeader } from './imageHeader.js';

export type { DecodedImage } from './imageDecoding.mjs';

export type DecodeOutcome =
  | JobOutcome<DecodedImage>
  | { ok: false; reason: 'refused'; tooLarge: boolean; message: string; ms: number };

/**
 * Decodes untrusted page images (a bundle's scans): the header is read first and an image declaring more pixels than
 * the limits is refused before any pixel is allocated; the rest is decoded in a child process of its own, within a
 * time budget, so that a native decoder's crash or a runaway decode costs that child and never the process.
 */
export class ImageDecoder {
  readonly limits: ImageLimits;
  private readonly child: BudgetedProcess<{ bytes: Uint8Array; limits: ImageLimits }, DecodedImage>;

  constructor(limits: Partial<ImageLimits> = {}, process: Partial<BudgetedProcessOptions> = {}) {
    this.limits = { ...defaultImageLimits, ...limits };
    this.child = new BudgetedProcess({
      script: new URL('./imageDecodeProcess.mjs', import.meta.url),
      startTimeoutMs: 30_000,
      // Pixels live outside the V8 heap; the heap holds utif2's directories and little else.
      maxHeapMb: 256,
      what: 'image decoder',
      ...process,
    });
  }

  /** Child processes started so far (a crash or a budget breach replaces the child). */
  get started(): number {
    return this.child.started;
  }

  /** Never throws: a refused, broken or runaway image is an outcome. */
  async decode(bytes: Uint8Array, timeoutMs: number): Promise<DecodeOutcome> {
    const header = readImageHeader(bytes, this.limits);
    if (!header.ok) return { ok: false, reason: 'refused', tooLarge: header.tooLarge, message: header.reason, ms: 0 };
    return this.child.run({ bytes, limits: this.limits }, timeoutMs);
  }

  terminate(): Promise<void> {
    return this.child.terminate();
  }
}

let shared: ImageDecoder | undefined;

/** The process-wide decoder (one child process, started on first use). */
export function sharedImageDecoder(): ImageDecoder {
  shared ??= new ImageDecoder();
  return shared;
}

export async function closeSharedImageDecoder(): Promise<void> {
  const decoder = shared;
  shared = undefined;
  await decoder?.terminate();
}
