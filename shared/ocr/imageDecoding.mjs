// Decodes a page image to RGBA pixels: PNG, JPEG, GIF, BMP, WebP with @napi-rs/canvas (Skia), TIFF with utif2.
// Untrusted files are decoded in a child process (imageDecodeProcess.mjs), where a crash of the native decoder (a cut
// JPEG makes Skia segfault) ends only that process; this module is also loaded in the main process for pages the
// program rendered itself. Callers check the header first (imageHeader.ts): nothing here is reached by an image that
// declares more pixels than the limits. Plain JavaScript so that the child process loads it without a TypeScript loader.
import { createCanvas, ImageData, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';

function isTiff(bytes) {
  return (
    (bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a && bytes[3] === 0x00) ||
    (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[2] === 0x00 && bytes[3] === 0x2a)
  );
}

function checkSize(width, height, limits) {
  if (!(width > 0 && height > 0)) throw new Error('the image has no pixels');
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxPixels)
    throw new Error(`the image has ${width}×${height} pixels, over the limit`);
}

/** The first page of a TIFF (uncompressed, LZW, PackBits, CCITT G3/G4, JPEG-in-TIFF); maker notes are not read. */
function decodeTiff(bytes, limits) {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const first = UTIF.decode(buffer, { parseMN: false, debug: false })[0];
  if (!first) throw new Error('TIFF without an image');
  const tag = (name) => (Array.isArray(first[name]) ? Number(first[name][0] ?? 0) : 0);
  checkSize(tag('t256'), tag('t257'), limits);
  if (tag('t258') > 32 || tag('t277') > 8) throw new Error('TIFF with more bits per pixel than a scan has');
  UTIF.decodeImage(buffer, first);
  const rgba = UTIF.toRGBA8(first);
  return {
    width: first.width,
    height: first.height,
    data: new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length),
  };
}

/**
 * RGBA pixels of the image, on white, scaled down to at most `limits.maxWorkingPixels` (`scaled` says so); throws a
 * plain Error with the decoder's reason for bytes that are not a readable image.
 * @param {Uint8Array} bytes
 * @param {{ maxPixels: number, maxSide: number, maxWorkingPixels: number }} limits
 */
export async function decodeImage(bytes, limits) {
  let source;
  let width;
  let height;
  if (isTiff(bytes)) {
    const tiff = decodeTiff(bytes, limits);
    if (tiff.width * tiff.height <= limits.maxWorkingPixels) return { ...tiff, scaled: false };
    ({ width, height } = tiff);
    source = createCanvas(width, height);
    source.getContext('2d').putImageData(new ImageData(tiff.data, width, height), 0, 0);
  } else {
    source = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    ({ width, height } = source);
    checkSize(width, height, limits);
  }
  const scale = Math.min(1, Math.sqrt(limits.maxWorkingPixels / (width * height)));
  const w = Math.max(1, Math.floor(width * scale));
  const h = Math.max(1, Math.floor(height * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(source, 0, 0, w, h);
  const { data } = ctx.getImageData(0, 0, w, h);
  return { width: w, height: h, data, scaled: scale < 1 };
}
