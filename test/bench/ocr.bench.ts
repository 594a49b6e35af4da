// OCR benchmark (`npx tsx test/bench/ocr.bench.ts`, or `npm run bench ocr`): milliseconds per A4 page (render the
// image-only PDF page, detect and erase seals, recognise) at 200 and 300 dpi, character accuracy on clean and noisy
// scans (targets ≥ 98 % and ≥ 90 %), and the red-seal detector's error rate on its fixtures.

import { toHalfWidth } from '../../shared/domain/validation/halfWidth.js';
import { ocrPage } from '../../shared/ocr/ocrPage.js';
import { decodePageImage } from '../../shared/ocr/pageImage.js';
import { OcrEngine } from '../../shared/ocr/recognise.js';
import { PdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { detectSeals } from '../../shared/ocr/sealDetector.js';
import {
  certificateScan,
  consentScan,
  expectedText,
  redHeadingScan,
  type ScanVariant,
} from '../fixtures/scans/scanDocuments.js';
import { imageOnlyPdf, renderScanJpeg, renderScanPng, type ScanSpec } from '../fixtures/scans/scanPage.js';

const runs = Number(process.env.OCR_BENCH_RUNS ?? 3);

function normalise(text: string): string[] {
  return [...toHalfWidth(text).replace(/\s+/g, '')];
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1 − edit distance / length of the truth, on the text without white space and with half-width ASCII. */
function characterAccuracy(recognised: string, truth: string): number {
  const t = normalise(truth);
  return Math.max(0, 1 - editDistance(normalise(recognised), t) / t.length);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

const engine = new OcrEngine();
const renderer = new PdfPageRenderer();

interface Row {
  page: string;
  dpi: number;
  msMedian: number;
  accuracy: number;
}

async function measure(name: string, spec: ScanSpec, dpi: number): Promise<Row> {
  const pdf = await imageOnlyPdf([renderScanPng({ ...spec, dpi })]);
  const ctx = { engine, renderer, perPageMs: 120_000, dpi, minConfidence: 75 };
  const times: number[] = [];
  let accuracy = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = await ocrPage({ kind: 'pdf', pdf, page: 1 }, 1, ctx);
    times.push(performance.now() - start);
    if (result.status !== 'recognised') throw new Error(`${name} at ${dpi} dpi: ${result.status} ${result.error}`);
    accuracy = characterAccuracy(result.lines.map((l) => l.text).join(''), expectedText(spec));
  }
  return { page: name, dpi, msMedian: median(times), accuracy };
}

// Warm-up: start the OCR and render threads (models loaded once per process).
await measure('warm-up', consentScan('clean'), 200);

const pages: [string, ScanVariant, (v: ScanVariant, dpi: number) => ScanSpec][] = [
  ['consent', 'clean', consentScan],
  ['certificate', 'clean', certificateScan],
  ['consent', 'noisy', consentScan],
  ['certificate', 'noisy', certificateScan],
];
const rows: Row[] = [];
for (const dpi of [200, 300])
  for (const [name, variant, build] of pages)
    rows.push(await measure(`${name} (${variant})`, build(variant, dpi), dpi));
rows.push(await measure('红头 letter (clean)', redHeadingScan(200), 200));

console.log(`\nOCR per A4 page (render + seal detection + recognition), median of ${runs} runs, 1 worker thread`);
console.table(
  rows.map((r) => ({ page: r.page, dpi: r.dpi, 'ms/page': Math.round(r.msMedian), 'char accuracy': pct(r.accuracy) })),
);
for (const dpi of [200, 300]) {
  const at = rows.filter((r) => r.dpi === dpi);
  const clean = at.filter((r) => r.page.includes('clean'));
  const noisy = at.filter((r) => r.page.includes('noisy'));
  const mean = (xs: Row[], f: (r: Row) => number) => xs.reduce((s, r) => s + f(r), 0) / Math.max(1, xs.length);
  console.log(
    `${dpi} dpi: clean ${Math.round(mean(clean, (r) => r.msMedian))} ms/page, accuracy ${pct(mean(clean, (r) => r.accuracy))} ` +
      `(target ≥ 98 %); noisy ${Math.round(mean(noisy, (r) => r.msMedian))} ms/page, accuracy ` +
      `${pct(mean(noisy, (r) => r.accuracy))} (target ≥ 90 %)`,
  );
}

// Seal detector error rate on its fixtures (PNG and JPEG, 200 and 300 dpi).
const sealCases: [string, ScanSpec, boolean][] = [];
for (const dpi of [200, 300]) {
  for (const [name, build] of [
    ['consent', consentScan],
    ['certificate', certificateScan],
  ] as const) {
    sealCases.push([`${name} seal`, build('clean', dpi), true]);
    sealCases.push([`${name} noisy seal`, build('noisy', dpi), true]);
    sealCases.push([`${name} faint seal`, build('faintSeal', dpi), true]);
    sealCases.push([`${name} no seal`, build('noSeal', dpi), false]);
  }
  sealCases.push(['红头 red text', redHeadingScan(dpi), false]);
  sealCases.push([
    'red text block',
    {
      dpi,
      title: '通知',
      lines: ['正文'],
      redText: Array.from({ length: 5 }, (_, i) => ({ text: '红色文字示例', xMm: 105, yMm: 120 + i * 7, sizeMm: 6 })),
    },
    false,
  ]);
}
const byKind = new Map<string, { n: number; errors: number; ms: number }>();
for (const [name, spec, hasSeal] of sealCases)
  for (const jpeg of [false, true]) {
    const image = await decodePageImage(jpeg ? renderScanJpeg(spec) : renderScanPng(spec));
    const start = performance.now();
    const verdict = detectSeals(image, { dpi: spec.dpi ?? 200 });
    const ms = performance.now() - start;
    const kind = name.replace(/^(consent|certificate) /, '');
    const entry = byKind.get(kind) ?? { n: 0, errors: 0, ms: 0 };
    entry.n++;
    entry.ms += ms;
    if (verdict.sealDetected !== hasSeal) entry.errors++;
    byKind.set(kind, entry);
  }
console.log('\nRed-seal detector on the fixtures (PNG + JPEG, 200 + 300 dpi)');
console.table(
  [...byKind].map(([kind, e]) => ({ fixture: kind, pages: e.n, errors: e.errors, 'ms/page': Math.round(e.ms / e.n) })),
);
const total = [...byKind.values()].reduce((s, e) => ({ n: s.n + e.n, errors: s.errors + e.errors }), {
  n: 0,
  errors: 0,
});
console.log(`seal detector error rate: ${total.errors}/${total.n} = ${pct(total.errors / total.n)}`);

await engine.terminate();
await renderer.terminate();
