import { imageSize } from 'image-size';
import { checkTiffStructure, isTiff } from './tiffStructure.js';

export interface ImageLimits {
  /** Pixels an image may declare (a 600 dpi A4 page is ~35 Mpx): beyond, a decompression bomb, not a scan. */
  maxPixels: number;
  /** Longest side (a phone's long screenshot is ~1 080 × 20 000). */
  maxSide: number;
  /**
   * The decoded page handed to seal detection and OCR is scaled down to this (A4 at 300 dpi, where tesseract reads
   * best); a PDF page is rendered within it. A 400 dpi A4 page read whole takes the process to ~1 GB.
   */
  maxWorkingPixels: number;
}

export const defaultImageLimits: ImageLimits = {
  maxPixels: 60_000_000,
  maxSide: 30_000,
  maxWorkingPixels: 9_000_000,
};

export type ImageHeader =
  | { ok: true; type: string; width: number; height: number }
  | { ok: false; tooLarge: boolean; reason: string };

/** The frame header (SOFn: C0–CF but DHT C4, JPG C8, DAC CC) is the one libjpeg decodes; the segments before it. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | string {
  const u16 = (at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return 'a JPEG segment does not start with a marker';
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'the JPEG has no frame header before its image data';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return 'the JPEG is cut inside its frame header';
      return { height: u16(at + 5), width: u16(at + 7) };
    }
    const length = u16(at + 2);
    if (length < 2) return 'a JPEG segment has an impossible length';
    at += 2 + length;
  }
  return 'the JPEG ends before its frame header';
}

function dimensions(bytes: Uint8Array): { type: string; width: number; height: number } | string {
  if (isTiff(bytes)) {
    const tiff = checkTiffStructure(bytes);
    if (!tiff.ok) return tiff.reason;
    const { width, height, bitsPerSample, samplesPerPixel } = tiff.first;
    if (bitsPerSample > 32 || samplesPerPixel > 8)
      return `the TIFF declares ${samplesPerPixel} samples of ${bitsPerSample} bits per pixel`;
    return { type: 'tiff', width, height };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegSize(bytes);
    return typeof size === 'string' ? size : { type: 'jpg', ...size };
  }
  try {
    const size = imageSize(bytes);
    if (!size.type || !['png', 'gif', 'bmp', 'webp'].includes(size.type))
      return `not an image format read here (${size.type ?? 'unknown'})`;
    return { type: size.type, width: size.width, height: Math.abs(size.height) };
  } catch (error) {
    return `the image header cannot be read: ${(error as Error).message}`;
  }
}

/**
 * An image's type and size read from its header only (no pixel is decoded), refused when it declares no pixels or
 * more than the limits allow: a 150-byte file declaring 30000×30000 pixels never reaches a decoder.
 */
export function readImageHeader(bytes: Uint8Array, limits: ImageLimits = defaultImageLimits): ImageHeader {
  const size = dimensions(bytes);
  if (typeof size === 'string') return { ok: false, tooLarge: false, reason: size };
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return { ok: false, tooLarge: false, reason: 'the image declares no pixels' };
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels)
    return {
      ok: false,
      tooLarge: true,
      reason: `the image declares ${width}×${height} pixels, over the limit of ${limits.maxPixels / 1e6} million pixels and ${limits.maxSide} per side`,
    };
  return { ok: true, ...size };
}
