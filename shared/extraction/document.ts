import { z } from 'zod';
import {
  Organisation,
  Person,
  RecommendationLetter,
  StandardProject,
  SummaryTableRow,
} from '../domain/application/index.js';
import { Finding, SourceRef } from '../domain/findings/finding.js';
import { MaterialType } from '../domain/materials/materialType.js';
import { OcrResult } from './ocrResult.js';

/** What a file really is, from its bytes (magic numbers), whatever its name says. */
export const DetectedType = z.enum([
  'docx',
  'doc',
  'pdf',
  'jpeg',
  'png',
  'tiff',
  'gif',
  'bmp',
  'webp',
  'zip',
  'rar',
  '7z',
  'iso',
  'xlsx',
  'pptx',
  'xls',
  'ods',
  'ppt',
  'encrypted-ooxml',
  'cfb',
  'text',
  'empty',
  'unknown',
]);
export type DetectedType = z.infer<typeof DetectedType>;

/** One table cell; a merged cell spans several grid columns (colSpan) or rows (rowSpan). */
export const TableCell = z.object({
  text: z.string(),
  colSpan: z.number().int().positive(),
  rowSpan: z.number().int().positive(),
});
export type TableCell = z.infer<typeof TableCell>;

export const Table = z.object({
  /** 0-based index of the table in the document (nested tables are numbered after their parent). */
  index: z.number().int().nonnegative(),
  page: z.number().int().positive().optional(),
  rows: z.array(z.array(TableCell)),
});
export type Table = z.infer<typeof Table>;

/** Text of one page (PDF) or of the whole flow of a Word document (page 1), split into lines. */
export const PageText = z.object({
  page: z.number().int().positive(),
  lines: z.array(z.string()),
});
export type PageText = z.infer<typeof PageText>;

/** A form value as read, with the place it came from; `label` is the label text that matched. */
export const FieldValue = z.object({
  value: z.string(),
  label: z.string(),
  source: SourceRef,
  /** For tick-box fields (单位性质, 是否…): the ticked options, or the written answer. */
  selected: z.array(z.string()).optional(),
});
export type FieldValue = z.infer<typeof FieldValue>;

/** The typed records read from one document, validated by the domain schemas of `shared/domain/application`. */
export const ApplicationRecords = z.object({
  organisation: Organisation.optional(),
  person: Person.optional(),
  standardProject: StandardProject.optional(),
  recommendationLetter: RecommendationLetter.optional(),
  summaryRows: z.array(SummaryTableRow).optional(),
});
export type ApplicationRecords = z.infer<typeof ApplicationRecords>;

export const ExtractedDocument = z.object({
  /**
   * 0-based position of the entry in its bundle, in the order the bundle reader met it (archives and unreadable
   * entries count): the document's identity, since two entries may carry the same path. Absent for a lone file.
   */
  index: z.number().int().nonnegative().optional(),
  /** Path inside the bundle, decoded (GBK or UTF-8), '/'-separated; nested archives as `outer.zip/inner/x.pdf`. */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  /** Lower-case extension of the name, without the dot ('' when none). */
  declaredType: z.string(),
  detectedType: DetectedType,
  /** True when text, tables and fields could be read (even if empty); false for unreadable, encrypted, skipped. */
  readable: z.boolean(),
  materialType: MaterialType,
  /** Further materials this one document also holds (the SI 申报书's 征求意见表 section, a combined PDF). */
  additionalMaterials: z.array(MaterialType).optional(),
  classificationReason: z.string(),
  pageCount: z.number().int().nonnegative(),
  pages: z.array(PageText),
  /** Header, footer and text-box lines (Word), kept apart from the body flow; scanned for markings. */
  headers: z.array(z.string()),
  tables: z.array(Table),
  fields: z.record(z.string(), FieldValue),
  /** Typed records (organisation, person, standard project with drafters, letter, summary rows) per material type. */
  records: ApplicationRecords,
  metadata: z.record(z.string(), z.string()),
  /** 1-based pages with no text layer (image-only); OCR'd pages stay listed here, their text is in `pages`. */
  needsOcr: z.array(z.number().int().positive()),
  /**
   * What OCR did, when the document was read with OCR and had pages without a text layer or is a consent or
   * certificate: each examined page with its lines and per-line confidence, the seal check, the consent's parts and
   * the certificate's credit code. The recognised lines are also the page's `pages` lines (same order).
   */
  ocr: OcrResult.optional(),
  findings: z.array(Finding),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

/** All text of a document, page after page, line after line. */
export function documentText(doc: Pick<ExtractedDocument, 'pages'>): string {
  return doc.pages.map((p) => p.lines.join('\n')).join('\n');
}
