import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Finding, finding } from '../domain/findings/finding.js';
import { analyseDocument } from './analyseDocument.js';
import type { DetectedType, ExtractedDocument, PageText, Table } from './document.js';
import { checkDocxPackage } from './docxPackage.js';
import { defaultExtractOptions, defaultSandbox, type ExtractOptions } from './extractionOptions.js';
import { extensionOf, sniffFile } from './fileSniffer.js';
import type { ParseOutcome, ParserKind } from './parserSandbox.js';
import { removeCjkSpacing, repairGbkMojibake, stripNul } from './pdfTextRepair.js';
import { layoutFromWorkbook } from './spreadsheetLayout.js';
import { layoutFromDocText, layoutFromHtml } from './wordLayout.js';

/** Below this many non-space characters a PDF page is treated as having no text layer. */
const minPageChars = 10;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface Content {
  readable: boolean;
  pages: PageText[];
  headers: string[];
  tables: Table[];
  pageCount: number;
  metadata: Record<string, string>;
  needsOcr: number[];
  findings: Finding[];
}

const emptyContent = (): Content => ({
  readable: false,
  pages: [],
  headers: [],
  tables: [],
  pageCount: 0,
  metadata: {},
  needsOcr: [],
  findings: [],
});

/** A document record for an entry whose content is not read (skipped by a limit, unsafe path, …). */
export function unreadDocument(
  file: string,
  size: number,
  sha256: string,
  findings: Finding[],
  metadata: Record<string, string> = {},
): ExtractedDocument {
  return analyseDocument({
    path: file,
    sha256,
    size,
    declaredType: extensionOf(file),
    detectedType: 'unknown',
    ...emptyContent(),
    metadata,
    findings,
  });
}

/** Extensions of spreadsheet formats (Excel, WPS Spreadsheets, LibreOffice, Numbers). */
const spreadsheetExtensions = new Set([
  'xlsx',
  'xlsm',
  'xltx',
  'xltm',
  'xlsb',
  'xls',
  'xlt',
  'et',
  'ett',
  'ods',
  'ots',
  'numbers',
]);
/** What a unit is asked to send instead of a spreadsheet that cannot be read. */
const spreadsheetHint = '请以 .xlsx 或 PDF 格式提交';

function parserFailure(
  file: string,
  outcome: Extract<ParseOutcome<ParserKind>, { ok: false }>,
  hint?: string,
): Finding {
  const then = hint ? `; ${hint}` : '';
  if (outcome.reason === 'timeout' || outcome.reason === 'memory')
    return finding('FILE_TIMEOUT', 'review', `extraction stopped: ${outcome.message}${then}`, { file });
  if (outcome.name === 'PasswordException' || /password|encrypt/i.test(outcome.message))
    return finding('FILE_ENCRYPTED', 'review', `password-protected: ${outcome.name}: ${outcome.message}${then}`, {
      file,
    });
  return finding('FILE_UNREADABLE', 'review', `cannot be read: ${outcome.name}: ${outcome.message}${then}`, { file });
}

async function readDocx(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Content> {
  const content = emptyContent();
  const check = await checkDocxPackage(bytes, options.docxLimits);
  if (!check.ok) {
    content.findings.push(
      check.unreadable
        ? finding('FILE_UNREADABLE', 'review', `cannot be read: ${check.reason}`, { file })
        : finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `Word package refused (zip bomb risk): ${check.reason}`, {
            file,
          }),
    );
    return content;
  }
  const outcome = await (options.sandbox ?? defaultSandbox()).run('docx', bytes, options.timeoutMs, {
    transfer: options.handOverBytes === true,
  });
  if (!outcome.ok) {
    content.findings.push(parserFailure(file, outcome));
    return content;
  }
  const layout = layoutFromHtml(outcome.result.html);
  return {
    ...content,
    readable: true,
    pages: [{ page: 1, lines: layout.lines }],
    headers: check.headerLines,
    tables: layout.tables,
    pageCount: 1,
    metadata: { parserMessages: String(outcome.result.messages.length) },
  };
}

