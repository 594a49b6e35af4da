import type { DocumentOcrOptions } from '../ocr/documentOcr.js';
import { PdfPageRenderer, type RenderOutcome } from '../ocr/renderPdfPage.js';

/**
 * The intake's OCR configuration variables (the deployment sets them on the per-file Intake.ExtractFile Lambda, where
 * OCR runs; locally the shell).
 */
export const ocrEnvironment = {
  /** `off`: no OCR at all; scans stay "not verifiable" (review findings). */
  enabled: 'AWARD_OCR',
  /**
   * Pages OCR'd per bundle at most (default `defaultOcrOptions.maxPagesPerBundle`): where a whole bundle is extracted
   * in one process (the direct intake of a folder). A Map iteration of the AWS intake sees one file: it has no use.
   */
  maxPagesPerBundle: 'AWARD_OCR_PAGES',
  /** Pages OCR'd per file at most (default `defaultOcrOptions.maxPagesPerFile`). */
  maxPagesPerFile: 'AWARD_OCR_FILE_PAGES',
  /** Wall-clock budget of one page in ms (default `defaultOcrOptions.perPageMs`). */
  perPageMs: 'AWARD_OCR_PAGE_MS',
  /** Resolution PDF pages are rendered at (default `defaultOcrOptions.dpi`). */
  dpi: 'AWARD_OCR_DPI',
  /** `off`: PDF pages are not rendered (no canvas binding for the platform); image files are still OCR'd. */
  pdfPages: 'AWARD_OCR_PDF',
} as const;

/** A configuration variable with a value the intake cannot use (the step fails at once, naming it). */
export class OcrConfigurationError extends Error {
  override readonly name = 'OcrConfigurationError';
}

function integer(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new OcrConfigurationError(`${name} must be an integer from ${min} to ${max}, got "${raw.slice(0, 40)}"`);
  return value;
}

function switchedOff(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'on') return false;
  if (raw === 'off') return true;
  throw new OcrConfigurationError(`${name} must be "on" or "off", got "${raw.slice(0, 40)}"`);
}

export const pdfRenderingOffMessage = `PDF page rendering is off in this deployment (${ocrEnvironment.pdfPages}=off)`;

/**
 * A renderer that renders nothing: every PDF page OCR or the seal check asks for is a failed page ("cannot be
 * OCR'd", FILE_UNREADABLE review finding naming the setting), never a thread start or a crash.
 */
export class PdfRenderingOff extends PdfPageRenderer {
  override async render(): Promise<RenderOutcome> {
    return { ok: false, reason: 'error', message: pdfRenderingOffMessage, ms: 0 };
  }

  override async terminate(): Promise<void> {}
}

/**
 * The intake's OCR settings from the environment over the defaults of `shared/ocr/ocrBudget.ts`: `false` when
 * `AWARD_OCR=off`, else the page caps, per-page budget and dpi that are set (unset ones keep their defaults), and the
 * rendering-off renderer when `AWARD_OCR_PDF=off`. Throws OcrConfigurationError for a value it cannot use.
 */
export function intakeOcrOptions(env: NodeJS.ProcessEnv = process.env): DocumentOcrOptions | false {
  if (switchedOff(env, ocrEnvironment.enabled)) return false;
  const options: DocumentOcrOptions = {};
  const pages = integer(env, ocrEnvironment.maxPagesPerBundle, 0, 9999);
  const filePages = integer(env, ocrEnvironment.maxPagesPerFile, 0, 9999);
  const perPageMs = integer(env, ocrEnvironment.perPageMs, 1000, 600_000);
  const dpi = integer(env, ocrEnvironment.dpi, 72, 600);
  if (pages !== undefined) options.maxPagesPerBundle = pages;
  if (filePages !== undefined) options.maxPagesPerFile = filePages;
  if (perPageMs !== undefined) options.perPageMs = perPageMs;
  if (dpi !== undefined) options.dpi = dpi;
  if (switchedOff(env, ocrEnvironment.pdfPages)) options.renderer = new PdfRenderingOff();
  return options;
}
