import type { SourceRef } from '../domain/findings/finding.js';
import { parseContributionRate } from '../domain/validation/contributionRate.js';
import type { PageText, Table } from './document.js';
import { type GridCell, tableGrid } from './formFields.js';
import {
  type ColumnKey,
  columnOfLabel,
  isFormLabel,
  isLabelShaped,
  isTotalLabel,
  normaliseLabel,
} from './formLabels.js';

/** One record of a multi-row table (drafters, 汇总表): its cells by column, each with its place. */
export interface TableRow {
  values: Partial<Record<ColumnKey, { text: string; source: SourceRef }>>;
  source: SourceRef;
}

/** A header cell that only gives the unit of the column above it: （%）, %, (％). */
const unitHint = /^\(?%\)?$/;

const cellText = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
/** A person's name padded to the width of three characters ("张　三") loses its padding; titles keep their spaces. */
const columnValue = (key: ColumnKey, text: string) =>
  key === 'name' && text.replace(/\s/g, '').length <= 4 ? text.replace(/\s/g, '') : text;

/**
 * A header: at least two known columns, one of them the name, and more labels (columns or other form labels: 性别,
 * 联系电话 …) than other filled cells (a label/value row such as 姓名 | 张三 | 工作单位 | 某单位 is not a header).
 */
function isHeader(texts: readonly string[]): boolean {
  const filled = texts.filter((t) => cellText(t) !== '');
  const known = filled.flatMap((t) => columnOfLabel(t) ?? []);
  const labels = filled.filter((t) => columnOfLabel(t) !== undefined || isFormLabel(t)).length;
  return known.includes('name') && new Set(known).size >= 2 && labels > filled.length - labels;
}

const same = (a: GridCell | undefined, b: GridCell) => a !== undefined && a.row === b.row && a.cell === b.cell;

