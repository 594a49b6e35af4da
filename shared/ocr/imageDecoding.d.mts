import type { ImageLimits } from './imageHeader.js';

export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, row after row. */
  data: Uint8ClampedArray;
  /** Scaled down to the working size (the pixels are not the file's). */
  scaled: boolean;
}

export function decodeImage(bytes: Uint8Array, limits: ImageLimits): Promise<DecodedImage>;
