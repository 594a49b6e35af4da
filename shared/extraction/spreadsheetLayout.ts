import type { PageText, Table, TableCell } from './document.js';
import type { SheetRaw } from './parserSandbox.js';

export interface SpreadsheetLayout {
  /** One page per sheet: visible sheets first (workbook order), then hidden ones. */
  pages: PageText[];
  /** One table per non-empty sheet: its used range, merged ranges as spans. */
  tables: Table[];
  /** `sheets`, and per page `sheet.N` (name), `sheet.N.range`, `sheet.N.hidden`, `sheet.N.truncated`. */
  metadata: Record<string, string>;
}

/** Columns kept per sheet (Excel 97–2003's limit): a stray value far to the right must not blow the grid up. */
const maxColumns = 256;
/** Grid positions kept per sheet; rows beyond are cut (a 汇总表 of 20 columns keeps 5 000 rows). */
const maxGridCells = 100_000;

const hiddenState: Record<number, string> = { 1: 'hidden', 2: 'very hidden' };

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

type Sheet = SheetRaw['sheets'][number];

interface SheetTable {
  rows: TableCell[][];
  range: string;
  truncated?: string;
}

/** The sheet's used range (non-blank cells and the merges they head) as a table; undefined for a blank sheet. */
function sheetTable(sheet: Sheet): SheetTable | undefined {
  if (sheet.cells.length === 0) return undefined;
  const text = new Map<number, string>();
  const key = (r: number, c: number) => r * 1_048_576 + c;
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = 0;
  let right = 0;
  for (const [r, c, value] of sheet.cells) {
    text.set(key(r, c), value);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  const merges = sheet.merges.filter((m) => m.e.r >= m.s.r && m.e.c >= m.s.c && text.has(key(m.s.r, m.s.c)));
  for (const m of merges) {
    bottom = Math.max(bottom, m.e.r);
    right = Math.max(right, m.e.c);
  }
  const width = Math.min(right - left + 1, maxColumns);
  const height = Math.min(bottom - top + 1, Math.floor(maxGridCells / width));
  const cut: string[] = [];
  if (width < right - left + 1) cut.push(`columns after ${columnName(left + width - 1)}`);
  if (height < bottom - top + 1) cut.push(`rows after ${top + height}`);
  if (sheet.truncated) cut.push(`rows past the read limit (${sheet.truncated})`);

  // Grid positions (relative to top/left) covered by a merge other than its first cell; spans of the first cells.
  const covered = new Uint8Array(width * height);
  const spans = new Map<number, { colSpan: number; rowSpan: number }>();
  let budget = 4 * maxGridCells;
  for (const m of merges) {
    const r0 = m.s.r - top;
    const c0 = m.s.c - left;
    if (r0 >= height || c0 >= width) continue;
    const r1 = Math.min(m.e.r - top, height - 1);
    const c1 = Math.min(m.e.c - left, width - 1);
    // Overlapping merges (a damaged or hostile file): the first one wins; the budget bounds the work.
    let free = true;
    for (let r = r0; r <= r1 && free; r++)
      for (let c = c0; c <= c1 && free; c++) {
        free = covered[r * width + c] === 0 && !spans.has(r * width + c);
        if (--budget <= 0) free = false;
      }
    if (!free) continue;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) covered[r * width + c] = 1;
    covered[r0 * width + c0] = 0;
    spans.set(r0 * width + c0, { colSpan: c1 - c0 + 1, rowSpan: r1 - r0 + 1 });
  }

  const rows: TableCell[][] = [];
  for (let r = 0; r < height; r++) {
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      if (covered[r * width + c]) continue;
      const span = spans.get(r * width + c) ?? { colSpan: 1, rowSpan: 1 };
      cells.push({ text: (text.get(key(top + r, left + c)) ?? '').replace(/\r\n?/g, '\n').trim(), ...span });
    }
    rows.push(cells);
  }
  const range = `${columnName(left)}${top + 1}:${columnName(left + width - 1)}${top + height}`;
  return { rows, range, ...(cut.length > 0 ? { truncated: cut.join('; ') } : {}) };
}

/** A table row as a line: its cells (a merged cell once) separated by tabs, as Word table rows are. */
const rowLine = (cells: TableCell[]) =>
  cells
    .map((c) => c.text.replace(/\s*\n\s*/g, ' '))
    .join('\t')
    .replace(/\t+$/, '');

/**
 * A workbook as the document model: each sheet a page whose lines are its rows (so a merged title row is the page's
 * first line) and a table of its used range with merged ranges as spans; empty cells stay empty strings.
 */
export function layoutFromWorkbook(raw: SheetRaw): SpreadsheetLayout {
  const order = raw.sheets
    .map((sheet, i) => ({ sheet, i }))
    .sort((a, b) => Number(a.sheet.hidden > 0) - Number(b.sheet.hidden > 0) || a.i - b.i);
  const pages: PageText[] = [];
  const tables: Table[] = [];
  const metadata: Record<string, string> = { sheets: String(raw.sheets.length) };
  order.forEach(({ sheet }, i) => {
    const page = i + 1;
    metadata[`sheet.${page}`] = sheet.name;
    const hidden = hiddenState[sheet.hidden];
    if (hidden) metadata[`sheet.${page}.hidden`] = hidden;
    const table = sheetTable(sheet);
    if (!table) {
      pages.push({ page, lines: [] });
      return;
    }
    metadata[`sheet.${page}.range`] = table.range;
    if (table.truncated) metadata[`sheet.${page}.truncated`] = table.truncated;
    tables.push({ index: tables.length, page, rows: table.rows });
    pages.push({ page, lines: table.rows.map(rowLine).filter((l) => l.trim() !== '') });
  });
  return { pages, tables, metadata };
}