function distinctCells(row: readonly (GridCell | undefined)[], r: number): GridCell[] {
  const seen = new Set<string>();
  return row.filter((cell): cell is GridCell => {
    if (!cell || cell.row !== r) return false;
    const id = `${cell.row}:${cell.cell}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * The header of a table: its row, the rows it spans (a second row may name the columns under a merged group cell,
 * or give a unit: 贡献率 over （%）), and the column of each grid position.
 */
function findHeader(grid: GridCell[][]): { end: number; columns: (ColumnKey | undefined)[] } | undefined {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (!isHeader(distinctCells(row, r).map((cell) => cell.text))) continue;
    const columns = row.map((cell) => (cell ? columnOfLabel(cell.text) : undefined));
    const below = grid[r + 1] ?? [];
    const own = distinctCells(below, r + 1).filter((cell) => cellText(cell.text) !== '');
    const resolved = new Map<number, ColumnKey | undefined>();
    const secondRow =
      own.length > 0 &&
      own.every((cell) => {
        const c = below.findIndex((x) => same(x, cell));
        const key = columnOfLabel(cell.text) ?? columnOfLabel(`${row[c]?.text ?? ''}${cell.text}`);
        if (key)
          below.forEach((x, i) => {
            if (same(x, cell)) resolved.set(i, key);
          });
        return key !== undefined || unitHint.test(normaliseLabel(cell.text));
      });
    if (secondRow) for (const [c, key] of resolved) columns[c] = key;
    return { end: secondRow ? r + 2 : r + 1, columns };
  }
  return undefined;
}

type Header = NonNullable<ReturnType<typeof findHeader>>;

/** A records table and the header that read it, for a table continued on the next page. */
interface ReadTable {
  rows: TableRow[];
  header: Header;
  page?: number;
  width: number;
}

/**
 * The header of a table that has none of its own: a PDF table broken by a page end goes on at the top of the next
 * page with the same columns and no header (Word repeats it only when asked). It continues the previous table when
 * that one ended its page (no table between them) and the widths agree.
 */
function continuedHeader(
  grid: GridCell[][],
  table: Table,
  width: number,
  previous: ReadTable | undefined,
): Header | undefined {
  if (!previous || table.page === undefined || previous.page === undefined) return;
  if (table.page !== previous.page + 1 || width !== previous.width) return;
  // Another table that happens to start the page has labels in its first row (征求意见部门 | 意见 …).
  const first = distinctCells(grid[0] ?? [], 0).filter((cell) => cellText(cell.text) !== '');
  if (first.length === 0 || first.some((cell) => isFormLabel(cell.text) || isLabelShaped(cell.text))) return;
  if (first.some((cell) => columnOfLabel(cell.text) !== undefined)) return;
  return { end: 0, columns: previous.header.columns };
}

function rowsOfTable(file: string, table: Table, previous?: ReadTable): ReadTable | undefined {
  const grid = tableGrid(table);
  const width = Math.max(0, ...grid.map((row) => row.length));
  const header = findHeader(grid) ?? continuedHeader(grid, table, width, previous);
  if (!header) return undefined;
  const rows: TableRow[] = [];
  for (let r = header.end; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const cells = distinctCells(row, r);
    if (cells.some((cell) => isTotalLabel(cell.text))) continue;
    // The header repeated on a new page.
    if (cells.filter((cell) => columnOfLabel(cell.text) !== undefined).length >= 2) continue;
    // A cell across two named columns, or a form label: the table's next section (项目简介 …) begins.
    const spansColumns = cells.some(
      (cell) =>
        new Set(row.flatMap((x, c) => (same(x, cell) && header.columns[c] ? [header.columns[c]] : []))).size >= 2,
    );
    if (spansColumns || isFormLabel(cells[0]?.text ?? '')) break;
    const values: TableRow['values'] = {};
    row.forEach((cell, c) => {
      const key = header.columns[c];
      const text = cell ? cellText(cell.text) : '';
      if (key && cell && text && !values[key])
        values[key] = {
          text: columnValue(key, text),
          source: { file, table: table.index, row: cell.row, cell: cell.cell },
        };
    });
    if (!values.name) continue;
    rows.push({ values, source: { file, table: table.index, row: r } });
  }
  return { rows, header, page: table.page, width };
}

const segmentsOf = (line: string) =>
  line
    .split(/\t|\s{2,}/)
    .map(cellText)
    .filter(Boolean);
/**
 * Cells one space apart (PDF text of a table without gaps wide enough for a tab), where a number glued to Chinese
 * text ("1赵一", "研究员40负责…": the PDF text repair joins digits to Chinese) is a cell of its own.
 */
const wordsOf = (line: string) =>
  line
    .normalize('NFKC')
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=[\u3400-\u9fff])(?=\d)|(?<=\d%?)(?=[\u3400-\u9fff])/))
    .filter(Boolean);
const heading =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+[章部分节])/;

/**
 * A table flattened into lines (a Word table converted to PDF, OCR): a header line of known columns, then one line
 * per row, cells separated by tabs or wide gaps. A line with as many cells as the header maps cell by cell; a line
 * with fewer (empty cells vanish in PDF text) maps by shape: a leading number to 序号, a percentage to 贡献率, the
 * other cells in order to the remaining columns. Short one-cell lines (a wrapped cell, （%）) are passed over; a
 * heading or a paragraph ends the table.
 */
interface LinesState {
  header?: (ColumnKey | undefined)[];
  split: (line: string) => string[];
  /** The last numbered record: lines after it that carry no number are its wrapped cells. */
  current?: TableRow;
}

/** Columns whose text a wrapped row spreads over several lines: what its first line gives is only their start. */
const wrappable: readonly ColumnKey[] = ['unit', 'position', 'workContent', 'applicantUnit'];

/**
 * A line of a numbered record's wrapped cells (`高级工程师30负责标准总体` under `1谢华芳 辽源鼎盛药业`): it is no record.
 * It gives the record the 贡献率 its first line lacked; the record's wrapped texts are dropped rather than kept cut.
 */
function continueRecord(record: TableRow, segments: readonly string[], header: readonly (ColumnKey | undefined)[]) {
  const { values } = record;
  if (header.includes('contributionRate') && !values.contributionRate) {
    const rate = segments.find((s) => !/[\u3400-\u9fff]/.test(s) && parseContributionRate(s).ok);
    if (rate) values.contributionRate = { text: rate, source: values.name?.source ?? record.source };
  }
  for (const key of wrappable) delete values[key];
}

function rowsOfLines(file: string, page: PageText, state: LinesState): TableRow[] {
  const rows: TableRow[] = [];
  let { header, split } = state;
  page.lines.forEach((line, i) => {
    if (!header) {
      for (const splitter of [segmentsOf, wordsOf]) {
        const cells = splitter(line);
        if (cells.length >= 2 && isHeader(cells)) {
          header = cells.map((s) => columnOfLabel(s));
          split = splitter;
          state.current = undefined;
          return;
        }
      }
      return;
    }
    const segments = split(line);
    const source = { file, page: page.page, line: i + 1 };
    if (segments.length < 2) {
      if (heading.test(line.trim()) || line.trim().length > 15) {
        header = undefined;
        state.current = undefined;
      }
      return;
    }
    if (isTotalLabel(segments[0] ?? '') || segments.filter((s) => columnOfLabel(s)).length >= 2) return;
    if (heading.test(line.trim()) || isFormLabel(segments[0] ?? '')) {
      header = undefined;
      state.current = undefined;
      return;
    }
    if (state.current && header.includes('rank') && !/^\d{1,3}$/.test(segments[0] ?? '')) {
      continueRecord(state.current, segments, header);
      return;
    }
    const values: TableRow['values'] = {};
    const put = (key: ColumnKey | undefined, text: string | undefined) => {
      if (key && text && !values[key]) values[key] = { text: columnValue(key, text), source };
    };
    if (segments.length === header.length)
      header.forEach((key, c) => {
        put(key, segments[c]);
      });
    else {
      const rest = [...segments];
      const columns = header.filter((key) => key !== undefined);
      if (columns.includes('rank') && /^\d{1,3}$/.test(rest[0] ?? '')) put('rank', rest.shift());
      if (columns.includes('contributionRate')) {
        const at = rest.findLastIndex((s) => !/[\u3400-\u9fff]/.test(s) && parseContributionRate(s).ok);
        if (at >= 0) put('contributionRate', rest.splice(at, 1)[0]);
      }
      const others = columns.filter((key) => key !== 'rank' && key !== 'contributionRate');
      others.forEach((key, c) => {
        put(key, rest[c]);
      });
    }
    if (values.name) {
      const record = { values, source };
      rows.push(record);
      state.current = values.rank ? record : undefined;
    }
  });
  // A table running to the page end goes on on the next page (its header is not repeated).
  state.header = header;
  state.split = split;
  return rows;
}

/**
 * Rows of the multi-row tables of a document (drafters, 汇总表): under a header row naming the columns (any order,
 * wrapped or split over two rows), up to the next section; 合计 rows and repeated headers are not records. When no
 * table has such rows, the same table is looked for in the page lines (a PDF or OCR text).
 */
export function readTableRows(file: string, tables: Table[], pages: PageText[] = []): TableRow[] {
  const rows: TableRow[] = [];
  let previous: ReadTable | undefined;
  for (const table of tables) {
    const read = rowsOfTable(file, table, previous);
    if (read) rows.push(...read.rows);
    previous = read;
  }
  if (rows.length > 0) return rows;
  const state: LinesState = { split: segmentsOf };
  return pages.flatMap((page) => rowsOfLines(file, page, state));
}
