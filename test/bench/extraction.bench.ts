/**
 * Extraction benchmark (`npm run bench`, or npx tsx test/bench/extraction.bench.ts). Compares extraction through the sandboxed
 * pipeline with the bare library calls on the same files in the same run, and measures peak RSS of a 100 MB bundle
 * in a fresh child process. Prints a table.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import PDFDocument from 'pdfkit';
import WordExtractor from 'word-extractor';
import yauzl from 'yauzl';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { committedFixture } from '../fixtures/committedFixtures.js';
import { buildRawZip } from '../fixtures/rawZip.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(createRequire(require.resolve('pdf-parse')).resolve('pdfjs-dist/package.json'));
const pdfAssets = {
  cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}/`,
};

async function bareDocx(bytes: Buffer) {
  await mammoth.convertToHtml({ buffer: bytes });
}
async function bareDoc(bytes: Buffer) {
  (await new WordExtractor().extract(bytes)).getBody();
}
async function barePdf(bytes: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(bytes), ...pdfAssets, verbosity: 0 });
  await parser.getInfo();
  await parser.getText();
  await parser.destroy();
}

/**
 * The bare side of the bundle case: the zip's entries read one after the other with yauzl (the zip library the
 * pipeline uses), each entry's bytes handed to its library by extension (the names' extensions are ASCII in GBK too).
 */
function bareZip(zipPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, decodeStrings: false }, (openError, zip) => {
      if (openError || !zip) return reject(openError);
      zip.on('error', reject);
      let parsed = 0;
      zip.on('end', () => resolve(parsed));
      zip.on('entry', (entry: yauzl.Entry) => {
        parsed++;
        const name = (entry.fileName as unknown as Buffer).toString('latin1');
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const parse = name.endsWith('.docx') ? bareDocx : name.endsWith('.pdf') ? barePdf : bareDoc;
            parse(bytes).then(() => zip.readEntry(), reject);
          });
        });
      });
      zip.readEntry();
    });
  });
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
/**
 * Warm-up runs of each side before timing. The pipeline's code is JIT-compiled in two places (this thread and the
 * worker that parses) and takes a few more runs than the bare call to reach its steady state; both sides get the same.
 */
const warmups = Number(process.env.BENCH_WARMUPS ?? 5);

/**
 * Bare call and pipeline timed in alternation (bare first on even rounds, pipeline first on odd ones) after the
 * warm-up runs of each: both sides see the same machine load. Medians of each side. (No forced GC between samples:
 * it flushes the bare side's compiled code, which lives in this thread, and not the workers'.)
 */
