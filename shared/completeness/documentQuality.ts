import type { ExtractedDocument } from '../extraction/document.js';

const imageTypes = new Set(['jpeg', 'png', 'tiff', 'gif', 'bmp', 'webp']);

/** No text layer at all: an image, or a PDF whose every page is image-only. */
export function isImageOnly(doc: ExtractedDocument): boolean {
  if (imageTypes.has(doc.detectedType)) return true;
  return doc.readable && doc.needsOcr.length > 0 && doc.needsOcr.length >= Math.max(1, doc.pageCount);
}

export function isWordFile(doc: ExtractedDocument): boolean {
  return doc.detectedType === 'docx' || doc.detectedType === 'doc';
}

export function isPdfFile(doc: ExtractedDocument): boolean {
  return doc.detectedType === 'pdf';
}

/** The file can stand for its material: read, not empty, and with text when the material's fields must be read. */
export function isUsable(doc: ExtractedDocument, textRequired: boolean): boolean {
  if (!doc.readable) return false;
  if (doc.findings.some((f) => f.code === 'FILE_EMPTY')) return false;
  return !(textRequired && isImageOnly(doc));
}

/** Every line of the body, page after page. */
export function documentLines(doc: Pick<ExtractedDocument, 'pages'>): string[] {
  return doc.pages.flatMap((p) => p.lines);
}

/** Text without spaces, full-width spaces or tabs, for containment tests. */
export function compactText(text: string): string {
  return text.replace(/[\s\u3000]/g, '');
}

/** Word versions first, then by path: the order in which a form's versions are trusted. */
export function byPreference(a: ExtractedDocument, b: ExtractedDocument): number {
  const wa = isWordFile(a) ? 0 : 1;
  const wb = isWordFile(b) ? 0 : 1;
  if (wa !== wb) return wa - wb;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
