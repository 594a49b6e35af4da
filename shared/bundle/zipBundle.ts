import { createHash } from 'node:crypto';
import { close, fstat, open } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { type Finding, finding } from '../findings/finding.js';
import type { BundleEntry, BundleTally, EntrySink } from './bundleEntry.js';
import type { BundleLimits } from './bundleLimits.js';
import { decodeEntryName, isSymlinkAttributes, unsafePathReason } from './entryPath.js';
import { ZipFileReader } from './zipFileReader.js';
import { isZipBytes } from './zipMagic.js';

export interface ArchiveContext {
  /** Path of the archive inside the bundle plus '/', '' for the bundle itself. */
  prefix: string;
  depth: number;
  limits: BundleLimits;
  tally: BundleTally;
}

type ZipSource = { path: string } | { buffer: Buffer };

function openZip(source: ZipSource): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error) : resolve(zip));
    if ('path' in source)
      open(source.path, 'r', (openError, fd) => {
        if (openError) return reject(openError);
        // As yauzl.open does: the descriptor is closed when the archive cannot be opened, else by autoClose.
        const failed = (error: Error) => close(fd, () => reject(error));
        fstat(fd, (statError, stats) => {
          if (statError) return failed(statError);
          yauzl.fromRandomAccessReader(new ZipFileReader(fd, stats.size), stats.size, options, (error, zip) =>
            error || !zip ? failed(error ?? new Error('no archive')) : resolve(zip),
          );
        });
      });
    else yauzl.fromBuffer(source.buffer, options, done);
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry, decode: boolean): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, stream?: Readable) => (error || !stream ? reject(error) : resolve(stream));
    // yauzl 3.4.0 inverts an explicit `decodeFileData: true` (it then skips inflation): pass no options to inflate.
    if (decode) zip.openReadStream(entry, done);
    else zip.openReadStream(entry, { decodeFileData: false } as yauzl.ZipFileOptions, done);
  });
}

type Inflated = { ok: true; bytes: Buffer; sha256: string } | { ok: false; reason: string; overCap: boolean };

/** Inflate one entry, hashing as it streams and stopping as soon as `cap` bytes are exceeded. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Inflated> {
  let stream: Readable;
  try {
    stream = await openStream(zip, entry, true);
  } catch (error) {
    return { ok: false, reason: (error as Error).message, overCap: false };
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > cap) {
        stream.destroy();
        return { ok: false, reason: `inflates beyond ${cap} bytes`, overCap: true };
      }
      hash.update(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, reason: message, overCap: /too many bytes/i.test(message) };
  }
  return { ok: true, bytes: Buffer.concat(chunks, length), sha256: hash.digest('hex') };
}

/** sha256 of the entry's bytes as stored in the archive (compressed/encrypted), for entries that are not inflated. */
async function storedHash(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const hash = createHash('sha256');
  try {
    const stream = await openStream(zip, entry, false);
    for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  } catch {
    // Unreadable stored data: the hash covers what could be read.
  }
  return hash.digest('hex');
}

/**
 * Streams a zip (a file on disk, or a nested archive's bytes) entry by entry, applying the limits before inflating
 * and while inflating; every entry goes to `sink` with its findings. Returns findings about the archive as a whole.
 */
