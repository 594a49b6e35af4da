import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { decodePageImage } from '../../shared/ocr/pageImage.js';
import { detectSeals, eraseSealInk, isSealInk } from '../../shared/ocr/sealDetector.js';
import { certificateScan, consentScan, redHeadingScan } from '../fixtures/scans/scanDocuments.js';
import { renderScanJpeg, renderScanPng, type ScanSpec } from '../fixtures/scans/scanPage.js';

async function verdictOf(spec: ScanSpec, jpeg = false) {
  const image = await decodePageImage(jpeg ? renderScanJpeg(spec) : renderScanPng(spec));
  return { image, verdict: detectSeals(image, { dpi: spec.dpi ?? 200 }) };
}

describe('red seal detector', () => {
  it('finds the round seal on a stamped consent, with its diameter', async () => {
    const { verdict } = await verdictOf(consentScan('clean'));
    expect(verdict.sealDetected).toBe(true);
    expect(verdict.seals).toHaveLength(1);
    expect(verdict.seals[0]?.diameterMm).toBeGreaterThan(36);
    expect(verdict.seals[0]?.diameterMm).toBeLessThan(44);
  });

  it('finds the seal on a rotated, noisy, blurred scan saved as JPEG', async () => {
    const { verdict } = await verdictOf(certificateScan('noisy'), true);
    expect(verdict.sealDetected).toBe(true);
  });

  it('finds the seal on a TIFF scan (decoded with utif2)', async () => {
    const png = await decodePageImage(renderScanPng(certificateScan('clean')));
    const tiff = new Uint8Array(UTIF.encodeImage(new Uint8Array(png.data), png.width, png.height));
    const decoded = await decodePageImage(tiff);
    expect([decoded.width, decoded.height]).toEqual([png.width, png.height]);
    expect(detectSeals(decoded, { dpi: 200 }).sealDetected).toBe(true);
  });

  it('finds a faint, half-inked seal with a broken ring', async () => {
    const { verdict } = await verdictOf(consentScan('faintSeal'));
    expect(verdict.sealDetected).toBe(true);
  });

  it('says no seal on the same page without one', async () => {
    const { verdict } = await verdictOf(consentScan('noSeal'));
    expect(verdict.sealDetected).toBe(false);
    expect(verdict.redShare).toBe(0);
  });

  it('does not take red heading text and a red rule (红头) for a seal', async () => {
    const { verdict } = await verdictOf(redHeadingScan());
    expect(verdict.redShare).toBeGreaterThan(0.002);
    expect(verdict.sealDetected).toBe(false);
    expect(verdict.rejected.length).toBeGreaterThan(0);
  });

  it('does not take a square block of red text for a seal (its corners are filled)', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => ({
      text: '红色文字示例',
      xMm: 105,
      yMm: 120 + i * 7,
      sizeMm: 6,
    }));
    const { verdict } = await verdictOf({ title: '通知', lines: ['正文'], redText: lines });
    expect(verdict.sealDetected).toBe(false);
  });

  it('erases the seal ink only inside the seal, leaving black text', async () => {
    const { image, verdict } = await verdictOf(consentScan('clean'));
    const erased = eraseSealInk(image, verdict.seals);
    expect(detectSeals(erased, { dpi: 200 }).redShare).toBe(0);
    const dark = (img: typeof image) => {
      let n = 0;
      for (let i = 0; i < img.data.length; i += 4) if ((img.data[i] ?? 255) < 80) n++;
      return n;
    };
    expect(dark(erased)).toBe(dark(image));
  });

  it('red ink: red and pink are ink; black, grey, orange-brown and blue are not', () => {
    expect(isSealInk(215, 30, 40)).toBe(true);
    expect(isSealInk(250, 195, 200)).toBe(true);
    expect(isSealInk(20, 20, 20)).toBe(false);
    expect(isSealInk(200, 200, 200)).toBe(false);
    expect(isSealInk(40, 60, 220)).toBe(false);
    expect(isSealInk(200, 150, 40)).toBe(false);
  });
});
