import type { Readable } from 'node:stream';

/** What the store knows about one stored object. */
export interface ObjectInfo {
  key: string;
  size: number;
  lastModified: Date;
  /** S3 version id; locally the sha256 of the content (the same bytes are the same version). */
  versionId?: string;
  /** User metadata (S3 `x-amz-meta-*`): lower-case names, ASCII values. `sha256` is set by every `put`. */
  metadata: Record<string, string>;
}

export interface PutOptions {
  contentType?: string;
  /** Extra user metadata (lower-case names, ASCII values). */
  metadata?: Record<string, string>;
}

export interface PutResult {
  key: string;
  sha256: string;
  versionId?: string;
}

/**
 * The object-store port: the submissions bucket on AWS (`S3ObjectStore`), a folder locally (`LocalDiskObjectStore`).
 * Keys follow shared/objects/README.md. `versionId` selects a version where the store keeps them.
 */
export interface ObjectStore {
  readonly kind: 's3' | 'local';
  /** The bucket name (S3) or a fixed name for the local folder; part of a bundle's identity. */
  readonly bucket: string;
  put(key: string, body: Uint8Array | string, options?: PutOptions): Promise<PutResult>;
  get(key: string, versionId?: string): Promise<Uint8Array>;
  /** The content as a stream (large bundles: piped to a temporary file, never held in memory). */
  getStream(key: string, versionId?: string): Promise<Readable>;
  /** undefined when there is no such object. */
  head(key: string, versionId?: string): Promise<ObjectInfo | undefined>;
  /** Every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<ObjectInfo[]>;
}

/** The object (or version) does not exist. */
export class ObjectNotFound extends Error {
  override readonly name = 'ObjectNotFound';
}

/** A key the store refuses: empty, absolute, with `.`/`..` segments, backslashes or control characters. */
export class UnsafeObjectKey extends Error {
  override readonly name = 'UnsafeObjectKey';
}
