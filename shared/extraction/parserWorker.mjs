// Runs inside a worker thread: the only place the document libraries touch untrusted bytes. It returns the raw
// library output; all interpretation happens in the parent (TypeScript). Plain JavaScript on purpose: a worker
// thread loads it directly, without a TypeScript loader, in tests, in tsx, in Lambda bundles and locally.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** pdfjs-dist as pdf-parse itself resolves it, so cmaps/standard_fonts match the parser's version. */
function pdfjsAssetDirs() {
  const pdfParseEntry = require.resolve('pdf-parse');
  const fromPdfParse = createRequire(pdfParseEntry);
  const pdfjsRoot = path.dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${path.join(pdfjsRoot, 'cmaps')}${path.sep}`,
    standardFontDataUrl: `${path.join(pdfjsRoot, 'standard_fonts')}${path.sep}`,
  };
}

let pdfAssets;

async function parseDocx(bytes) {
  const mammoth = require('mammoth');
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  return { html: result.value, messages: result.messages.map((m) => `${m.type}: ${m.message}`) };
}

async function parseDoc(bytes) {
  const WordExtractor = require('word-extractor');
  const doc = await new WordExtractor().extract(Buffer.from(bytes));
  const opts = { filterUnicode: false };
  return {
    body: doc.getBody(opts),
    headers: doc.getHeaders({ ...opts, includeFooters: true }),
    textboxes: doc.getTextboxes({ ...opts, includeHeadersAndFooters: false, includeBody: true }),
  };
}

async function parsePdf(bytes) {
  const { PDFParse } = await import('pdf-parse');
  pdfAssets ??= pdfjsAssetDirs();
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    cMapUrl: pdfAssets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: pdfAssets.standardFontDataUrl,
    verbosity: 0,
  });
  try {
    const info = await parser.getInfo();
    const text = await parser.getText({ pageJoiner: '' });
    return {
      total: text.total,
      pages: text.pages.map((p) => ({ num: p.num, text: p.text })),
      info: plainInfo(info.info),
    };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

function plainInfo(info) {
  const out = {};
  if (info && typeof info === 'object') {
    for (const [k, v] of Object.entries(info)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    }
  }
  return out;
}

async function warm() {
  require('mammoth');
  require('word-extractor');
  await import('pdf-parse');
  pdfAssets ??= pdfjsAssetDirs();
  return {};
}

const parsers = { docx: parseDocx, doc: parseDoc, pdf: parsePdf, warm };

parentPort?.on('message', async (job) => {
  try {
    const parse = parsers[job.kind];
    if (!parse) throw new Error(`no parser for ${job.kind}`);
    const result = await parse(job.bytes);
    parentPort.postMessage({ id: job.id, ok: true, result });
  } catch (error) {
    const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : 'Error';
    const message = error && typeof error === 'object' && 'message' in error ? String(error.message) : String(error);
    parentPort.postMessage({ id: job.id, ok: false, error: { name, message: message.slice(0, 300) } });
  }
});
