import { createHash } from 'node:crypto';
import { close, fstat, open } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { BundleEntry, BundleTally, EntrySink } from './bundleEntry.js';
import { type BundleLimits, beyondEntryLimit, unlistedEntries } from './bundleLimits.js';
import { deceptiveNameFinding, refusesReading } from './deceptiveName.js';
import { decodeEntryName, isSymlinkAttributes, specialFileKind, unsafePathReason } from './entryPath.js';
import { ZipFileReader } from './zipFileReader.js';
import {
  archiveNamedAsPackage,
  centralDirectoryAt,
  type DirectoryRecord,
  directoryRecords,
  isZipBytes,
} from './zipMagic.js';

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

type Inflated =
  | { ok: true; bytes: Buffer; sha256: string }
  | { ok: false; reason: string; overCap: boolean; damaged?: boolean };

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * Inflate one entry, hashing as it streams and stopping as soon as `cap` bytes are exceeded; the CRC-32 of the bytes is
 * checked against the central directory's (yauzl does not check it).
 */
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
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > cap) {
        stream.destroy();
        return { ok: false, reason: `inflates beyond ${cap} bytes`, overCap: true };
      }
      hash.update(chunk);
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, reason: message, overCap: /too many bytes/i.test(message) };
  }
  if (crc >>> 0 !== entry.crc32 >>> 0)
    return {
      ok: false,
      reason: `CRC-32 ${hex32(crc)} of the data differs from the ${hex32(entry.crc32)} recorded in the archive: the entry is damaged`,
      overCap: false,
      damaged: true,
    };
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

/** Largest central directory read again to list the entries after a damaged record. */
const maxDirectoryBytes = 64 * 1024 * 1024;

/** The central directory's records read straight from the source, as far as they can be walked. */
async function readDirectory(source: ZipSource): Promise<DirectoryRecord[]> {
  const tailBytes = 22 + 65_535;
  if ('buffer' in source) {
    const buf = source.buffer;
    const tailStart = Math.max(0, buf.length - tailBytes);
    const where = centralDirectoryAt(buf.subarray(tailStart), tailStart);
    return where ? directoryRecords(buf.subarray(where.offset, where.offset + where.size), where.count) : [];
  }
  const handle = await openFile(source.path, 'r');
  try {
    const { size } = await handle.stat();
    const tailStart = Math.max(0, size - tailBytes);
    const tail = Buffer.alloc(size - tailStart);
    await handle.read(tail, 0, tail.length, tailStart);
    const where = centralDirectoryAt(tail, tailStart);
    if (!where || where.size > maxDirectoryBytes) return [];
    const directory = Buffer.alloc(Math.max(0, Math.min(where.size, size - where.offset)));
    await handle.read(directory, 0, directory.length, where.offset);
    return directoryRecords(directory, where.count);
  } finally {
    await handle.close();
  }
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
  let unlisted = 0;
  let seen = 0;

  const handle = async (entry: yauzl.Entry) => {
    seen++;
    const raw = entry.fileName as unknown as Buffer;
    const name = decodeEntryName(raw, entry.generalPurposeBitFlag, entry.extraFields);
    const folderNamed = name.endsWith('/') || name.endsWith('\\');
    // A folder entry holds nothing (an empty deflate stream is 2 bytes); one that carries data is listed like a file.
    if (folderNamed && entry.uncompressedSize === 0 && entry.compressedSize <= 2) return;
    tally.entries++;
    const file = ctx.prefix + name.replace(/\\/g, '/');
    if (tally.entries > limits.maxEntries) {
      if (tally.entries > limits.maxListedEntries) unlisted++;
      else
        await sink({
          path: file,
          size: entry.uncompressedSize,
          sha256: createHash('sha256').digest('hex'),
          findings: [beyondEntryLimit(limits, file)],
          metadata: { sha256Of: 'nothing (not read)' },
        });
      return;
    }
    const findings: Finding[] = [];
    const metadata: Record<string, string> = {};
    const declared = entry.uncompressedSize;
    const special = specialFileKind(entry.externalFileAttributes);
    const unsafe =
      unsafePathReason(name) ??
      (isSymlinkAttributes(entry.externalFileAttributes) ? 'symbolic link' : undefined) ??
      (folderNamed ? `named like a folder but carries ${Math.max(declared, entry.compressedSize)} bytes` : undefined);
    if (unsafe) findings.push(finding('ARCHIVE_UNSAFE_PATH', 'blocking', `unsafe entry path: ${unsafe}`, { file }));
    if (special)
      findings.push(finding('FILE_TYPE_UNSUPPORTED', 'review', `special file (${special}): not opened`, { file }));
    tally.paths ??= new Set();
    const key = file.normalize('NFC').toLowerCase();
    if (tally.paths.has(key))
      findings.push(
        finding('ARCHIVE_UNSAFE_PATH', 'review', 'another entry has this path (case aside): unpacking keeps only one', {
          file,
        }),
      );
    else tally.paths.add(key);
    const deceptive = deceptiveNameFinding(file.slice(ctx.prefix.length));
    if (deceptive) findings.push({ ...deceptive, file });
    // Entries whose name or kind cannot be trusted are inflated (size, CRC and hash checked) but not parsed.
    const untrusted = unsafe ?? special ?? refusesReading(deceptive)?.message;
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
          : result.damaged
            ? finding('FILE_UNREADABLE', 'review', result.reason, { file })
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
    if (untrusted && !(refusesReading(deceptive) && !unsafe && !special && isZipBytes(result.bytes, file))) {
      await sink(entryRecord);
      return;
    }
    if (isZipBytes(result.bytes, file)) {
      const misnamed = archiveNamedAsPackage(file);
      if (misnamed) findings.push(misnamed);
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

  const total = zip.entryCount;
  let damage: Error | undefined;
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
      damage = error;
      resolve();
    });
    zip.readEntry();
  });
  if (damage) {
    // yauzl stops at the first bad record: the entries the directory still names are listed, unread.
    const rest = (await readDirectory(source).catch(() => [])).slice(seen);
    for (const record of rest) {
      const name = decodeEntryName(record.name, record.flags);
      if ((name.endsWith('/') || name.endsWith('\\')) && record.uncompressedSize === 0 && record.compressedSize <= 2)
        continue;
      tally.entries++;
      if (tally.entries > limits.maxListedEntries) {
        unlisted++;
        continue;
      }
      const file = ctx.prefix + name.replace(/\\/g, '/');
      await sink({
        path: file,
        size: record.uncompressedSize,
        sha256: createHash('sha256').digest('hex'),
        findings: [
          finding('FILE_UNREADABLE', 'review', `not read: the archive is damaged from its entry ${seen + 1} on`, {
            file,
          }),
        ],
        metadata: { sha256Of: 'nothing (not read)' },
      });
    }
    const left = total - seen - rest.length;
    archiveFindings.push(
      finding(
        'ARCHIVE_UNREADABLE',
        'blocking',
        `the archive is damaged: ${damage.message}${left > 0 ? ` (${left} of its ${total} entries could not be listed)` : ''}`,
        { file: archiveFile, ...(left > 0 ? { evidence: String(left) } : {}) },
      ),
    );
  }
  if (unlisted > 0) archiveFindings.push(unlistedEntries(unlisted, limits, archiveFile));
  return archiveFindings;
}
