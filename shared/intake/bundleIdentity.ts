import { bundleIdOf } from '../actions/registerBundle.js';
import { unitOfIncomingKey } from '../objects/objectKeys.js';
import type { ObjectInfo, ObjectStore } from '../objects/objectStore.js';
import type { BundleSource } from '../records/recordsRepository.js';

/** Upload metadata (S3 `x-amz-meta-*`, URI-encoded UTF-8) the intake reads when the uploader set it. */
export const uploadMetadata = { unitName: 'unit-name', campaign: 'campaign' } as const;

/**
 * The records' identity of an uploaded bundle: on S3 the object version (a re-delivered event finds the same
 * bundle), locally the bytes (the same file submitted twice is the same bundle).
 */
export function bundleSourceOf(
  store: ObjectStore,
  object: { bucket: string; key: string; versionId: string },
  sha256: string,
): BundleSource {
  return store.kind === 's3'
    ? { kind: 's3', bucket: object.bucket, key: object.key, versionId: object.versionId }
    : { kind: 'local', sha256 };
}

export { bundleIdOf };

function decoded(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value).trim() || undefined;
  } catch {
    return value.trim() || undefined;
  }
}

/** The recommending unit: its id from `incoming/<unit>/…`, its name from the upload metadata when given. */
export function uploaderOf(key: string, info: ObjectInfo): { id: string; name?: string } {
  const id = unitOfIncomingKey(key) ?? 'unknown';
  const name = decoded(info.metadata[uploadMetadata.unitName]);
  return name ? { id, name } : { id };
}

/** The campaign year: the upload's `campaign` metadata, else the Beijing-time year the bundle was received in. */
export function campaignYearOf(info: ObjectInfo, receivedAt: string): string {
  const declared = decoded(info.metadata[uploadMetadata.campaign]);
  if (declared && /^\d{4}$/.test(declared)) return declared;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date(receivedAt));
}
