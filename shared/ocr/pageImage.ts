import { createCanvas, ImageData } from '@napi-rs/canvas';
import { decodeImage } from './imageDecoding.mjs';
import { defaultImageLimits, readImageHeader } from './imageHeader.js';

/** A decoded page: RGBA pixels, row after row. */
export interface PageImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Decodes, in this process, an image the program made itself (a PDF page it rendered) or a test's: the header is
 * checked against the limits first. A bundle's own image files go through `ImageDecoder` (a child process) instead:
 * a native decoder may crash on them. Throws a plain Error with the reason for bytes that are not a readable image.
 */
export async function decodePageImage(bytes: Uint8Array): Promise<PageImage> {
  const header = readImageHeader(bytes);
  if (!header.ok) throw new Error(header.reason);
  const { width, height, data } = await decodeImage(bytes, defaultImageLimits);
  return { width, height, data };
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
