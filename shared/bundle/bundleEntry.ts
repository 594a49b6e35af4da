import type { Finding } from '../domain/findings/finding.js';

/** One file of a bundle as read from the archive or folder, before its content is interpreted. */
export interface BundleEntry {
  /** Decoded path, '/'-separated; inside a nested archive `outer.zip/inner/file.pdf`. */
  path: string;
  /** Uncompressed size (declared by the archive when the bytes were not inflated). */
  size: number;
  sha256: string;
  /** The bytes, when they were read within the limits and are safe to parse. */
  bytes?: Uint8Array;
  findings: Finding[];
  metadata: Record<string, string>;
  /** The entry is itself an archive whose entries follow as their own entries. */
  isArchive?: boolean;
}

/** Receives entries one by one; the reader waits for it before inflating the next (backpressure). */
export type EntrySink = (entry: BundleEntry) => Promise<void>;

/** Shared counters across the bundle and its nested archives. */
export interface BundleTally {
  entries: number;
  totalBytes: number;
  /** Paths seen so far, case-folded: a second entry at one of them would overwrite the first when unpacked. */
  paths?: Set<string>;
}
