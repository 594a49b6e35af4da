import { fileTypeFromBuffer } from 'file-type';
import officeCrypto from 'officecrypto-tool';
import type { DetectedType } from './document.js';

export interface SniffResult {
  detected: DetectedType;
  /** Lower-case extension of the name ('' when none). */
  declared: string;
  /** The content says something else than the extension. */
  mismatch: boolean;
  /** Password-protected Office file (encrypted OOXML in a CFB container, or an encrypted .doc). */
  encrypted: boolean;
}

const fromFileType: Record<string, DetectedType> = {
  docx: 'docx',
  pdf: 'pdf',
  jpg: 'jpeg',
  png: 'png',
  tif: 'tiff',
  gif: 'gif',
  bmp: 'bmp',
  webp: 'webp',
  zip: 'zip',
  rar: 'rar',
  '7z': '7z',
  iso: 'iso',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  xltx: 'xlsx',
  xltm: 'xlsx',
  ods: 'ods',
  ots: 'ods',
  pptx: 'pptx',
};

/** Extensions and the detected types they are allowed to hold. */
const extensionHolds: Record<string, DetectedType[]> = {
  docx: ['docx', 'encrypted-ooxml'],
  docm: ['docx', 'encrypted-ooxml'],
  doc: ['doc', 'cfb'],
  // WPS Writer saves .wps as a Word 97–2003 compound file.
  wps: ['doc', 'cfb'],
  pdf: ['pdf'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  png: ['png'],
  tif: ['tiff'],
  tiff: ['tiff'],
  gif: ['gif'],
  bmp: ['bmp'],
  webp: ['webp'],
  zip: ['zip'],
  rar: ['rar'],
  '7z': ['7z'],
  iso: ['iso'],
  xlsx: ['xlsx', 'encrypted-ooxml'],
  xlsm: ['xlsx', 'encrypted-ooxml'],
  xltx: ['xlsx', 'encrypted-ooxml'],
  pptx: ['pptx', 'encrypted-ooxml'],
  xls: ['xls', 'cfb'],
  // WPS Spreadsheets saves .et as an Excel 97–2003 workbook (or, in recent versions, as OOXML).
  et: ['xls', 'xlsx', 'cfb', 'encrypted-ooxml'],
  ett: ['xls', 'xlsx', 'cfb', 'encrypted-ooxml'],
  xlsb: ['zip', 'encrypted-ooxml'],
  ods: ['ods'],
  ppt: ['ppt'],
  txt: ['text'],
};

export function extensionOf(name: string): string {
  const base = name.split('/').pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Does the CFB directory hold an entry with this name? Entries are 128-byte records aligned on 128 bytes (sectors are
 * 512 or 4096 bytes after a 512-byte header): the UTF-16LE name, its byte length with the terminator at 64, the
 * object type (1 storage, 2 stream) at 66. The same text inside a stream (a cell or a paragraph saying "Workbook")
 * fails these checks.
 */
function cfbHasStream(bytes: Uint8Array, name: string): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(`${name}\0`, 'utf16le');
  for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + 2)) {
    if (at % 128 !== 0 || at < 512 || at + 128 > buffer.length) continue;
    const type = buffer[at + 66];
    if (buffer.readUInt16LE(at + 64) === needle.length && (type === 1 || type === 2)) return true;
  }
  return false;
}

function sniffCfb(bytes: Uint8Array): { detected: DetectedType; encrypted: boolean } {
  const isEncryptedPackage = cfbHasStream(bytes, 'EncryptedPackage') && cfbHasStream(bytes, 'EncryptionInfo');
  if (isEncryptedPackage) return { detected: 'encrypted-ooxml', encrypted: true };
  const kind: DetectedType = cfbHasStream(bytes, 'WordDocument')
    ? 'doc'
    : cfbHasStream(bytes, 'Workbook') || cfbHasStream(bytes, 'Book')
      ? 'xls'
      : cfbHasStream(bytes, 'PowerPoint Document')
        ? 'ppt'
        : 'cfb';
  let encrypted = false;
  try {
    encrypted = officeCrypto.isEncrypted(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    // A damaged container: the parser will report it as unreadable.
  }
  return { detected: kind, encrypted };
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return false;
  try {
    // A whole file must end on a whole character; a sample cut at 4096 bytes may end inside one (streamed: kept back).
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
    return true;
  } catch {
    return false;
  }
}

/** Detect a file's real type from its bytes and compare it with the extension of its name. */
export async function sniffFile(bytes: Uint8Array, name: string): Promise<SniffResult> {
  const declared = extensionOf(name);
  let detected: DetectedType = 'unknown';
  let encrypted = false;
  if (bytes.byteLength === 0) detected = 'empty';
  else {
    const type = await fileTypeFromBuffer(bytes).catch(() => undefined);
    if (type?.ext === 'cfb') ({ detected, encrypted } = sniffCfb(bytes));
    else if (type) detected = fromFileType[type.ext] ?? 'unknown';
    else if (looksLikeText(bytes)) detected = 'text';
  }
  const allowed = extensionHolds[declared];
  const mismatch =
    allowed !== undefined && detected !== 'empty' && detected !== 'unknown' && !allowed.includes(detected);
  return { detected, declared, mismatch, encrypted };
}
