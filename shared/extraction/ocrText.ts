import { z } from 'zod';

export const BoundingBox = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type BoundingBox = z.infer<typeof BoundingBox>;

/** One recognised line: tesseract's confidence (0–100) and whether it is under the configured threshold. */
export const OcrLine = z.object({
  /** The line after the narrow post-OCR corrections (ocrCorrection.ts). */
  text: z.string(),
  /** The line as tesseract read it, when a correction changed it. */
  raw: z.string().optional(),
  confidence: z.number().min(0).max(100),
  bbox: BoundingBox,
  /** Under `minConfidence`: shown, never trusted as a value. */
  lowConfidence: z.boolean(),
});
export type OcrLine = z.infer<typeof OcrLine>;

export const OcrPageText = z.object({
  lines: z.array(OcrLine),
  /** Mean confidence of the page's lines, weighted by their length (0 when nothing was read). */
  confidence: z.number().min(0).max(100),
  ms: z.number().nonnegative(),
});
export type OcrPageText = z.infer<typeof OcrPageText>;

/** Mean line confidence weighted by the number of characters. */
export function weightedConfidence(lines: readonly Pick<OcrLine, 'text' | 'confidence'>[]): number {
  let chars = 0;
  let sum = 0;
  for (const line of lines) {
    const n = [...line.text].length;
    chars += n;
    sum += n * line.confidence;
  }
  return chars === 0 ? 0 : sum / chars;
}
