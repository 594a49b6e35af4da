import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExtractedBundle } from '../../shared/completeness/checkExtractedBundle.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { bundleOcr } from '../../shared/ocr/documentOcr.js';
import { ImageDecoder } from '../../shared/ocr/imageDecoder.js';
import { defaultImageLimits, readImageHeader } from '../../shared/ocr/imageHeader.js';
import { OcrEngine } from '../../shared/ocr/recognise.js';
import { PdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { checkTiffStructure } from '../../shared/ocr/tiffStructure.js';
import { campaign, onTime } from '../completeness/checkSpec.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { handWrittenPdf } from '../fixtures/hostile/hostileDocuments.js';
import {
  cutJpeg,
  jpegDeclaring,
  plainTiff,
  pngDeclaring,
  selfReferencingTiff,
  tiffDeclaringValues,
} from '../fixtures/hostile/hostileImages.js';
import { certificateScan } from '../fixtures/scans/scanDocuments.js';
import { jilinCreditCode, renderScanJpeg, renderScanPng } from '../fixtures/scans/scanPage.js';

// Each of these took the process down, or gigabytes and minutes, when scans were decoded in the main process.
const hostile = [
  { name: 'b/营业执照-截断.jpg', data: cutJpeg(700), reason: 'image decoder ended with SIGSEGV' },
  { name: 'b/营业执照-巨幅.jpg', data: jpegDeclaring(30_000, 30_000), reason: 'declares 30000×30000 pixels' },
  { name: 'b/营业执照-巨幅.png', data: pngDeclaring(30_000, 30_000), reason: 'declares 30000×30000 pixels' },
  { name: 'b/营业执照-超大.png', data: pngDeclaring(40_000, 40_000), reason: 'declares 40000×40000 pixels' },
  { name: 'b/营业执照-循环.tif', data: selfReferencingTiff(), reason: 'the directories loop' },
  { name: 'b/营业执照-巨量.tif', data: tiffDeclaringValues(), reason: 'declares 500000000 values' },
];

const code = jilinCreditCode('7235681X4');
const engine = new OcrEngine();
const renderer = new PdfPageRenderer();
const decoder = new ImageDecoder();
let dir: string;
let entries: ExtractedDocument[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hostile-images-'));
  const zip = path.join(dir, 'bundle.zip');
  const letter = await buildPdf([['推荐公函', '现推荐以下单位参加吉林省质量奖评选。']]);
  const certificate = renderScanPng({ ...certificateScan('clean'), lines: [`统一社会信用代码：${code}`] });
  await writeFile(
    zip,
    buildBundleZip([
      { name: 'b/推荐公函.pdf', data: letter },
      ...hostile.map(({ name, data }) => ({ name, data })),
      // After every hostile scan: still read.
      { name: 'b/营业执照.png', data: certificate },
    ]),
  );
  const bundle = await extractBundle(
    { zipPath: zip },
    { analyser: bundleOcr({ engine, renderer, decoder, perPageMs: 60_000 }) },
  );
  entries = bundle.entries;
}, 240_000);

afterAll(async () => {
  await Promise.all([engine.terminate(), renderer.terminate(), decoder.terminate(), closeDefaultSandbox()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile scans in a bundle', () => {
  it.each(hostile)('$name: FILE_UNREADABLE on that file, naming why ($reason)', ({ name, reason }) => {
    const doc = entries.find((d) => d.path === name);
    const unreadable = doc?.findings.filter((f) => f.code === 'FILE_UNREADABLE') ?? [];
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]?.message).toContain(reason);
    expect(doc?.ocr?.pages).toEqual([expect.objectContaining({ page: 1, status: 'failed' })]);
  });

  it('the process goes on: the scan after them is read, and the report lists every entry', () => {
    const certificate = entries.find((d) => d.path === 'b/营业执照.png');
    expect(certificate?.ocr?.creditCode?.value).toBe(code);
    const { report } = checkExtractedBundle({ documents: entries, campaign, receivedAt: onTime });
    expect(report.files.map((f) => f.path).sort()).toEqual(
      ['b/推荐公函.pdf', 'b/营业执照.png', ...hostile.map((h) => h.name)].sort(),
    );
    for (const { name } of hostile)
      expect(report.files.find((f) => f.path === name)?.findings.map((f) => f.code)).toContain('FILE_UNREADABLE');
  });

  it('bounded work: the refused images never reached a decoder, the crashed one cost one child process', () => {
    // The cut JPEG and the certificate are the only images decoded: one child, and one more if the crash came first.
    expect(decoder.started).toBeGreaterThanOrEqual(1);
    expect(decoder.started).toBeLessThanOrEqual(2);
  });
});

