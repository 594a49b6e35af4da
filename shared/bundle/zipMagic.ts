import { type Finding, finding } from '../domain/findings/finding.js';

/** Top-level parts that make a zip a document package (OOXML, ODF/EPUB, OFD, iWork), not an archive. */
const packageParts = new Set(['[Content_Types].xml', 'mimetype', 'OFD.xml', 'Index/Document.iwa']);

/** Extensions of zip-based document packages. */
export const packageExtension =
  /\.(docx|docm|dotx|xlsx|xlsm|xltx|xlsb|et|pptx|odt|ods|odp|ofd|numbers|pages|key|epub)$/i;

const maxNames = 65_535;

/** One record of a zip's central directory, as far as a listing needs it. */
export interface DirectoryRecord {
  name: Buffer;
  flags: number;
  uncompressedSize: number;
  compressedSize: number;
}

/** Where the central directory lies, from the end record within the last 64 KB (Zip64 followed). */
export function centralDirectoryAt(
  tail: Buffer,
  tailStart: number,
): { offset: number; size: number; count: number } | undefined {
  for (let end = tail.length - 22; end >= 0; end--) {
    if (tail.readUInt32LE(end) !== 0x06054b50) continue;
    let count = tail.readUInt16LE(end + 10);
    let size = tail.readUInt32LE(end + 12);
    let offset = tail.readUInt32LE(end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && tail.readUInt32LE(end - 20) === 0x07064b50) {
      const at = Number(tail.readBigUInt64LE(end - 12)) - tailStart;
      if (at < 0 || at + 56 > tail.length || tail.readUInt32LE(at) !== 0x06064b50) continue;
      count = Number(tail.readBigUInt64LE(at + 32));
      size = Number(tail.readBigUInt64LE(at + 40));
      offset = Number(tail.readBigUInt64LE(at + 48));
    }
    return { offset, size, count };
  }
  return undefined;
}

/** The records of a central directory's bytes, as many as can be walked (at most `count`). */
export function directoryRecords(directory: Buffer, count: number): DirectoryRecord[] {
  const records: DirectoryRecord[] = [];
  let at = 0;
  for (let i = 0; i < Math.min(count, maxNames * 16); i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) break;
    const nameLength = directory.readUInt16LE(at + 28);
    const skip = 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) break;
    records.push({
      name: directory.subarray(at + 46, at + 46 + nameLength),
      flags: directory.readUInt16LE(at + 8),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
    });
    at += skip;
  }
  return records;
}

/**
 * The names of a zip's own entries, from its central directory, or undefined when the directory cannot be found or
 * walked whole (a truncated or damaged zip).
 */
export function centralDirectoryNames(bytes: Uint8Array): string[] | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tailStart = Math.max(0, buf.length - 22 - 65_535);
  const where = centralDirectoryAt(buf.subarray(tailStart), tailStart);
  if (!where || where.offset > buf.length) return undefined;
  const records = directoryRecords(buf.subarray(where.offset), Math.min(where.count, maxNames));
  if (records.length !== Math.min(where.count, maxNames)) return undefined;
  return records.map((r) => r.name.toString('latin1'));
}

/** The first local header's entry name: where an Office or ODF writer puts its package marker. */
function firstEntryName(buf: Buffer): string {
  if (buf.length < 30) return '';
  const length = buf.readUInt16LE(26);
  return buf.toString('latin1', 30, Math.min(buf.length, 30 + length));
}

/**
 * A plain zip archive (to open as a nested bundle), not a document package: local-header magic, and no package part
 * among the zip's own top-level entries. The parts of a .docx stored inside a plain zip are not the zip's own entries,
 * so such a zip is an archive whatever its first entry is; a plain zip named .docx is an archive too. When the
 * directory cannot be read (damaged), a package name or a marker as first entry decides.
 */
export function isZipBytes(bytes: Uint8Array, name: string): boolean {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!isZip) return false;
  const names = centralDirectoryNames(bytes);
  if (names) return !names.some((n) => packageParts.has(n));
  if (packageExtension.test(name)) return false;
  return !packageParts.has(firstEntryName(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
}

/** A plain zip named as a document package (`申报表.docx` holding files): opened as an archive, and said so. */
export function archiveNamedAsPackage(file: string): Finding | undefined {
  const extension = packageExtension.exec(file)?.[1];
  if (!extension) return undefined;
  return finding(
    'FILE_TYPE_MISMATCH',
    'review',
    `named .${extension.toLowerCase()} but the content is a plain zip archive: its entries are listed as their own entries`,
    { file, evidence: `.${extension.toLowerCase()} → zip` },
  );
}
