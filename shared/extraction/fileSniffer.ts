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
  pptx: 'pptx',
};

/** Extensions and the detected types they are allowed to hold. */
const extensionHolds: Record<string, DetectedType[]> = {
  docx: ['docx', 'encrypted-ooxml'],
  docm: ['docx', 'encrypted-ooxml'],
  doc: ['doc', 'cfb'],
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
  pptx: ['pptx', 'encrypted-ooxml'],
  xls: ['xls'],
  ppt: ['ppt'],
  txt: ['text'],
};

export function extensionOf(name: string): string {
  const base = name.split('/').pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Does the CFB directory contain a stream with this name? Directory entry names are UTF-16LE. */
function cfbHasStream(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
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
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, Math.max(0, sample.length - 4)));
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
