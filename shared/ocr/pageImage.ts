import { createCanvas, ImageData, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';

/** A decoded page: RGBA pixels, row after row. */
export interface PageImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Pixels beyond this are refused (a 600 dpi A4 page is ~35 Mpx): a decompression bomb, not a scan. */
export const maxPagePixels = 60_000_000;

function isTiff(bytes: Uint8Array): boolean {
  return (
    (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00) ||
    (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a)
  );
}

function checkSize(width: number, height: number): void {
  if (width <= 0 || height <= 0) throw new Error('the image has no pixels');
  if (width * height > maxPagePixels)
    throw new Error(`the image has ${width}×${height} pixels, over the ${maxPagePixels}-pixel limit`);
}

/** The first page of a TIFF (utif2: uncompressed, LZW, PackBits, CCITT G3/G4, JPEG-in-TIFF). */
function decodeTiff(bytes: Uint8Array): PageImage {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(buffer);
  const first = ifds[0];
  if (!first) throw new Error('TIFF without an image');
  const tag = (name: string) => {
    const value = first[name];
    return Array.isArray(value) ? Number(value[0] ?? 0) : 0;
  };
  checkSize(tag('t256'), tag('t257'));
  UTIF.decodeImage(buffer, first);
  return { width: first.width, height: first.height, data: new Uint8ClampedArray(UTIF.toRGBA8(first)) };
}

/**
 * Decodes a page image (PNG, JPEG, GIF, BMP, WebP with @napi-rs/canvas; TIFF with utif2) to RGBA pixels.
 * Throws a plain Error with the decoder's reason for bytes that are not a readable image.
 */
export async function decodePageImage(bytes: Uint8Array): Promise<PageImage> {
  if (isTiff(bytes)) return decodeTiff(bytes);
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  checkSize(image.width, image.height);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

export function encodePng(image: PageImage): Buffer {
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  return canvas.toBuffer('image/png');
}

/** Resolution of an image whose physical size is unknown, taking it for an A4 page (portrait or landscape). */
export function assumedA4Dpi(image: Pick<PageImage, 'width' | 'height'>): number {
  return Math.min(image.width, image.height) / (210 / 25.4);
}
