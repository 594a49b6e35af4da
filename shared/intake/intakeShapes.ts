import { z } from 'zod';
import { Department } from '../domain/consultation/department.js';
import { Finding } from '../domain/findings/finding.js';
import { MaterialType } from '../domain/materials/materialType.js';
import { Track } from '../domain/track/track.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const year = z.string().regex(/^\d{4}$/);

/** Where the bundle came from, as the records identify it (see KEYS.md). */
export const IntakeBundleSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('s3'), bucket: z.string().min(1), key: z.string().min(1), versionId: z.string().min(1) }),
  z.object({ kind: z.literal('local'), sha256 }),
]);

/** The Intake execution's input (from the ingest Lambda: the S3 event). */
export const IntakeInput = z.object({
  bucket: z.string().min(1),
  key: z.string().min(1),
  versionId: z.string().min(1),
  /** The S3 event time; when absent the object's LastModified (never the run time). */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

/** An entry whose bytes are stored under `extracted/` (keys, never bytes), as listed in the stored entry list. */
export const EntryItem = z.object({
  /**
   * The entry's index in the bundle (reader order, archives and unreadable entries counted): its document's `index`,
   * what tells two entries with the same path apart. Absent in entry lists written before it existed.
   */
  bundleIndex: z.number().int().nonnegative().optional(),
  path: z.string(),
  objectKey: z.string().min(1),
  /** The entry bytes' sha256 (names its derived document). */
  sha256,
  /** The reader's findings and metadata about the entry, only when it has any. */
  findings: z.array(Finding).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type EntryItem = z.infer<typeof EntryItem>;

/** Intake.Unpack's result (`$.unpacked`). */
export const UnpackedBundle = z.object({
  bundleId: z.string().min(1),
  source: IntakeBundleSource,
  bundleSha256: sha256,
  bundleSize: z.number().int().nonnegative(),
  receivedAt: z.iso.datetime({ offset: true }),
  campaign: year,
  unit: z.object({ id: z.string().min(1), name: z.string().min(1).optional() }),
  /**
   * The Map items: the indexes 0…n−1 of the entries with bytes in the stored entry list (`entriesKey`). Paths and
   * keys stay in the object store so that a 2,000-entry bundle fits the state payload.
   */
  entries: z.array(z.number().int().nonnegative()),
  /** `derived/<bundleId>/entries.json` (shared/intake/entryList.ts). */
  entriesKey: z.string().min(1),
  /** Documents Unpack wrote itself (listed in the entry list), counted here. */
  derivedCount: z.number().int().nonnegative(),
  /** Findings about the archive as a whole. */
  findings: z.array(Finding),
});
export type UnpackedBundle = z.infer<typeof UnpackedBundle>;

/** One Map item as the Map's ItemSelector passes it to Intake.ExtractFile. */
export const EntryRef = z.object({ bundleId: z.string().min(1), index: z.number().int().nonnegative() });
export type EntryRef = z.infer<typeof EntryRef>;

/** What Intake.ExtractFile returns (the Map's ResultSelector keeps `index` only). */
export const ExtractedEntry = z.object({
  index: z.number().int().nonnegative(),
  path: z.string(),
  derivedKey: z.string().min(1),
  readable: z.boolean(),
  materialType: MaterialType,
});
export type ExtractedEntry = z.infer<typeof ExtractedEntry>;

/**
 * What one Map iteration leaves in `$.extracted`: `{index}`, or the Catch's `{index, error}` (the extraction failed
 * every retry: Verify reports the entry as FILE_UNREADABLE).
 */
export const ExtractedItem = z.union([
  z.object({ index: z.number().int().nonnegative(), error: z.string() }),
  z.object({ index: z.number().int().nonnegative() }),
]);
export type ExtractedItem = z.infer<typeof ExtractedItem>;

/** One application the completeness check found, with what the registration needs. */
export const VerifiedApplication = z.object({
  /** The report's application id (domain key or folder). */
  reportId: z.string().min(1),
  track: Track,
  status: z.enum(['complete', 'incomplete']),
  name: z.string().min(1),
  /** Departments of the consultation matrix (all subjects together). */
  departments: z.array(Department),
  /** Matrix inputs the data lack (some departments may then be missing). */
  undetermined: z.array(z.string()),
  blocking: z.number().int().nonnegative(),
});
export type VerifiedApplication = z.infer<typeof VerifiedApplication>;

/** Intake.Verify's result (`$.verified`); the report itself is in the object store, not here. */
export const VerifiedBundle = z.object({
  bundleId: z.string().min(1),
  source: IntakeBundleSource,
  bundleSha256: sha256,
  campaign: year,
  receivedAt: z.iso.datetime({ offset: true }),
  unit: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  status: z.enum(['complete', 'incomplete']),
  reportKey: z.string().min(1),
  reportSha256: sha256,
  /** The applications' data as read from their forms (`derived/<bundleId>/applications.json`), kept off the payload. */
  applicationsKey: z.string().min(1),
  applications: z.array(VerifiedApplication),
});
export type VerifiedBundle = z.infer<typeof VerifiedBundle>;

export const RegisteredApplication = z.object({
  applicationId: z.string().min(1),
  reportId: z.string().min(1),
  track: Track,
  complete: z.boolean(),
  /** The stage the registration left it at: CONSULTATION (complete) or COMPLETENESS (incomplete). */
  stage: z.enum(['COMPLETENESS', 'CONSULTATION']),
  consultations: z.array(Department),
});
export type RegisteredApplication = z.infer<typeof RegisteredApplication>;

/** Intake.Register's result (`$.registered`). */
export const RegisteredBundle = z.object({
  bundleId: z.string().min(1),
  /** False when the bundle was registered before (a repeated execution). */
  created: z.boolean(),
  applications: z.array(RegisteredApplication),
});
export type RegisteredBundle = z.infer<typeof RegisteredBundle>;
