import type { BundleEntry } from '../bundle/bundleEntry.js';
import { type BundleLimits, defaultBundleLimits } from '../bundle/bundleLimits.js';
import { readFolderBundle } from '../bundle/folderBundle.js';
import { readIsoBundle } from '../bundle/isoBundle.js';
import { readZipArchive } from '../bundle/zipBundle.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import { analyseDocument } from './analyseDocument.js';
import type { ExtractedDocument } from './document.js';
import { extractFile, unreadDocument } from './extractFile.js';
import type { EntryAnalyser, ExtractOptions } from './extractionOptions.js';
import { extensionOf } from './fileSniffer.js';

const readAheadBytes = 32 * 1024 * 1024;

export type BundleSource = { zipPath: string } | { folder: string } | { isoPath: string };

export interface ExtractBundleOptions extends Partial<ExtractOptions> {
  limits?: Partial<BundleLimits>;
  /**
   * Files parsed at the same time (each in a sandbox worker). As many more are read ahead (inflated, hashed, sniffed,
   * checked and queued for a worker) while the workers are busy, as long as the files waiting hold under 32 MB.
   */
  concurrency?: number;
  /**
   * The analysis of each entry after parsing, in the same pass (the OCR pass: `bundleOcr` of shared/ocr/documentOcr.ts);
   * by default `analyseDocument` alone.
   */
  analyser?: EntryAnalyser;
}

export interface ExtractedBundle {
  /** Every entry of the bundle, readable or not, with its entry `index`, sorted by path (then index). */
  entries: ExtractedDocument[];
  /** Findings about the bundle as a whole (unreadable archive, too many entries). */
  findings: Finding[];
}

/** The document of a nested archive: its entries follow as their own entries. */
export function archiveDocument(entry: BundleEntry, index?: number): ExtractedDocument {
  return {
    ...analyseDocument({
      ...(index !== undefined ? { index } : {}),
      path: entry.path,
      sha256: entry.sha256,
      size: entry.size,
      declaredType: extensionOf(entry.path),
      detectedType: 'zip',
      readable: true,
      pages: [],
      headers: [],
      tables: [],
      pageCount: 0,
      metadata: { ...entry.metadata, container: 'its entries are listed as their own entries' },
      needsOcr: [],
      findings: entry.findings,
    }),
    classificationReason: 'archive: its entries are classified one by one',
    records: {},
    findings: entry.findings,
  };
}

/**
 * The document of an entry whose bytes are not read (refused by a limit, unsafe, unreadable). An entry whose name could
 * fool a reader (FILE_NAME_DECEPTIVE) is not classified by that name: `推荐公函\u202Excod.scr` is no 推荐公函.
 */
export function unreadEntryDocument(entry: BundleEntry, index?: number): ExtractedDocument {
  const doc = unreadDocument(entry.path, entry.size, entry.sha256, entry.findings, entry.metadata);
  const indexed = index !== undefined ? { index, ...doc } : doc;
  if (!entry.findings.some((f) => f.code === 'FILE_NAME_DECEPTIVE' && f.severity === 'blocking')) return indexed;
  const { additionalMaterials: _ignored, ...rest } = indexed;
  return {
    ...rest,
    materialType: 'UNCLASSIFIED',
    classificationReason: 'not classified: the file name could fool a reader',
    fields: {},
    records: {},
    findings: [
      ...entry.findings,
      finding('UNCLASSIFIED_FILE', 'info', 'the file matches no material type', { file: entry.path }),
    ],
  };
}

/**
 * Reads a whole bundle (a zip, a folder or an ISO image), streaming entry by entry within the limits, and extracts
 * every file in the parser sandbox, each entry opened once: its analysis (and OCR, with an `analyser`) follows its
 * parsing with the same bytes. Nothing is dropped: each entry is in `entries`, numbered by its `index` in the
 * bundle, with its findings.
 */
export async function extractBundle(
  source: BundleSource,
  options: ExtractBundleOptions = {},
): Promise<ExtractedBundle> {
  const limits: BundleLimits = { ...defaultBundleLimits, ...options.limits };
  const fileOptions: Partial<ExtractOptions> = { ...options, maxFileBytes: limits.maxFileBytes };
  const concurrency = Math.max(1, options.concurrency ?? options.sandbox?.options.workers ?? 2);
  const entries: ExtractedDocument[] = [];
  const inFlight = new Set<Promise<void>>();
  let inFlightBytes = 0;
  // Reading the next entries overlaps the parsing of the current ones; the byte cap keeps large files from piling up.
  const admitsMore = () =>
    inFlight.size < concurrency || (inFlight.size < 2 * concurrency && inFlightBytes < readAheadBytes);

  let nextIndex = 0;
  const sink = async (entry: BundleEntry) => {
    const index = nextIndex++;
    const analysis = options.analyser?.(index);
    if (entry.isArchive || !entry.bytes) {
      analysis?.done();
      entries.push(entry.isArchive ? archiveDocument(entry, index) : unreadEntryDocument(entry, index));
      return;
    }
    const bytes = entry.bytes;
    entry.bytes = undefined;
    const size = bytes.byteLength;
    inFlightBytes += size;
    // The entry's bytes go to the worker and are not kept: only the extracted document stays in memory.
    const task = extractFile(bytes, entry.path, {
      ...fileOptions,
      sha256: entry.sha256,
      handOverBytes: true,
      ...(analysis?.analyse ? { analyse: analysis.analyse } : {}),
    })
      .then((doc) => {
        entries.push({
          index,
          ...doc,
          metadata: { ...entry.metadata, ...doc.metadata },
          findings: [...entry.findings, ...doc.findings],
        });
      })
      .finally(() => analysis?.done());
    const tracked = task.finally(() => {
      inFlight.delete(tracked);
      inFlightBytes -= size;
    });
    inFlight.add(tracked);
    while (!admitsMore()) await Promise.race(inFlight);
  };

  let findings: Finding[];
  if ('zipPath' in source)
    findings = await readZipArchive({ path: source.zipPath }, sink, {
      prefix: '',
      depth: 0,
      limits,
      tally: { entries: 0, totalBytes: 0 },
    });
  else if ('folder' in source) findings = await readFolderBundle(source.folder, sink, limits);
  else findings = await readIsoBundle(source.isoPath, sink, limits);
  await Promise.all(inFlight);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.index ?? 0) - (b.index ?? 0)));
  return { entries, findings };
}
