import { createHash } from 'node:crypto';
import { UnsafeObjectKey } from './objectStore.js';

/**
 * Object keys of the submissions bucket (README.md in this folder):
 * - `incoming/<unit>/<file>`: uploaded bundles (the S3 event of this prefix starts the intake);
 * - `extracted/<bundleId>/<entry path>`: each bundle entry's original bytes;
 * - `derived/<bundleId>/<entry sha256>.<path id>.json`: the ExtractedDocument of one entry;
 * - `reports/<bundleId>/report.json` and `report.html`: the completeness report;
 * - `uploads/<bundleId>.json`: the console's note of a bundle uploaded through it.
 */
export const objectPrefixes = {
  incoming: 'incoming/',
  extracted: 'extracted/',
  derived: 'derived/',
  reports: 'reports/',
  uploads: 'uploads/',
} as const;

/** A file name safe as the last part of an object key: letters, digits, CJK, . _ - kept, anything else `_`. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const cleaned = base.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^[.]+/, '_');
  return (cleaned || 'upload').slice(-120);
}

/** `incoming/<unit>/`: the unit's own upload folder. */
export const incomingPrefixOf = (unitId: string) => `${objectPrefixes.incoming}${unitId}/`;

/** `incoming/<unit>/<file>`: where a unit's bundle is uploaded (its unit from the sign-in, the file name made safe). */
export const incomingKey = (unitId: string, fileName: string) =>
  assertSafeKey(`${incomingPrefixOf(unitId)}${safeFileName(fileName)}`);

/**
 * `uploads/<bundleId>.json`: a bundle uploaded through the console (its key, version, unit, file name and time), so
 * its page can follow the check before the intake has registered it.
 */
export const uploadMarkerKey = (bundleId: string) => `${objectPrefixes.uploads}${bundleId}.json`;

const unsafeSegment = (s: string) => s === '' || s === '.' || s === '..';

/** Why a key is unsafe for every store (S3 and a folder alike), or undefined when it is fine. */
export function unsafeKeyReason(key: string): string | undefined {
  if (key.length === 0) return 'empty key';
  if (Buffer.byteLength(key, 'utf8') > 1024) return 'longer than 1024 bytes';
  if (key.startsWith('/')) return 'absolute';
  if (key.includes('\\')) return 'backslash';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(key)) return 'control character';
  if (key.split('/').some(unsafeSegment)) return 'empty, . or .. segment';
  return undefined;
}

export function assertSafeKey(key: string): string {
  const reason = unsafeKeyReason(key);
  if (reason) throw new UnsafeObjectKey(`unsafe object key (${reason}): ${JSON.stringify(key.slice(0, 200))}`);
  return key;
}

/** `incoming/<unit>/<file>` → the recommending unit's id (the upload account's folder), if the key has one. */
export function unitOfIncomingKey(key: string): string | undefined {
  const parts = key.split('/');
  if (parts[0] !== 'incoming' || parts.length < 3) return undefined;
  return parts[1] || undefined;
}

/**
 * Where an entry's original bytes go. The entry path is kept when it is a safe key; an entry path that is not
 * (`..`, empty segments — the reader already reported it) is stored under `_unsafe/<sha256 of the path>`.
 */
export function extractedKey(bundleId: string, entryPath: string): string {
  const key = `${objectPrefixes.extracted}${bundleId}/${entryPath}`;
  if (!unsafeKeyReason(key)) return key;
  return `${objectPrefixes.extracted}${bundleId}/_unsafe/${createHash('sha256').update(entryPath).digest('hex')}`;
}

/** `extracted/<bundleId>/…` → bundleId. */
export function bundleIdOfExtractedKey(key: string): string | undefined {
  const m = /^extracted\/([^/]+)\//.exec(key);
  return m?.[1];
}

/**
 * Where an entry's ExtractedDocument goes: named by the entry's content hash, plus the first 12 hex of the path's
 * hash because the same bytes can sit under two paths of a bundle (a letter copied into two folders) and the
 * document records its path and classification by name.
 */
export function derivedKey(bundleId: string, entrySha256: string, entryPath: string): string {
  const pathId = createHash('sha256').update(entryPath).digest('hex').slice(0, 12);
  return `${objectPrefixes.derived}${bundleId}/${entrySha256}.${pathId}.json`;
}

export const reportKeys = (bundleId: string) => ({
  json: `${objectPrefixes.reports}${bundleId}/report.json`,
  html: `${objectPrefixes.reports}${bundleId}/report.html`,
});
