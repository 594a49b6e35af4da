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

/** Pages searched for ruled tables. */
const maxTablePages = 30;

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
    // Ruled tables (a Word table printed to PDF keeps its cell borders): cells come back apart, where the text
    // layer glues a label to its value. Forms sit in the first pages; a long report's later pages are not searched.
    const ruled = await parser.getTable({ first: maxTablePages }).catch(() => ({ pages: [] }));
    return {
      total: text.total,
      pages: text.pages.map((p) => ({ num: p.num, text: p.text })),
      tables: ruled.pages.map((p) => ({ num: p.num, tables: p.tables })),
      info: plainInfo(info.info),
    };
  } finally {
    await parser.destroy().catch(() => {});
  }
}

/** Rows read per sheet: a 汇总表 has dozens; a sheet declaring a million rows is cut here, inside the sandbox. */
const maxSheetRows = 5000;
/** What SheetJS prints for the zh-CN built-in date formats (27–31, 50–58) it maps to `m/d/yy`. */
const usShortDate = /^\d{1,2}\/\d{1,2}\/\d{2}$/;

/** A cell as Excel shows it: the formatted text (cached value of a formula), never a date serial number. */
function cellText(XLSX, cell) {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.w === 'string' && usShortDate.test(cell.w))
    return XLSX.SSF.format('yyyy"年"m"月"d"日"', cell.v);
  if (typeof cell.w === 'string') return cell.w;
  return String(cell.v);
}

async function parseSheet(bytes) {
  const XLSX = require('@e965/xlsx');
  const workbook = XLSX.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    type: 'buffer',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellNF: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
    // Excel in a Chinese locale shows the built-in short date (format 14) as 2025/7/30.
    dateNF: 'yyyy/m/d',
    sheetRows: maxSheetRows,
  });
  const hidden = workbook.Workbook?.Sheets ?? [];
  return {
    sheets: workbook.SheetNames.map((name, i) => {
      const sheet = workbook.Sheets[name] ?? {};
      const cells = [];
      const add = (r, c, cell) => {
        const text = cellText(XLSX, cell);
        if (text.trim() !== '') cells.push([r, c, text]);
      };
      if (sheet['!data'])
        sheet['!data'].forEach((row, r) => {
          row?.forEach((cell, c) => {
            add(r, c, cell);
          });
        });
      else
        for (const [address, cell] of Object.entries(sheet)) {
          if (address.startsWith('!')) continue;
          const { r, c } = XLSX.utils.decode_cell(address);
          add(r, c, cell);
        }
      const full = sheet['!fullref'];
      const rows = sheet['!data']?.length ?? 0;
      return {
        name,
        hidden: Number(hidden[i]?.Hidden ?? 0),
        cells,
        merges: (sheet['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
        ...(full && full !== sheet['!ref']
          ? { truncated: `declared range ${full}` }
          : rows >= maxSheetRows
            ? { truncated: `more than ${maxSheetRows} rows` }
            : {}),
      };
    }),
  };
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

const parsers = { docx: parseDocx, doc: parseDoc, pdf: parsePdf, sheet: parseSheet, warm };

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
