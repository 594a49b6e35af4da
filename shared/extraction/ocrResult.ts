import { z } from 'zod';
import { SourceRef } from '../domain/findings/finding.js';
import { MaterialType } from '../domain/materials/materialType.js';
import { OcrLine } from './ocrText.js';

/** What happened to one page that needed OCR. */
export const OcrPageStatus = z.enum([
  /** Recognised; its lines are in `lines` and in the document's page text. */
  'recognised',
  /** Rendering + OCR overran the per-page time budget: the worker was terminated (OCR_BUDGET_EXCEEDED). */
  'timeout',
  /** Beyond the per-file or per-bundle page cap: not read (OCR_BUDGET_EXCEEDED, info). */
  'over-page-cap',
  /** The page could not be rendered or decoded, or the engine failed (message in `error`). */
  'failed',
  /**
   * The page has a text layer (of a consent or a credit-code certificate): its lines are the text layer's
   * (confidence 100), and for a consent PDF the page was rendered for the seal check only.
   */
  'text-layer',
]);
export type OcrPageStatus = z.infer<typeof OcrPageStatus>;

export const SealReading = z.object({
  detected: z.boolean(),
  /** Diameter (mm) of each seal found on the page. */
  diametersMm: z.array(z.number()),
});
export type SealReading = z.infer<typeof SealReading>;

export const OcrPageResult = z.object({
  page: z.number().int().positive(),
  status: OcrPageStatus,
  dpi: z.number().positive(),
  lines: z.array(OcrLine),
  /** Mean line confidence (0–100) weighted by length; 0 when not recognised. */
  confidence: z.number().min(0).max(100),
  /** Time the page took; 0 in a document's OCR section, which keeps no times (the same bytes, the same model). */
  ms: z.number().nonnegative(),
  /** Red round seal on the page image (present when the page image was decoded). */
  seal: SealReading.optional(),
  error: z.string().optional(),
});
export type OcrPageResult = z.infer<typeof OcrPageResult>;

/** A value read by OCR, with the confidence of the line it came from and where. */
export const OcrValue = z.object({
  value: z.string(),
  /** The line as recognised. */
  text: z.string(),
  confidence: z.number().min(0).max(100),
  /** Under the configured threshold: not to be trusted as the value (OCR_LOW_CONFIDENCE). */
  lowConfidence: z.boolean(),
  source: SourceRef,
});
export type OcrValue = z.infer<typeof OcrValue>;

/** The parts of a 脱密审核同意书 that SPEC §4 requires: unit, date, signature or seal. */
export const ConsentReading = z.object({
  unit: OcrValue.optional(),
  /** `value` is the ISO date (yyyy-mm-dd). */
  date: OcrValue.optional(),
  sealDetected: z.boolean(),
  /** A red seal, or a signature line (签字/签名/负责人 …) with a name after its label. */
  signatureOrSealPresent: z.boolean(),
});
export type ConsentReading = z.infer<typeof ConsentReading>;

export const CreditCodeReading = OcrValue.extend({
  /** GB 32100-2015 check passed (validateCreditCode). */
  valid: z.boolean(),
  /** Why it is not valid, when it is not. */
  invalidReason: z.string().optional(),
});
export type CreditCodeReading = z.infer<typeof CreditCodeReading>;

/**
 * The OCR section of one document (`ExtractedDocument.ocr`). The document itself gets the OCR text in its pages, its
 * classification and fields from that text, and the findings; this carries what only OCR knows.
 */
export const OcrResult = z.object({
  path: z.string(),
  /** Pages examined: those that needed OCR and what happened to each, and the text-layer pages of a consent or certificate. */
  pages: z.array(OcrPageResult),
  /** Material type without the OCR text (from the file name alone) and with it (the OCR'd title). */
  materialTypeBefore: MaterialType,
  materialType: MaterialType,
  classificationReason: z.string(),
  /** For a DECLASSIFICATION_CONSENT. */
  consent: ConsentReading.optional(),
  /** For a CREDIT_CODE_CERTIFICATE: the code read from the scan (absent when none was found). */
  creditCode: CreditCodeReading.optional(),
});
export type OcrResult = z.infer<typeof OcrResult>;