async function readDoc(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Content> {
  const content = emptyContent();
  const outcome = await (options.sandbox ?? defaultSandbox()).run('doc', bytes, options.timeoutMs, {
    transfer: options.handOverBytes === true,
  });
  if (!outcome.ok) {
    content.findings.push(parserFailure(file, outcome));
    return content;
  }
  const body = layoutFromDocText(outcome.result.body);
  const margins = layoutFromDocText(`${outcome.result.headers}\n${outcome.result.textboxes}`);
  return {
    ...content,
    readable: true,
    pages: [{ page: 1, lines: body.lines }],
    headers: margins.lines.filter((l) => !body.lines.includes(l)),
    tables: body.tables,
    pageCount: 1,
  };
}

const CJK_BREAK = /(?<=[\p{Script=Han}A-Za-z0-9])\n(?=\p{Script=Han})/gu;
/** A code or number wrapped by the cell's width: a short tail of letters and digits alone on the next line (`…201\n9`). */
const CODE_BREAK = /(?<=[0-9A-Za-z０-９Ａ-Ｚａ-ｚ])\n(?=[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{1,8}(?:\n|$))/gu;

/**
 * A ruled cell's text: width wraps of names and codes joined, the cell's own paragraphs kept, PDF spacing removed as
 * on the page's lines (a title's own space, 质量追溯体系 要求, stays).
 */
export function ruledCellText(text: string): string {
  return text
    .replace(CJK_BREAK, '')
    .replace(CODE_BREAK, '')
    .split('\n')
    .map((line) => removeCjkSpacing(line.replace(/[ \t]+/g, ' ').trim()))
    .join('\n');
}

/**
 * The ruled tables of a PDF as the document model's tables. A line break inside a cell between two Chinese
 * characters is the cell's width wrapping a name (`长春一汽富维汽\n车零部件`), not a new paragraph: it goes.
 */
function ruledPdfTables(pages: { num: number; tables: string[][][] }[]): Table[] {
  const tables: Table[] = [];
  for (const page of pages)
    for (const rows of page.tables)
      tables.push({
        index: tables.length,
        page: page.num,
        rows: rows.map((cells) =>
          cells.map((text) => ({
            text: ruledCellText(text),
            colSpan: 1,
            rowSpan: 1,
          })),
        ),
      });
  return tables;
}

async function readPdf(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Content> {
  const content = emptyContent();
  const outcome = await (options.sandbox ?? defaultSandbox()).run('pdf', bytes, options.timeoutMs, {
    // An analysis after parsing (OCR) may render the pages: the bytes stay here.
    transfer: options.handOverBytes === true && !options.analyse,
  });
  if (!outcome.ok) {
    content.findings.push(parserFailure(file, outcome));
    return content;
  }
  let nul = 0;
  let repairedPages = 0;
  const pages: PageText[] = [];
  const needsOcr: number[] = [];
  for (const page of outcome.result.pages) {
    const stripped = stripNul(page.text);
    nul += stripped.removed;
    const repaired = repairGbkMojibake(stripped.text);
    if (repaired.repaired) repairedPages++;
    const lines = repaired.text
      .split(/\r\n|\r|\n/)
      // A tab (pdf-parse's mark for a gap between cells) or a run of spaces stays a tab: a Word table's cells.
      .map((l) =>
        l
          .split(/\t| {2,}/)
          .map((cell) => removeCjkSpacing(cell.replace(/ +/g, ' ').trim()))
          .filter(Boolean)
          .join('\t'),
      )
      .filter(Boolean);
    pages.push({ page: page.num, lines });
    if (lines.join('').replace(/\s/g, '').length < minPageChars) needsOcr.push(page.num);
  }
  const metadata: Record<string, string> = { ...outcome.result.info };
  if (nul > 0) metadata.nulCharactersRemoved = String(nul);
  if (repairedPages > 0) metadata.gbkMojibakeRepairedPages = String(repairedPages);
  const tables = ruledPdfTables(outcome.result.tables ?? []);
  return { ...content, readable: true, pages, tables, pageCount: outcome.result.total, needsOcr, metadata };
}

/** Excel (.xlsx, .xls, .xlsb), WPS Spreadsheets (.et) and LibreOffice (.ods) workbooks: one page per sheet. */
async function readSpreadsheet(bytes: Uint8Array, file: string, options: ExtractOptions): Promise<Content> {
  const content = emptyContent();
  // A zip package (.xlsx, .xlsb, .ods) passes the Word package's zip-bomb check first.
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const check = isZip ? await checkDocxPackage(bytes, options.docxLimits) : undefined;
  if (check && !check.ok) {
    content.findings.push(
      check.unreadable
        ? finding('FILE_UNREADABLE', 'review', `cannot be read: ${check.reason}; ${spreadsheetHint}`, { file })
        : finding('ARCHIVE_LIMIT_EXCEEDED', 'review', `workbook package refused (zip bomb risk): ${check.reason}`, {
            file,
          }),
    );
    return content;
  }
  const outcome = await (options.sandbox ?? defaultSandbox()).run('sheet', bytes, options.timeoutMs, {
    // An analysis after parsing (OCR) may render the pages: the bytes stay here.
    transfer: options.handOverBytes === true && !options.analyse,
  });
  if (!outcome.ok) {
    content.findings.push(parserFailure(file, outcome, spreadsheetHint));
    return content;
  }
  const layout = layoutFromWorkbook(outcome.result);
  return {
    ...content,
    readable: true,
    pages: layout.pages,
    tables: layout.tables,
    pageCount: layout.pages.length,
    metadata: layout.metadata,
  };
}

const imageTypes = new Set<DetectedType>(['jpeg', 'png', 'tiff', 'gif', 'bmp', 'webp']);
const spreadsheetTypes = new Set<DetectedType>(['xlsx', 'xls', 'ods']);

async function readContent(
  bytes: Uint8Array,
  file: string,
  detected: DetectedType,
  encrypted: boolean,
  options: ExtractOptions,
  declared = '',
): Promise<Content> {
  const isSpreadsheet = spreadsheetTypes.has(detected) || spreadsheetExtensions.has(declared);
  if (encrypted || detected === 'encrypted-ooxml') {
    const content = emptyContent();
    const hint = isSpreadsheet ? `; 请去除密码后${spreadsheetHint}` : '';
    content.findings.push(finding('FILE_ENCRYPTED', 'review', `password-protected Office file${hint}`, { file }));
    return content;
  }
  switch (detected) {
    case 'docx':
      return readDocx(bytes, file, options);
    case 'doc':
      return readDoc(bytes, file, options);
    case 'pdf':
      return readPdf(bytes, file, options);
    case 'xlsx':
    case 'xls':
    case 'ods':
      return readSpreadsheet(bytes, file, options);
    case 'text': {
      const text = new TextDecoder('utf-8').decode(bytes);
      const lines = text
        .split(/\r\n|\r|\n/)
        .map((l) => l.trim())
        .filter(Boolean);
      return { ...emptyContent(), readable: true, pages: [{ page: 1, lines }], pageCount: 1 };
    }
    default: {
      if (imageTypes.has(detected)) return { ...emptyContent(), readable: true, pageCount: 1, needsOcr: [1] };
      const content = emptyContent();
      const hint = isSpreadsheet ? `; ${spreadsheetHint}` : '';
      if (isSpreadsheet && detected === 'unknown' && declared !== 'numbers') {
        content.findings.push(
          finding('FILE_UNREADABLE', 'review', `cannot be read: the content is not a workbook${hint}`, { file }),
        );
        return content;
      }
      content.findings.push(
        finding('FILE_TYPE_UNSUPPORTED', 'review', `content type ${detected} cannot be read${hint}`, { file }),
      );
      return content;
    }
  }
}

/**
 * A spreadsheet name on content the sniffer could not pin down goes to the spreadsheet reader, which reads it or says
 * which format to send instead: a compound file without a known stream (.et), a zip (.xlsb, a damaged .xlsx), text (a
 * web system's "Excel export" is an HTML table or CSV). Not unknown binary: the reader would take it for text.
 */
function spreadsheetReadAs(detected: DetectedType, declared: string): DetectedType | undefined {
  if (declared === 'numbers' || !spreadsheetExtensions.has(declared)) return undefined;
  if (detected === 'cfb') return 'xls';
  return detected === 'zip' || detected === 'text' ? 'xlsx' : undefined;
}

/**
 * Reads one file by what its bytes are: sniffing, the sandboxed parser, text repair, classification, classified
 * markings and form fields. Never throws for a bad document: every problem is a finding on the result.
 */
export async function extractFile(
  input: Uint8Array | string,
  name: string,
  options: Partial<ExtractOptions> = {},
): Promise<ExtractedDocument> {
  const opts: ExtractOptions = { ...defaultExtractOptions, ...options };
  const file = name;
  if (typeof input === 'string') {
    const info = await stat(input);
    if (info.size > opts.maxFileBytes) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(input)) hash.update(chunk as Buffer);
      return unreadDocument(file, info.size, hash.digest('hex'), [
        finding('FILE_TOO_LARGE', 'review', `${info.size} bytes, over the ${opts.maxFileBytes}-byte limit`, { file }),
      ]);
    }
    return extractFile(await readFile(input), name || path.basename(input), options);
  }
  const bytes = input;
  const sha256 = opts.sha256 ?? sha256Hex(bytes);
  // Read now: with `handOverBytes` the buffer is detached once it has gone to the parser.
  const size = bytes.byteLength;
  if (bytes.byteLength > opts.maxFileBytes)
    return unreadDocument(file, bytes.byteLength, sha256, [
      finding('FILE_TOO_LARGE', 'review', `${bytes.byteLength} bytes, over the ${opts.maxFileBytes}-byte limit`, {
        file,
      }),
    ]);
  const sniff = await sniffFile(bytes, name);
  const findings: Finding[] = [];
  if (sniff.detected === 'empty') {
    findings.push(finding('FILE_EMPTY', 'review', 'the file has zero bytes', { file }));
    return analyseDocument({
      path: file,
      sha256,
      size: 0,
      declaredType: sniff.declared,
      detectedType: 'empty',
      ...emptyContent(),
      findings,
    });
  }
  if (sniff.mismatch)
    findings.push(
      finding('FILE_TYPE_MISMATCH', 'review', `named .${sniff.declared} but the content is ${sniff.detected}`, {
        file,
        evidence: `.${sniff.declared} → ${sniff.detected}`,
      }),
    );
  // Unknown content with a readable extension: try the parser the name asks for; it reports what it finds.
  const readAs: DetectedType =
    sniff.detected === 'unknown' && ['pdf', 'doc', 'docx'].includes(sniff.declared)
      ? (sniff.declared as DetectedType)
      : (spreadsheetReadAs(sniff.detected, sniff.declared) ??
        (sniff.detected === 'cfb' && !sniff.mismatch ? 'doc' : sniff.detected));
  const content = await readContent(bytes, file, readAs, sniff.encrypted, opts, sniff.declared);
  findings.push(...content.findings);
  const hasText = content.pages.some((p) => p.lines.some((l) => l.trim() !== ''));
  const isWord = readAs === 'docx' || readAs === 'doc' || readAs === 'text' || spreadsheetTypes.has(readAs);
  if (content.readable && !hasText && (isWord || (readAs === 'pdf' && content.pageCount === 0)))
    findings.push(finding('FILE_EMPTY', 'review', 'the document contains no text', { file }));
  const read = {
    path: file,
    sha256,
    size,
    declaredType: sniff.declared,
    detectedType: sniff.detected,
    ...content,
    findings,
  };
  return opts.analyse ? opts.analyse(read, bytes) : analyseDocument(read);
}
