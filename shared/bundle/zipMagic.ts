/**
 * A plain zip archive (to open as a nested bundle), not an Office package: local-header magic, and neither an
 * Office name nor a `[Content_Types].xml` part near the start.
 */
export function isZipBytes(bytes: Uint8Array, name: string): boolean {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!isZip) return false;
  if (/\.(docx|docm|xlsx|xlsm|xlsb|et|pptx|odt|ods|odp|ofd|numbers|pages|key|jar|apk|epub)$/i.test(name)) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  return !head.includes('[Content_Types].xml') && !head.includes('mimetypeapplication/');
}
