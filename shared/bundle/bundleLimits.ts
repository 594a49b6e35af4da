import { type Finding, finding } from '../domain/findings/finding.js';

/** Limits on what a bundle may hold; every breach is a finding on the entry concerned, the rest goes on. */
export interface BundleLimits {
  /** Uncompressed bytes of all entries together (declared sizes, then actual bytes). */
  maxTotalBytes: number;
  /** Entries (files) in the bundle, nested archives included. */
  maxEntries: number;
  /**
   * Entries listed at all: those beyond `maxEntries` are listed unread, each with ARCHIVE_LIMIT_EXCEEDED, up to this
   * many; past it one bundle finding counts them (an archive of a million empty entries must not fill the report).
   */
  maxListedEntries: number;
  /** Uncompressed bytes of one entry. */
  maxFileBytes: number;
  /** Uncompressed / compressed ratio of one entry (zip bomb); applied to entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Archives inside archives: 1 = a zip inside the bundle is opened, a zip inside that is not. */
  maxNestingDepth: number;
}

export const defaultBundleLimits: BundleLimits = {
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 2000,
  maxListedEntries: 10_000,
  maxFileBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxNestingDepth: 1,
};

/** The size breach of an entry of `size` bytes with `totalSoFar` bytes already in the bundle: per file, then total. */
export function sizeLimitBreach(
  size: number,
  totalSoFar: number,
  limits: BundleLimits,
  file: string,
): Finding | undefined {
  if (size > limits.maxFileBytes)
    return finding('FILE_TOO_LARGE', 'review', `${size} bytes, over the ${limits.maxFileBytes}-byte limit`, { file });
  if (totalSoFar + size > limits.maxTotalBytes)
    return finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `bundle exceeds ${limits.maxTotalBytes} bytes`, { file });
  return undefined;
}

/** The finding on an entry listed but not read because the bundle already holds `maxEntries` entries. */
export function beyondEntryLimit(limits: BundleLimits, file: string): Finding {
  return finding('ARCHIVE_LIMIT_EXCEEDED', 'blocking', `beyond the limit of ${limits.maxEntries} files: not read`, {
    file,
  });
}

/** The bundle finding for entries past `maxListedEntries`, which are counted but not listed. */
export function unlistedEntries(count: number, limits: BundleLimits, file?: string): Finding {
  return finding(
    'ARCHIVE_LIMIT_EXCEEDED',
    'blocking',
    `${count} more entries beyond the listing limit of ${limits.maxListedEntries} were neither read nor listed`,
    { ...(file ? { file } : {}), evidence: String(count) },
  );
}
