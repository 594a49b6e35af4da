import type { OcrPageResult, SealReading } from '../extraction/ocrResult.js';
import { type ImageDecoder, sharedImageDecoder } from './imageDecoder.js';
import { remainingMs } from './ocrBudget.js';
import { decodePageImage, encodePng, type PageImage } from './pageImage.js';
import type { OcrEngine } from './recognise.js';
import type { PdfPageRenderer } from './renderPdfPage.js';
import { detectSeals, eraseSealInk } from './sealDetector.js';

export type PageSource = { kind: 'pdf'; pdf: Uint8Array; page: number } | { kind: 'image'; image: Uint8Array };

export interface PageOcrContext {
  engine: OcrEngine;
  renderer: PdfPageRenderer;
  /** Decoder of the bundle's own image files; by default the process-wide one (one child process). */
  decoder?: ImageDecoder;
  perPageMs: number;
  dpi: number;
  minConfidence: number;
}

/**
 * One page through the OCR pipeline, all within `perPageMs`: render (PDF) or take the image, decode it, detect red
 * seals, erase the seals' ink (text stamped over stays readable), recognise. An image file is decoded in the
 * decoder's child process after a header check (refused, broken or over its budget: 'failed', FILE_UNREADABLE);
 * one larger than the working size is scaled down, and OCR reads the scaled pixels. Never throws.
 */
export async function ocrPage(source: PageSource, page: number, ctx: PageOcrContext): Promise<OcrPageResult> {
  const start = performance.now();
  const base = { page, lines: [], confidence: 0 };
  const failed = (status: 'timeout' | 'failed', error: string, dpi: number): OcrPageResult => ({
    ...base,
    status,
    dpi,
    ms: performance.now() - start,
    error,
  });
  let bytes: Uint8Array;
  let dpi = ctx.dpi;
  if (source.kind === 'pdf') {
    const rendered = await ctx.renderer.render(source.pdf, source.page, { dpi, timeoutMs: ctx.perPageMs });
    if (!rendered.ok) return failed(rendered.reason === 'timeout' ? 'timeout' : 'failed', rendered.message, dpi);
    bytes = rendered.result.png;
    dpi = Math.round(rendered.result.dpi);
  } else bytes = source.image;

  let image: PageImage;
  let scaled = false;
  if (source.kind === 'image') {
    const decoded = await (ctx.decoder ?? sharedImageDecoder()).decode(bytes, remainingMs(start, ctx.perPageMs));
    if (!decoded.ok) {
      const why = decoded.reason === 'timeout' ? `decoding stopped: ${decoded.message}` : decoded.message;
      return failed('failed', `image cannot be decoded: ${why}`, dpi);
    }
    image = decoded.result;
    scaled = decoded.result.scaled;
  } else {
    try {
      image = await decodePageImage(bytes);
    } catch (error) {
      return failed('failed', `image cannot be decoded: ${(error as Error).message}`, dpi);
    }
  }
  // An image file carries no trustworthy physical size: take it for an A4 page.
  if (source.kind === 'image') dpi = Math.round(Math.min(image.width, image.height) / (210 / 25.4));
  const verdict = detectSeals(image, { dpi });
  const seal = { detected: verdict.sealDetected, diametersMm: verdict.seals.map((s) => Math.round(s.diameterMm)) };
  // tesseract reads PNG and JPEG as they are; other formats (TIFF variants, WebP, GIF) and scaled-down images go as
  // the decoded pixels.
  const pngOrJpeg = !scaled && ((bytes[0] === 0x89 && bytes[1] === 0x50) || (bytes[0] === 0xff && bytes[1] === 0xd8));
  const forOcr = verdict.sealDetected
    ? encodePng(eraseSealInk(image, verdict.seals))
    : pngOrJpeg
      ? bytes
      : encodePng(image);
  const left = remainingMs(start, ctx.perPageMs);
  if (left <= 0)
    return { ...failed('timeout', `page budget of ${ctx.perPageMs} ms used before recognition`, dpi), seal };
  const outcome = await ctx.engine.recognise(forOcr, { timeoutMs: left, minConfidence: ctx.minConfidence, dpi });
  if (!outcome.ok)
    return { ...failed(outcome.reason === 'timeout' ? 'timeout' : 'failed', outcome.message, dpi), seal };
  return {
    page,
    status: 'recognised',
    dpi,
    lines: outcome.page.lines,
    confidence: outcome.page.confidence,
    ms: performance.now() - start,
    seal,
  };
}

export type SealCheck = { ok: true; seal: SealReading; ms: number } | { ok: false; timedOut: boolean; error: string };

/**
 * Only the red-seal check of a PDF page that has a text layer (a typed consent with a stamped seal image): render
 * within `perPageMs`, detect. No OCR.
 */
export async function sealOnPdfPage(pdf: Uint8Array, page: number, ctx: PageOcrContext): Promise<SealCheck> {
  const start = performance.now();
  const rendered = await ctx.renderer.render(pdf, page, { dpi: ctx.dpi, timeoutMs: ctx.perPageMs });
  if (!rendered.ok) return { ok: false, timedOut: rendered.reason === 'timeout', error: rendered.message };
  try {
    const verdict = detectSeals(await decodePageImage(rendered.result.png), { dpi: rendered.result.dpi });
    return {
      ok: true,
      seal: { detected: verdict.sealDetected, diametersMm: verdict.seals.map((s) => Math.round(s.diameterMm)) },
      ms: performance.now() - start,
    };
  } catch (error) {
    return { ok: false, timedOut: false, error: (error as Error).message };
  }
}