export async function readZipArchive(source: ZipSource, sink: EntrySink, ctx: ArchiveContext): Promise<Finding[]> {
  const archiveFile = ctx.prefix ? ctx.prefix.slice(0, -1) : undefined;
  const archiveFindings: Finding[] = [];
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(source);
  } catch (error) {
    return [
      finding('ARCHIVE_UNREADABLE', 'blocking', `the archive cannot be read: ${(error as Error).message}`, {
        file: archiveFile,
      }),
    ];
  }
  const { limits, tally } = ctx;
  let beyondLimit = 0;

  const handle = async (entry: yauzl.Entry) => {
    const raw = entry.fileName as unknown as Buffer;
    const name = decodeEntryName(raw, entry.generalPurposeBitFlag, entry.extraFields);
    if (name.endsWith('/') || name.endsWith('\\')) return;
    tally.entries++;
    if (tally.entries > limits.maxEntries) {
      beyondLimit++;
      return;
    }
    const file = ctx.prefix + name.replace(/\\/g, '/');
    const findings: Finding[] = [];
    const metadata: Record<string, string> = {};
    const declared = entry.uncompressedSize;
    const unsafe =
      unsafePathReason(name) ?? (isSymlinkAttributes(entry.externalFileAttributes) ? 'symbolic link' : undefined);
    if (unsafe) findings.push(finding('ARCHIVE_UNSAFE_PATH', 'blocking', `unsafe entry path: ${unsafe}`, { file }));
    let refuse: Finding | undefined;
    const ratio = declared / Math.max(1, entry.compressedSize);
    if (entry.isEncrypted()) refuse = finding('FILE_ENCRYPTED', 'review', 'encrypted zip entry', { file });
    else if (!entry.canDecodeFileData())
      refuse = finding('FILE_UNREADABLE', 'review', `unsupported compression method ${entry.compressionMethod}`, {
        file,
      });
    else if (declared > limits.maxFileBytes)
      refuse = finding('FILE_TOO_LARGE', 'review', `${declared} bytes, over the ${limits.maxFileBytes}-byte limit`, {
        file,
      });
    else if (declared > limits.ratioFloorBytes && ratio > limits.maxRatio)
      refuse = finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `compression ratio ${Math.round(ratio)}:1 (zip bomb)`, {
        file,
      });
    else if (tally.totalBytes + declared > limits.maxTotalBytes)
      refuse = finding(
        'ARCHIVE_LIMIT_EXCEEDED',
        'review',
        `bundle exceeds ${limits.maxTotalBytes} bytes uncompressed`,
        {
          file,
        },
      );
    if (refuse) {
      findings.push(refuse);
      metadata.sha256Of = 'stored bytes (not inflated)';
      await sink({ path: file, size: declared, sha256: await storedHash(zip, entry), findings, metadata });
      return;
    }
    const result = await inflate(zip, entry, Math.min(limits.maxFileBytes, limits.maxTotalBytes - tally.totalBytes));
    if (!result.ok) {
      findings.push(
        result.overCap
          ? finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `entry ${result.reason}`, { file })
          : finding('FILE_UNREADABLE', 'review', `entry data cannot be inflated: ${result.reason}`, { file }),
      );
      metadata.sha256Of = 'stored bytes (not inflated)';
      await sink({ path: file, size: declared, sha256: await storedHash(zip, entry), findings, metadata });
      return;
    }
    tally.totalBytes += result.bytes.length;
    const entryRecord: BundleEntry = {
      path: file,
      size: result.bytes.length,
      sha256: result.sha256,
      findings,
      metadata,
    };
    if (unsafe) {
      await sink(entryRecord);
      return;
    }
    if (isZipBytes(result.bytes, file)) {
      if (ctx.depth + 1 > limits.maxNestingDepth) {
        findings.push(
          finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `archive nested deeper than ${limits.maxNestingDepth}`, { file }),
        );
        await sink({ ...entryRecord, isArchive: true });
        return;
      }
      await sink({ ...entryRecord, isArchive: true });
      const nested = await readZipArchive({ buffer: result.bytes }, sink, {
        ...ctx,
        prefix: `${file}/`,
        depth: ctx.depth + 1,
      });
      archiveFindings.push(...nested);
      return;
    }
    await sink({ ...entryRecord, bytes: result.bytes });
  };

  await new Promise<void>((resolve) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      handle(entry).then(
        () => zip.readEntry(),
        (error: Error) => {
          archiveFindings.push(
            finding('ARCHIVE_UNREADABLE', 'blocking', `reading stopped: ${error.message}`, { file: archiveFile }),
          );
          zip.close();
          resolve();
        },
      );
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: Error) => {
      archiveFindings.push(
        finding('ARCHIVE_UNREADABLE', 'blocking', `the archive is damaged: ${error.message}`, { file: archiveFile }),
      );
      resolve();
    });
    zip.readEntry();
  });
  if (beyondLimit > 0)
    archiveFindings.push(
      finding(
        'ARCHIVE_LIMIT_EXCEEDED',
        'blocking',
        `${beyondLimit} entries beyond the limit of ${limits.maxEntries} were not read`,
        { file: archiveFile, evidence: String(beyondLimit) },
      ),
    );
  return archiveFindings;
}