async function paired(bare: () => Promise<unknown>, ours: () => Promise<unknown>) {
  for (let i = 0; i < warmups; i++) {
    await bare();
    await ours();
  }
  const samples = { bare: [] as number[], ours: [] as number[] };
  const sample = async (fn: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await fn();
    into.push(performance.now() - start);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await sample(bare, samples.bare);
      await sample(ours, samples.ours);
    } else {
      await sample(ours, samples.ours);
      await sample(bare, samples.bare);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return {
    bare: median(samples.bare),
    ours: median(samples.ours),
    fastest: { bare: Math.min(...samples.bare), ours: Math.min(...samples.ours) },
  };
}

const paragraph = '本单位坚持以质量第一为价值导向，建立健全质量管理体系，2024年产品一次交验合格率达到99.8%。';

/** A PDF page of random (incompressible) pixels: about 1 MB. */
function noisePdf(): Promise<Buffer> {
  const width = 600;
  const height = 560;
  const raw = randomBytes((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(require('node:zlib').crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 0 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.addPage({ size: 'A4', margin: 0 });
  doc.image(png, 0, 0, { width: 595 });
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.end();
  });
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'extraction-bench-'));
  const rows: [string, string, number, number, { bare: number; ours: number }][] = [];
  try {
    const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 120_000 });
    // Warm the workers and the in-process libraries alike.
    await sandbox.warm();
    const warmPdf = await buildPdf([['预热']]);
    await extractFile(warmPdf, 'w.pdf', { sandbox });
    await barePdf(warmPdf);

    const docx200 = await buildDocx({ title: '自评报告', paragraphs: Array(12).fill(paragraph), pages: 200 });
    const docx = await paired(
      () => bareDocx(docx200),
      () => extractFile(docx200, '自评报告.docx', { sandbox }),
    );
    rows.push(['200-page .docx', `${(docx200.length / 1024).toFixed(0)} KB`, docx.bare, docx.ours, docx.fastest]);

    const pdf100 = await buildPdf(
      Array.from({ length: 100 }, (_, i) => [`第${i + 1}页`, ...Array(25).fill(paragraph)]),
    );
    const pdf = await paired(
      () => barePdf(pdf100),
      () => extractFile(pdf100, '自评报告.pdf', { sandbox }),
    );
    rows.push(['100-page .pdf', `${(pdf100.length / 1024).toFixed(0)} KB`, pdf.bare, pdf.ours, pdf.fastest]);

    const doc = committedFixture('chinese-headings-table.doc');
    const smallDocx = await buildDocx({ title: '组织申报表', paragraphs: Array(20).fill(paragraph), pages: 3 });
    const smallPdf = await buildPdf([Array(20).fill(paragraph), Array(20).fill(paragraph)]);
    const files = Array.from({ length: 60 }, (_, i) => {
      const kind = i % 3;
      return {
        name: `材料${i}.${['docx', 'pdf', 'doc'][kind]}`,
        data: [smallDocx, smallPdf, doc][kind] as Buffer,
        gbkName: i % 2 === 0,
      };
    });
    const bundlePath = path.join(work, 'bundle60.zip');
    writeFileSync(bundlePath, buildBundleZip(files));
    if ((await bareZip(bundlePath)) !== files.length) throw new Error('the bare zip read missed entries');
    const bundle = await paired(
      () => bareZip(bundlePath),
      () => extractBundle({ zipPath: bundlePath }, { sandbox }),
    );
    rows.push([
      '60-file bundle (zip)',
      `${(files.reduce((s, f) => s + f.data.length, 0) / 1024).toFixed(0)} KB`,
      bundle.bare,
      bundle.ours,
      bundle.fastest,
    ]);
    await sandbox.close();

    const bigPath = path.join(work, 'bundle100mb.zip');
    const bigMb = await buildBigBundle(bigPath);
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, path.join(import.meta.dirname, 'extractionRss.ts'), bigPath],
      { encoding: 'utf8', maxBuffer: 1e6 },
    );
    const rss = JSON.parse(child.stdout || '{}') as { peakMb?: number; ms?: number; entries?: number };

    console.log(
      `\nExtraction benchmark: medians of ${rounds} alternated runs after ${warmups} warm-ups each (ms). Bare: the libraries` +
        ' called directly in this thread (bundle: the 60 files read from the same zip with yauzl, one after the other). Pipeline:' +
        ' extractFile / extractBundle with a warmed 2-worker sandbox (bundle: read from the zip).\n',
    );
    // The fastest runs' ratio is printed beside the medians': on a shared machine it shows how much of a gap is load.
    console.log(
      '| case | size | bare library ms | pipeline ms | ratio (target ≤ 1.15) | fastest runs: bare / pipeline (ratio) |',
    );
    console.log('|---|---|---|---|---|---|');
    for (const [name, size, bare, ours, fastest] of rows)
      console.log(
        `| ${name} | ${size} | ${bare.toFixed(0)} | ${ours.toFixed(0)} | ${(ours / bare).toFixed(2)} | ` +
          `${fastest.bare.toFixed(0)} / ${fastest.ours.toFixed(0)} (${(fastest.ours / fastest.bare).toFixed(2)}) |`,
      );
    console.log(
      `\n100 MB bundle (${bigMb.toFixed(0)} MB, ${rss.entries} entries): peak RSS ${rss.peakMb} MB (target < 512), ${rss.ms} ms` +
        (child.status === 0 ? '' : ` — child failed: ${child.stderr.slice(0, 300)}`),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function buildBigBundle(target: string): Promise<number> {
  const big = await Promise.all(Array.from({ length: 100 }, () => noisePdf()));
  writeFileSync(
    target,
    buildRawZip(big.map((data, i) => ({ name: `扫描件${String(i).padStart(3, '0')}.pdf`, data, deflate: false }))),
  );
  return big.reduce((s, b) => s + b.length, 0) / 1e6;
}

if (process.argv[2] === '--build-big') await buildBigBundle(process.argv[3] as string);
else await main();
