/**
 * The directories (IFDs) of a TIFF walked from its header alone, the way utif2's `decode` will walk them (the chain of
 * next-IFD offsets, and the SubIFD / EXIF / GPS / Fuji / DNG-private directories it descends into), before utif2 sees
 * the file. utif2 trusts the file: a directory that points back at itself makes it loop until the heap is gone, and a
 * tag declaring 5×10⁸ values makes it build an array of 5×10⁸ numbers. Here each directory is visited once and what
 * utif2 would allocate is counted, so such a file is refused in microseconds. (DNG private data, which utif2 follows by
 * a rule of its own, is refused: a camera raw file is not a scan.)
 */

export interface TiffFirstImage {
  width: number;
  height: number;
  bitsPerSample: number;
  samplesPerPixel: number;
}

export type TiffCheck = { ok: true; first: TiffFirstImage } | { ok: false; reason: string };

export interface TiffLimits {
  /** Directories in all (a multi-page TIFF has one per page). */
  maxDirectories: number;
  /** Directory entries in all. */
  maxEntries: number;
  /** Values utif2 turns into JavaScript numbers (SHORT, LONG, RATIONAL, FLOAT… — bytes and text stay views). */
  maxArrayValues: number;
}

export const defaultTiffLimits: TiffLimits = { maxDirectories: 1024, maxEntries: 100_000, maxArrayValues: 1_000_000 };

/** Bytes per value of TIFF field types 1–13. */
const typeSizes = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
/** Types utif2 reads into arrays of numbers, one element per declared value. */
const arrayTypes = new Set([3, 4, 5, 8, 9, 10, 11, 12, 13]);
/** Tags whose values are offsets of directories utif2 reads too (SubIFDs, EXIF, GPS, Fuji). */
const directoryTags = new Set([330, 34665, 34853, 61440]);
const dngPrivateData = 50740;
const kept = new Set([256, 257, 258, 277]);

export function isTiff(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00) ||
    (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a)
  );
}

export function checkTiffStructure(bytes: Uint8Array, limits: TiffLimits = defaultTiffLimits): TiffCheck {
  if (!isTiff(bytes) || bytes.length < 8) return { ok: false, reason: 'not a TIFF header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  // Reads past the end give 0, as utif2's do.
  const u16 = (at: number) => (at >= 0 && at + 2 <= bytes.length ? view.getUint16(at, le) : 0);
  const u32 = (at: number) => (at >= 0 && at + 4 <= bytes.length ? view.getUint32(at, le) : 0);
  const value = (type: number, at: number, index: number, count: number): number => {
    const size = typeSizes[type] ?? 0;
    const start = size * count <= 4 ? at + 8 : u32(at + 8);
    const where = start + index * size;
    if (type === 3 || type === 8) return u16(where);
    if (type === 4 || type === 9 || type === 13) return u32(where);
    if (type === 1 || type === 7) return bytes[where] ?? 0;
    return 0;
  };

  const seen = new Set<number>();
  let entries = 0;
  let arrayValues = 0;
  let first: Map<number, number> | undefined;

  /** One directory as utif2's `_readIFD` reads it; returns the offset of the next one, or the reason to refuse. */
  const directory = (offset: number, depth: number): number | string => {
    if (seen.has(offset)) return `its directory at byte ${offset} is reached twice (the directories loop)`;
    seen.add(offset);
    if (seen.size > limits.maxDirectories) return `more than ${limits.maxDirectories} directories`;
    if (depth > 8) return 'directories nested more than 8 deep';
    // A directory past the end reads as empty, as in utif2 (a multi-page TIFF cut after its first page).
    const count = u16(offset);
    entries += count;
    if (entries > limits.maxEntries) return `more than ${limits.maxEntries} directory entries`;
    const tags = new Map<number, number>();
    const children: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      const tag = u16(at);
      const type = u16(at + 2);
      const declared = u32(at + 4);
      if (type < 1 || type > 13) continue;
      if ((typeSizes[type] ?? 0) * declared > bytes.length)
        return `tag ${tag} declares ${declared} values, more than the whole file holds`;
      if (arrayTypes.has(type)) {
        arrayValues += declared;
        if (arrayValues > limits.maxArrayValues)
          return `its tags declare more than ${limits.maxArrayValues} numeric values in all`;
      }
      if (kept.has(tag) && declared > 0) tags.set(tag, value(type, at, 0, declared));
      if (directoryTags.has(tag)) for (let j = 0; j < declared; j++) children.push(value(type, at, j, declared));
      if (tag === dngPrivateData) return 'it carries DNG private data (a camera raw file, not a scan)';
    }
    for (const child of children) {
      const result = directory(child, depth + 1);
      if (typeof result === 'string') return result;
    }
    if (depth === 0 && !first) first = tags;
    return u32(offset + 2 + count * 12);
  };

  let next = u32(4);
  while (next !== 0) {
    // utif2 stops at a directory whose first entry has no valid type.
    if (u16(next) !== 0 && (u16(next + 4) < 1 || u16(next + 4) > 13)) break;
    const result = directory(next, 0);
    if (typeof result === 'string') return { ok: false, reason: `TIFF refused: ${result}` };
    next = result;
  }
  if (!first) return { ok: false, reason: 'TIFF without an image directory' };
  return {
    ok: true,
    first: {
      width: first.get(256) ?? 0,
      height: first.get(257) ?? 0,
      bitsPerSample: first.get(258) ?? 1,
      samplesPerPixel: first.get(277) ?? 1,
    },
  };
}
