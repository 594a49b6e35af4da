import type { SourceRef } from '../domain/findings/finding.js';
import { readChoice } from './checkboxChoice.js';
import type { FieldValue, PageText, Table } from './document.js';
import {
  choiceFields,
  columnOfLabel,
  type FieldKey,
  fieldOfLabel,
  isFormLabel,
  isLabelShaped,
  knownOptions,
} from './formLabels.js';
import { cleanValue, readLine, readLines, valueFits } from './lineLayout.js';

/** A table as a grid: every grid position points to the cell (row/cell index) that covers it, merges included. */
export interface GridCell {
  row: number;
  cell: number;
  text: string;
}

export function tableGrid(table: Table): GridCell[][] {
  const grid: GridCell[][] = [];
  table.rows.forEach((cells, r) => {
    grid[r] ??= [];
    let c = 0;
    cells.forEach((cell, i) => {
      const line = grid[r] as GridCell[];
      while (line[c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++)
        for (let dc = 0; dc < cell.colSpan; dc++) {
          grid[r + dr] ??= [];
          (grid[r + dr] as GridCell[])[c + dc] = { row: r, cell: i, text: cell.text };
        }
      c += cell.colSpan;
    });
  });
  return grid;
}

const same = (a: GridCell | undefined, b: GridCell) => a !== undefined && a.row === b.row && a.cell === b.cell;

/** A cell that is a label (read or not), or starts with a label and its value: never another field's value. */
function isLabelCell(text: string): boolean {
  if (isFormLabel(text) || isLabelShaped(text)) return true;
  return readLine(text.split('\n')[0] ?? '').hasLabel;
}

/**
 * The answer of a choice field whose options sit in several cells of the row ("☑国有企业" | "□民营企业" | …): the
 * cells up to the next label, joined; the source is the cell of the first ticked option.
 */
function choiceCellsFrom(grid: GridCell[][], first: GridCell, r: number, c: number): { text: string; cell: GridCell } {
  const row = grid[r] ?? [];
  const cells: GridCell[] = [first];
  for (let x = c + 1; x < row.length; x++) {
    const candidate = row[x];
    if (!candidate || same(candidate, cells[cells.length - 1] as GridCell)) continue;
    if (candidate.row !== r || isLabelCell(candidate.text) || !readChoice(candidate.text).boxed) break;
    cells.push(candidate);
  }
  const ticked = cells.find((cell) => readChoice(cell.text).selected.length > 0) ?? first;
  return { text: cells.map((cell) => cell.text).join(' '), cell: ticked };
}

/** Whether every filled cell of the row is a label: a header row whose values are in the row below. */
function labelsOnly(row: readonly (GridCell | undefined)[]): boolean {
  const filled = row.filter((cell): cell is GridCell => cell !== undefined && cleanValue(cell.text) !== '');
  return filled.length > 0 && filled.every((cell) => isLabelCell(cell.text));
}

/**
 * The value of a label cell: the next different cell to the right; when that is a label too, or the label ends a row
 * of labels only, the cell below. An empty cell to the right is an unfilled value: the label has none.
 */
function valueNextTo(grid: GridCell[][], r: number, c: number): { cell: GridCell; x: number } | undefined {
  const origin = grid[r]?.[c] as GridCell;
  const row = grid[r] ?? [];
  let lookBelow = true;
  for (let x = c + 1; x < row.length; x++) {
    const candidate = row[x];
    if (!candidate || same(candidate, origin)) continue;
    if (isLabelCell(candidate.text)) break;
    if (cleanValue(candidate.text)) return { cell: candidate, x };
    lookBelow = labelsOnly(row);
    break;
  }
  if (!lookBelow) return undefined;
  for (let y = r + 1; y < grid.length; y++) {
    const candidate = grid[y]?.[c];
    if (!candidate || same(candidate, origin)) continue;
    if (isLabelCell(candidate.text) || !cleanValue(candidate.text)) return undefined;
    return { cell: candidate, x: -1 };
  }
  return undefined;
}

/**
 * The header row of a table of records (汇总表, drafters): it names a rank column (排序/序号) or at least two further
 * rows follow it, and most of its cells are column names. Its labels head columns of many values, so none of them is
 * a form field — `统一社会信用代码 | 类别` must not read 类别 as a credit code.
 */
function isRecordsHeader(grid: GridCell[][], r: number): boolean {
  const row = grid[r] ?? [];
  const cells = row.filter((cell, c): cell is GridCell => !!cell && cell.row === r && !same(row[c - 1], cell));
  const filled = cells.filter((cell) => cleanValue(cell.text) !== '');
  const columns = filled.map((cell) => columnOfLabel(cell.text)).filter((key) => key !== undefined);
  if (filled.length < 3 || new Set(columns).size < 2 || columns.length * 2 <= filled.length) return false;
  if (columns.includes('rank')) return true;
  // Records follow a header row after row; a label-above form alternates label rows and value rows.
  const next = grid.slice(r + 1).filter((cells) => cells.some((cell) => cell && cleanValue(cell.text) !== ''));
  const isData = (cells: (GridCell | undefined)[]) => {
    const texts = cells.filter((cell): cell is GridCell => !!cell && cleanValue(cell.text) !== '');
    return texts.filter((cell) => isLabelCell(cell.text) || columnOfLabel(cell.text)).length * 2 < texts.length;
  };
  return next.length >= 2 && isData(next[0] ?? []) && isData(next[1] ?? []);
}

/** Codes written with digits and letters: a value with hardly any (类别, 无, 见附件) is no attempt at one. */
const codeFields = new Set<FieldKey>(['creditCode', 'idNumber']);
const notAnAttempt = (key: FieldKey, value: string) =>
  codeFields.has(key) && (value.normalize('NFKC').match(/[0-9A-Za-z]/g)?.length ?? 0) < 4;

interface Candidate {
  key: FieldKey;
  label: string;
  value: string;
  source: SourceRef;
}

/**
 * Label-driven form fields, in any layout a clerk produces: label cells with the value to the right or below (merged
 * cells included), and in paragraphs, flattened table rows (Word, Word→PDF, OCR) and cells, every pair the layout
 * layer finds (`lineLayout`: colon, tab, wide gap, spaced labels, glued shaped values, label above). For each field
 * the first value in document order (tables first) that has the field's shape wins, else the first value; each value
 * keeps its place (file, table/row/cell or page/line).
 */
export function readFormFields(file: string, pages: PageText[], tables: Table[]): Record<string, FieldValue> {
  const candidates: Candidate[] = [];
  const add = (key: FieldKey, label: string, value: string, source: SourceRef) => {
    const text = cleanValue(value, key);
    if (text && !notAnAttempt(key, text)) candidates.push({ key, label: label.trim(), value: text, source });
  };
  for (const table of tables) {
    const grid = tableGrid(table);
    grid.forEach((row, r) => {
      if (isRecordsHeader(grid, r)) return;
      row.forEach((gridCell, c) => {
        if (!gridCell || gridCell.row !== r || (c > 0 && same(row[c - 1], gridCell))) return;
        if (isFormLabel(gridCell.text)) {
          const key = fieldOfLabel(gridCell.text);
          const found = key ? valueNextTo(grid, r, c) : undefined;
          if (!key || !found) return;
          const value =
            choiceFields.has(key) && found.x >= 0 && readChoice(found.cell.text).boxed
              ? choiceCellsFrom(grid, found.cell, r, found.x)
              : { text: found.cell.text, cell: found.cell };
          add(key, gridCell.text, value.text, { file, table: table.index, row: value.cell.row, cell: value.cell.cell });
          return;
        }
        const cellSource = { file, table: table.index, row: gridCell.row, cell: gridCell.cell };
        for (const field of readLines(gridCell.text.split('\n'))) add(field.key, field.label, field.value, cellSource);
      });
    });
  }
  for (const page of pages)
    for (const field of readLines(page.lines))
      add(field.key, field.label, field.value, { file, page: page.page, line: field.line + 1 });

  const fields: Partial<Record<FieldKey, FieldValue>> = {};
  const chosen = new Map<FieldKey, Candidate>();
  for (const candidate of candidates) {
    const current = chosen.get(candidate.key);
    if (!current || (!valueFits(current.key, current.value) && valueFits(candidate.key, candidate.value)))
      chosen.set(candidate.key, candidate);
  }
  for (const candidate of candidates) {
    if (chosen.get(candidate.key) !== candidate) continue;
    const { key, label, value, source } = candidate;
    fields[key] = { value, label, source };
    if (choiceFields.has(key)) fields[key].selected = readChoice(value, knownOptions(key)).selected;
  }
  return fields as Record<string, FieldValue>;
}
