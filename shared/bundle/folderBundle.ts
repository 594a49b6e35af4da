import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { type FileHandle, lstat, open, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { BundleEntry, BundleTally, EntrySink } from './bundleEntry.js';
import { type BundleLimits, beyondEntryLimit, sizeLimitBreach, unlistedEntries } from './bundleLimits.js';
import { deceptiveNameFinding, refusesReading } from './deceptiveName.js';
import { readZipArchive } from './zipBundle.js';
import { archiveNamedAsPackage, isZipBytes } from './zipMagic.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name from the disk's bytes: UTF-8, or GBK/GB18030 as a Windows CD copied onto Linux keeps it. */
function decodeName(raw: Buffer): string {
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

const emptySha256 = createHash('sha256').digest('hex');

/** What a directory entry that is neither a folder, a regular file nor a link is. */
function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'named pipe (FIFO)';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  return 'special file';
}

/**
 * Opens a regular file without following a link and without blocking (a FIFO swapped in after `lstat` opens at once
 * with O_NONBLOCK), and checks it is still a regular file.
 */
async function openRegular(full: Buffer): Promise<{ handle: FileHandle; info: Stats }> {
  const handle = await open(full, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw new Error(`no longer a regular file (${specialKind(info)})`);
  }
  return { handle, info };
}

async function hashHandle(handle: FileHandle): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of handle.createReadStream({ autoClose: false, start: 0 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const errorText = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : String(e.message ?? e);
};

/**
 * Walks a folder (an unpacked CD) in name order. Every directory entry is listed: symbolic links are reported as unsafe
 * and not followed, special files (FIFOs, sockets, devices) are reported and never opened, an entry that cannot be
 * read (a path over the system's length limit, a permission) carries FILE_UNREADABLE, a folder that cannot be read is
 * listed with its finding; zips inside are opened as nested archives. Names are read as bytes (GBK names kept).
 */
export async function readFolderBundle(folder: string, sink: EntrySink, limits: BundleLimits): Promise<Finding[]> {
  const tally: BundleTally = { entries: 0, totalBytes: 0 };
  const findings: Finding[] = [];
  let unlisted = 0;
  /** Lists one entry, unread; counts it. */
  const listed = async (entry: BundleEntry) => {
    tally.entries++;
    if (tally.entries > limits.maxListedEntries) unlisted++;
    else if (tally.entries > limits.maxEntries)
      await sink({
        path: entry.path,
        size: entry.size,
        sha256: emptySha256,
        findings: [...entry.findings, beyondEntryLimit(limits, entry.path)],
        metadata: { sha256Of: 'nothing (not read)' },
      });
    else await sink(entry);
  };
  const unreadable = (file: string, size: number, message: string, metadata: Record<string, string> = {}) =>
    listed({
      path: file,
      size,
      sha256: emptySha256,
      findings: [finding('FILE_UNREADABLE', 'review', message, { file })],
      metadata: { sha256Of: 'nothing (unreadable)', ...metadata },
    });

  const readOne = async (full: Buffer, file: string, info: Stats) => {
    const entryFindings: Finding[] = [];
    const deceptive = deceptiveNameFinding(file);
    if (deceptive) entryFindings.push(deceptive);
    if (tally.entries >= limits.maxEntries) {
      await listed({ path: file, size: info.size, sha256: emptySha256, findings: [], metadata: {} });
      return;
    }
    let opened: { handle: FileHandle; info: Stats };
    try {
      opened = await openRegular(full);
    } catch (error) {
      await unreadable(file, info.size, `cannot be opened: ${errorText(error)}`);
      return;
    }
    const { handle } = opened;
    try {
      const size = opened.info.size;
      const over = sizeLimitBreach(size, tally.totalBytes, limits, file);
      if (over || refusesReading(deceptive)) {
        if (over) entryFindings.push(over);
        await listed({ path: file, size, sha256: await hashHandle(handle), findings: entryFindings, metadata: {} });
        return;
      }
      const bytes = await handle.readFile();
      tally.totalBytes += bytes.length;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (isZipBytes(bytes, file)) {
        const misnamed = archiveNamedAsPackage(file);
        if (misnamed) entryFindings.push(misnamed);
        if (limits.maxNestingDepth < 1)
          entryFindings.push(
            finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `archive nested deeper than ${limits.maxNestingDepth}`, {
              file,
            }),
          );
        await listed({
          path: file,
          size: bytes.length,
          sha256,
          findings: entryFindings,
          metadata: {},
          isArchive: true,
        });
        if (limits.maxNestingDepth < 1) return;
        findings.push(
          ...(await readZipArchive({ buffer: bytes }, sink, { prefix: `${file}/`, depth: 1, limits, tally })),
        );
        return;
      }
      await listed({ path: file, size: bytes.length, sha256, bytes, findings: entryFindings, metadata: {} });
    } catch (error) {
      await unreadable(file, opened.info.size, `cannot be read: ${errorText(error)}`);
    } finally {
      await handle.close().catch(() => {});
    }
  };

  const walk = async (dir: Buffer, relative: string) => {
    let names: Buffer[];
    try {
      names = (await readdir(dir, { encoding: 'buffer' })).sort(Buffer.compare);
    } catch (error) {
      if (relative === '') {
        findings.push(finding('ARCHIVE_UNREADABLE', 'blocking', `folder cannot be read: ${errorText(error)}`));
        return;
      }
      // The folder is listed as an entry of its own: its files cannot be, and the report says so.
      await unreadable(`${relative}/`, 0, `folder cannot be read, its files are not listed: ${errorText(error)}`, {
        kind: 'folder',
      });
      return;
    }
    for (const raw of names) {
      const full = Buffer.concat([dir, Buffer.from('/'), raw]);
      const file = relative ? `${relative}/${decodeName(raw)}` : decodeName(raw);
      let info: Stats;
      try {
        info = await lstat(full);
      } catch (error) {
        await unreadable(file, 0, `cannot be read: ${errorText(error)}`);
        continue;
      }
      if (info.isDirectory()) {
        await walk(full, file);
        continue;
      }
      const deceptive = deceptiveNameFinding(file);
      if (info.isSymbolicLink()) {
        const target = await readlink(full, { encoding: 'buffer' }).catch(() => Buffer.alloc(0));
        await listed({
          path: file,
          size: 0,
          sha256: createHash('sha256').update(target).digest('hex'),
          findings: [
            finding('ARCHIVE_UNSAFE_PATH', 'blocking', 'symbolic link (not followed)', { file }),
            ...(deceptive ? [deceptive] : []),
          ],
          metadata: { sha256Of: 'link target' },
        });
        continue;
      }
      if (!info.isFile()) {
        await listed({
          path: file,
          size: 0,
          sha256: emptySha256,
          findings: [
            finding('FILE_TYPE_UNSUPPORTED', 'review', `special file (${specialKind(info)}): not opened`, { file }),
            ...(deceptive ? [deceptive] : []),
          ],
          metadata: { sha256Of: 'nothing (special file)' },
        });
        continue;
      }
      await readOne(full, file, info);
    }
  };
  await walk(Buffer.from(path.resolve(folder)), '');
  if (unlisted > 0) findings.push(unlistedEntries(unlisted, limits));
  return findings;
}
