import type { BundleEntry } from '../bundle/bundleEntry.js';
import { type BundleLimits, defaultBundleLimits } from '../bundle/bundleLimits.js';
import { readFolderBundle } from '../bundle/folderBundle.js';
import { readIsoBundle } from '../bundle/isoBundle.js';
import { readZipArchive } from '../bundle/zipBundle.js';
import type { ExtractedDocument } from '../extraction/document.js';
import type { BundleSource } from '../extraction/extractBundle.js';
import type { ReadDocumentBytes } from '../ocr/applyOcr.js';

/**
 * The original bytes of a bundle's documents for OCR, read again from the bundle (extraction hands each entry's bytes
 * to its parser and keeps none). On the first request one pass over the bundle keeps the bytes of the `wanted` paths
 * (the scans and consents OCR may read), later requests are look-ups; bytes whose sha256 is not the document's
 * (the bundle changed on disk) are refused.
 */
export function bundleBytesReader(
  source: BundleSource,
  wanted: ReadonlySet<string>,
  limits: Partial<BundleLimits> = {},
): ReadDocumentBytes {
  let kept: Promise<Map<string, BundleEntry>> | undefined;
  const readAll = async () => {
    const entries = new Map<string, BundleEntry>();
    const sink = async (entry: BundleEntry) => {
      if (entry.bytes && wanted.has(entry.path)) entries.set(entry.path, entry);
    };
    const all: BundleLimits = { ...defaultBundleLimits, ...limits };
    if ('zipPath' in source)
      await readZipArchive({ path: source.zipPath }, sink, {
        prefix: '',
        depth: 0,
        limits: all,
        tally: { entries: 0, totalBytes: 0 },
      });
    else if ('folder' in source) await readFolderBundle(source.folder, sink, all);
    else await readIsoBundle(source.isoPath, sink, all);
    return entries;
  };
  return async (doc: ExtractedDocument) => {
    kept ??= readAll();
    const entry = (await kept).get(doc.path);
    if (!entry?.bytes) throw new Error(`${doc.path} is not in the bundle any more`);
    if (entry.sha256 !== doc.sha256) throw new Error(`${doc.path} changed since it was extracted`);
    return entry.bytes;
  };
}

/** Paths whose bytes OCR may ask for: pages without a text layer, and consents and certificates (seal, values). */
export function ocrCandidatePaths(documents: readonly ExtractedDocument[]): Set<string> {
  return new Set(
    documents
      .filter(
        (d) =>
          d.readable &&
          (d.needsOcr.length > 0 ||
            d.materialType === 'DECLASSIFICATION_CONSENT' ||
            d.materialType === 'CREDIT_CODE_CERTIFICATE'),
      )
      .map((d) => d.path),
  );
}