describe('image headers, read before any pixel is allocated', () => {
  it('refuses an image declaring more pixels than the limit, as too large', () => {
    for (const bytes of [jpegDeclaring(30_000, 30_000), pngDeclaring(40_000, 40_000), pngDeclaring(31_000, 100)])
      expect(readImageHeader(bytes)).toMatchObject({ ok: false, tooLarge: true });
  });

  it('reads the size of real scans (JPEG, PNG, TIFF)', () => {
    const spec = certificateScan('clean');
    expect(readImageHeader(renderScanJpeg(spec))).toMatchObject({ ok: true, type: 'jpg', width: 1654, height: 2339 });
    expect(readImageHeader(renderScanPng(spec))).toMatchObject({ ok: true, type: 'png', width: 1654, height: 2339 });
    expect(readImageHeader(plainTiff())).toMatchObject({ ok: true, type: 'tiff', width: 4, height: 4 });
  });

  it('refuses a JPEG cut before its frame header, and one that declares no pixels', () => {
    expect(readImageHeader(cutJpeg(100))).toMatchObject({ ok: false, tooLarge: false });
    expect(readImageHeader(jpegDeclaring(0, 100))).toMatchObject({ ok: false, reason: 'the image declares no pixels' });
  });
});

describe('TIFF directories walked once before utif2', () => {
  it('refuses a directory chain that loops', () => {
    expect(checkTiffStructure(selfReferencingTiff())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('loop'),
    });
  });

  it('refuses a tag declaring more values than the file holds', () => {
    expect(checkTiffStructure(tiffDeclaringValues())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('more than the whole file holds'),
    });
  });

  it('refuses a file whose tags together declare over the numeric value cap', () => {
    const check = checkTiffStructure(tiffDeclaringValues(20), {
      maxDirectories: 8,
      maxEntries: 100,
      maxArrayValues: 19,
    });
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('numeric values') });
  });

  it('passes a plain scanner TIFF with its first image', () => {
    expect(checkTiffStructure(plainTiff())).toEqual({
      ok: true,
      first: { width: 4, height: 4, bitsPerSample: 8, samplesPerPixel: 1 },
    });
  });
});

describe('the decoder child process', () => {
  const scan = renderScanJpeg(certificateScan('clean'));

  it('a decoder crash is an outcome; the next image gets a fresh child and is decoded', async () => {
    const own = new ImageDecoder();
    try {
      const crashed = await own.decode(cutJpeg(700), 60_000);
      expect(crashed).toMatchObject({ ok: false, reason: 'error', message: expect.stringContaining('SIGSEGV') });
      const next = await own.decode(scan, 60_000);
      expect(next).toMatchObject({ ok: true, result: { width: 1654, height: 2339, scaled: false } });
      expect(own.started).toBe(2);
    } finally {
      await own.terminate();
    }
  });

  it('a decode over its time budget ends the child (timeout), and the decoder goes on', async () => {
    const own = new ImageDecoder();
    try {
      expect(await own.decode(scan, 1)).toMatchObject({ ok: false, reason: 'timeout' });
      expect(await own.decode(scan, 60_000)).toMatchObject({ ok: true });
    } finally {
      await own.terminate();
    }
  });

  it('an image larger than the working size is scaled down within it, on white', async () => {
    const own = new ImageDecoder({ maxWorkingPixels: 400_000 });
    try {
      const decoded = await own.decode(scan, 60_000);
      if (!decoded.ok) throw new Error(decoded.message);
      const { width, height, data, scaled } = decoded.result;
      expect(scaled).toBe(true);
      expect(width * height).toBeLessThanOrEqual(400_000);
      expect(Math.abs(width / height - 1654 / 2339)).toBeLessThan(0.01);
      expect(data.length).toBe(width * height * 4);
    } finally {
      await own.terminate();
    }
  });
});

describe('PDF pages rendered for OCR', () => {
  it('a page as large as a wall is rendered at a lower resolution, within the working pixels', async () => {
    const stream = '0 0 1 rg 0 0 100 100 re f';
    const pdf = handWrittenPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 7200 7200] /Contents 4 0 R >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    ]);
    const rendered = await renderer.render(pdf, 1, { dpi: 200, timeoutMs: 60_000 });
    if (!rendered.ok) throw new Error(rendered.message);
    const { width, height, dpi } = rendered.result;
    expect(width * height).toBeLessThanOrEqual(defaultImageLimits.maxWorkingPixels);
    expect(dpi).toBeLessThan(200);
    expect(width).toBe(Math.floor((7200 * dpi) / 72));
  });
});
