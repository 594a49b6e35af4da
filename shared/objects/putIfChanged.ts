import { createHash } from 'node:crypto';
import type { ObjectStore, PutOptions } from './objectStore.js';

export interface StoredObject {
  key: string;
  sha256: string;
  /** False when the object already held these bytes: nothing was written (no new S3 version). */
  written: boolean;
}

/**
 * Writes `body` under `key` unless the object already holds the same bytes (compared by the sha256 every put
 * records). A repeated intake step then creates no new object version.
 */
export async function putIfChanged(
  store: ObjectStore,
  key: string,
  body: Uint8Array | string,
  options: PutOptions = {},
): Promise<StoredObject> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await store.head(key);
  if (existing?.metadata.sha256 === sha256) return { key, sha256, written: false };
  await store.put(key, bytes, options);
  return { key, sha256, written: true };
}
