import { inflateRawSync } from 'node:zlib';
import sax from 'sax';
import yauzl from 'yauzl';

export interface DocxPackageLimits {
  /** Uncompressed bytes of all XML parts together (mammoth needs minutes and gigabytes on ~100 MB of XML). */
  maxXmlBytes: number;
  /** Uncompressed / compressed ratio of one part above which it is treated as a zip bomb. */
  maxPartRatio: number;
  maxParts: number;
  /**
   * Header/footer XML read for markings, all parts together (its parser reads ~5 MB a second whatever the XML holds;
   * a real header is a few kilobytes). More is refused like a bomb.
   */
  maxMarginXmlBytes?: number;
}

export const defaultDocxPackageLimits: DocxPackageLimits = {
  maxXmlBytes: 48 * 1024 * 1024,
  maxPartRatio: 200,
  maxParts: 2000,
  maxMarginXmlBytes: 8 * 1024 * 1024,
};

export type DocxPackageCheck =
  | { ok: true; xmlBytes: number; headerLines: string[] }
  | { ok: false; unreadable: boolean; reason: string };

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);
const isMarginPart = (name: string) => /^word\/(header|footer)\d*\.xml$/i.test(name);

/** Written to the parser in slices: sax checks its buffers once per write. */
const saxSlice = 64 * 1024;

/**
 * Text of the paragraphs of a header/footer part (mammoth ignores these parts; markings often sit there): the `w:t`
 * runs of each `w:p`, read by a streaming XML parser (sax) whose work is linear in the part's length whatever the
 * part holds — a regex over the raw XML was quadratic on a part full of unclosed `<w:t ` tags. Malformed XML is read
 * on past the error, as far as it goes.
 */
export function paragraphsOfPart(xml: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let inText = 0;
  const parser = sax.parser(false, { lowercase: true });
  parser.onopentag = (tag) => {
    if (tag.name === 'w:t' && !tag.isSelfClosing) inText++;
  };
  parser.onclosetag = (name) => {
    if (name === 'w:t') inText = Math.max(0, inText - 1);
    else if (name === 'w:p') {
      paragraphs.push(current.trim());
      current = '';
      inText = 0;
    }
  };
  parser.ontext = (text) => {
    if (inText > 0) current += text;
  };
  parser.oncdata = parser.ontext;
  parser.onerror = () => {
    parser.error = null as unknown as Error;
    parser.resume();
  };
  for (let at = 0; at < xml.length; at += saxSlice) parser.write(xml.slice(at, at + saxSlice));
  parser.close();
  paragraphs.push(current.trim());
  return paragraphs.filter(Boolean);
}

/**
 * A part's bytes inflated in one synchronous call straight from the package buffer, when it is plainly stored or
 * deflated and inflates to exactly its declared size (never more: the output is capped there). Anything else
 * (encryption, another method, a damaged header or stream, a size that lies) returns undefined and is read through
 * yauzl's stream, whose error is the reason reported. Per-part streams cost more than the inflation on small parts.
 */
function inflatePartSync(buffer: Buffer, entry: yauzl.Entry): Buffer | undefined {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) return undefined;
  const header = entry.relativeOffsetOfLocalHeader;
  if (header + 30 > buffer.length || buffer.readUInt32LE(header) !== 0x04034b50) return undefined;
  const start = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  if (end > buffer.length) return undefined;
  const stored = buffer.subarray(start, end);
  if (entry.compressionMethod === 0) return stored.length === entry.uncompressedSize ? stored : undefined;
  try {
    const data = inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    return data.length === entry.uncompressedSize ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks a .docx package before it reaches mammoth: declared sizes of its XML parts, their compression ratio, and
 * the bytes actually inflated (declared sizes can lie), capped while streaming.
 */
export function checkDocxPackage(bytes: Uint8Array, limits: DocxPackageLimits): Promise<DocxPackageCheck> {
  return new Promise((resolve) => {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        resolve({ ok: false, unreadable: true, reason: `not a readable zip package: ${openError?.message}` });
        return;
      }
      let settled = false;
      const done = (result: DocxPackageCheck) => {
        if (settled) return;
        settled = true;
        zip.close();
        resolve(result);
      };
      let declaredXml = 0;
      let inflatedXml = 0;
      let parts = 0;
      let marginXml = 0;
      const maxMarginXml = limits.maxMarginXmlBytes ?? (defaultDocxPackageLimits.maxMarginXmlBytes as number);
      const headerLines: string[] = [];
      /** False when the margin parts went over their cap (the check is then done). */
      const readMargin = (data: Buffer): boolean => {
        marginXml += data.length;
        if (marginXml > maxMarginXml) {
          done({ ok: false, unreadable: false, reason: `header/footer parts hold over ${maxMarginXml} bytes of XML` });
          return false;
        }
        headerLines.push(...paragraphsOfPart(data.toString('utf8')));
        return true;
      };
      zip.on('error', (error: Error) => done({ ok: false, unreadable: true, reason: error.message }));
      zip.on('end', () => done({ ok: true, xmlBytes: inflatedXml, headerLines }));
      zip.on('entry', (entry: yauzl.Entry) => {
        parts++;
        if (parts > limits.maxParts) {
          done({ ok: false, unreadable: false, reason: `more than ${limits.maxParts} parts in the package` });
          return;
        }
        if (!isXmlPart(entry.fileName) || entry.uncompressedSize === 0) {
          zip.readEntry();
          return;
        }
        declaredXml += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (declaredXml > limits.maxXmlBytes) {
          done({ ok: false, unreadable: false, reason: `XML parts declare ${declaredXml} bytes uncompressed` });
          return;
        }
        if (ratio > limits.maxPartRatio) {
          done({ ok: false, unreadable: false, reason: `part compression ratio ${Math.round(ratio)}:1` });
          return;
        }
        const data = inflatePartSync(buffer, entry);
        if (data) {
          // Within the declared sizes, which are already within the limit.
          inflatedXml += data.length;
          if (isMarginPart(entry.fileName) && !readMargin(data)) return;
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            done({ ok: false, unreadable: true, reason: streamError?.message ?? 'unreadable part' });
            return;
          }
          const keep = isMarginPart(entry.fileName) ? ([] as Buffer[]) : undefined;
          stream.on('data', (chunk: Buffer) => {
            inflatedXml += chunk.length;
            keep?.push(chunk);
            if (inflatedXml > limits.maxXmlBytes) {
              stream.destroy();
              done({ ok: false, unreadable: false, reason: `XML parts inflate beyond ${limits.maxXmlBytes} bytes` });
            }
          });
          stream.on('error', (error: Error) => done({ ok: false, unreadable: true, reason: error.message }));
          stream.on('end', () => {
            if (keep && !settled && !readMargin(Buffer.concat(keep))) return;
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
