import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A zip entry name from its raw bytes. Bit 11 of the general-purpose flag means UTF-8; an Info-ZIP Unicode Path
 * extra field (0x7075) carries UTF-8 too; otherwise Windows zips made in China carry GBK/GB18030 bytes. Names that
 * are valid UTF-8 without the flag (macOS, Linux tools) stay UTF-8.
 */
export function decodeEntryName(raw: Buffer, flags: number, extraFields: { id: number; data: Buffer }[] = []): string {
  if (flags & 0x800) return raw.toString('utf8');
  const unicodePath = extraFields.find((f) => f.id === 0x7075);
  if (unicodePath && unicodePath.data.length > 5 && unicodePath.data[0] === 1)
    return unicodePath.data.subarray(5).toString('utf8');
  if (raw.every((b) => b < 0x80)) return raw.toString('latin1');
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

/** Why a path may not be trusted as a relative path inside the bundle, or undefined when it is safe. */
export function unsafePathReason(name: string): string | undefined {
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(path)) return 'drive letter';
  if (path.split('/').includes('..')) return 'parent-directory segment (..)';
  if (path.includes('\u0000')) return 'NUL character in the name';
  return undefined;
}

/** Unix mode bits in the high half of the external attributes: symbolic link. */
export function isSymlinkAttributes(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

// A Map, not an object literal: the lint's number-key rewrite once turned the octal keys into wrong decimals.
const specialKinds = new Map<number, string>([
  [0o010000, 'named pipe (FIFO)'],
  [0o020000, 'character device'],
  [0o060000, 'block device'],
  [0o140000, 'socket'],
]);

/** Unix mode bits in the external attributes naming a special file (FIFO, device, socket), or undefined. */
export function specialFileKind(externalFileAttributes: number): string | undefined {
  return specialKinds.get((externalFileAttributes >>> 16) & 0o170000);
}
