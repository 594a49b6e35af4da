import { z } from 'zod';
import { Finding, SourceRef } from '../domain/findings/finding.js';
import { MaterialType } from '../domain/materials/materialType.js';
import { Track } from '../domain/track/track.js';
import { DetectedType } from '../extraction/document.js';

export const reportFormat = 'jqa-completeness-report/1';

/** complete: no blocking finding; incomplete: at least one. */
export const CompletenessStatus = z.enum(['complete', 'incomplete']);
export type CompletenessStatus = z.infer<typeof CompletenessStatus>;

/** present: a usable file; missing: none although needed; invalid: files, none usable; not-required: not needed. */
export const ChecklistStatus = z.enum(['present', 'missing', 'invalid', 'not-required']);
export type ChecklistStatus = z.infer<typeof ChecklistStatus>;

export const ChecklistItem = z.object({
  material: MaterialType,
  /** Chinese name of the material. */
  name: z.string(),
  requirement: z.enum(['required', 'conditional', 'optional']),
  condition: z.string().optional(),
  status: ChecklistStatus,
  /** Bundle paths of the files classified as this material. */
  files: z.array(z.string()),
  note: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** Where a file went: an application (by id), the recommending unit's own materials, a container, or nowhere. */
export const FileAssignment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('application'), applicationId: z.string(), reason: z.string() }),
  z.object({ kind: z.literal('recommendingUnit'), reason: z.string() }),
  z.object({ kind: z.literal('container'), reason: z.string() }),
  z.object({ kind: z.literal('unassigned'), reason: z.string() }),
]);
export type FileAssignment = z.infer<typeof FileAssignment>;

/**
 * What OCR did with a file (present only when the file went through OCR: a scan of a checked material, or a typed
 * consent/certificate whose values and seal were read). Integers only, so the JSON stays byte-identical.
 */
export const ReportFileOcr = z.object({
  /** Pages recognised by OCR. */
  pagesRead: z.array(z.number().int().positive()),
  /** Pages that needed OCR and were not read: over the time budget, beyond the page cap, or failed. */
  pagesNotRead: z.array(z.number().int().positive()),
  /** Mean confidence (0–100, rounded) of the recognised pages, when any page was recognised. */
  meanConfidence: z.number().int().min(0).max(100).optional(),
  /** A red round seal on a page image; absent when no page image was examined. */
  sealDetected: z.boolean().optional(),
  /** The material type the file name gave, when the OCR'd title changed it. */
  reclassifiedFrom: MaterialType.optional(),
  /** Values read: a consent's unit and date (ISO), a certificate's 统一社会信用代码 (with its check verdict). */
  consentUnit: z.string().optional(),
  consentDate: z.string().optional(),
  creditCode: z.string().optional(),
  creditCodeValid: z.boolean().optional(),
});
export type ReportFileOcr = z.infer<typeof ReportFileOcr>;

export const ReportFile = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  declaredType: z.string(),
  detectedType: DetectedType,
  readable: z.boolean(),
  pageCount: z.number().int().nonnegative(),
  /** Pages without a text layer (image-only). */
  pagesWithoutText: z.array(z.number().int().positive()),
  material: MaterialType,
  materialName: z.string(),
  classificationReason: z.string(),
  assignment: FileAssignment,
  findings: z.array(Finding),
  ocr: ReportFileOcr.optional(),
});
export type ReportFile = z.infer<typeof ReportFile>;

/** A form value as read, with the file and place it came from. */
export const ReportField = z.object({ value: z.string(), label: z.string(), source: SourceRef });
export type ReportField = z.infer<typeof ReportField>;

export const ReportApplicant = z.object({
  name: z.string().optional(),
  creditCode: z.string().optional(),
  /** QM_IND: the ID number as written (mask it wherever people read the report). */
  idNumber: z.string().optional(),
  employer: z.string().optional(),
  standardNumber: z.string().optional(),
  standardName: z.string().optional(),
  applicantUnit: z.string().optional(),
});
export type ReportApplicant = z.infer<typeof ReportApplicant>;

export const ReportApplication = z.object({
  /** Stable id: the application key of the domain (credit code, hashed ID number, standard number) or its folder. */
  id: z.string(),
  track: Track,
  trackName: z.string(),
  applicant: ReportApplicant,
  status: CompletenessStatus,
  /** Rank (排序) in the recommending unit's summary table, when a row matches. */
  summaryRank: z.number().int().positive().optional(),
  files: z.array(z.string()),
  checklist: z.array(ChecklistItem),
  /** Form fields read from the application's forms, keyed by field name. */
  fields: z.record(z.string(), ReportField),
  findings: z.array(Finding),
});
export type ReportApplication = z.infer<typeof ReportApplication>;

export const RecommendingUnitSection = z.object({
  name: z.string().optional(),
  /** Award families the bundle holds applications of: QM (质量管理) and/or SI (标准创新). */
  families: z.array(z.enum(['QM', 'SI'])),
  status: CompletenessStatus,
  files: z.array(z.string()),
  checklist: z.array(ChecklistItem),
  findings: z.array(Finding),
});
export type RecommendingUnitSection = z.infer<typeof RecommendingUnitSection>;

export const FindingTally = z.object({
  blocking: z.number().int().nonnegative(),
  review: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});

/**
 * The completeness report of one bundle (SPEC §4). Deterministic: the same bundle, campaign and received time give
 * byte-identical JSON (see `reportJson`).
 */
export const CompletenessReport = z.object({
  format: z.literal(reportFormat),
  /** Derived from the content: sha256 over the sorted (path, sha256) list of the files. */
  bundleId: z.string(),
  campaign: z.string(),
  /** When the bundle was received (an instant with offset), if given. */
  receivedAt: z.string().optional(),
  recommendingUnit: RecommendingUnitSection,
  status: CompletenessStatus,
  summary: z.object({
    files: z.number().int().nonnegative(),
    applications: z.number().int().nonnegative(),
    complete: z.number().int().nonnegative(),
    incomplete: z.number().int().nonnegative(),
    unassignedFiles: z.number().int().nonnegative(),
    findings: FindingTally,
  }),
  files: z.array(ReportFile),
  applications: z.array(ReportApplication),
  /** Files that fit no application and are not the recommending unit's: listed, never dropped. */
  unassignedFiles: z.array(z.string()),
  /** Findings about the bundle as a whole (archive unreadable, limits, no application found). */
  findings: z.array(Finding),
});
export type CompletenessReport = z.infer<typeof CompletenessReport>;
