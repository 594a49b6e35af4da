import type { SourceRef } from '../findings/finding.js';
import type { FieldValue, PageText, Table } from './document.js';
import { type FieldKey, fieldOfLabel } from './formLabels.js';

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

const cleanValue = (text: string) =>
  text
    .replace(/^[\s:：]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
const same = (a: GridCell | undefined, b: GridCell) => a !== undefined && a.row === b.row && a.cell === b.cell;

/** A cell that is itself a label, or holds a `label：value` pair of a known field: never another field's value. */
function isLabelCell(text: string): boolean {
  if (fieldOfLabel(text)) return true;
  const match = labelValueLine.exec(text.split('\n')[0] ?? '');
  return match !== null && fieldOfLabel(match[1] as string) !== undefined;
}

/** The value of a label cell: the next different cell to the right, else the cell below; never another label. */
function valueNextTo(grid: GridCell[][], r: number, c: number): GridCell | undefined {
  const origin = grid[r]?.[c] as GridCell;
  const row = grid[r] ?? [];
  for (let x = c + 1; x < row.length; x++) {
    const candidate = row[x];
    if (!candidate || same(candidate, origin)) continue;
    if (isLabelCell(candidate.text)) break;
    if (cleanValue(candidate.text)) return candidate;
    break;
  }
  for (let y = r + 1; y < grid.length; y++) {
    const candidate = grid[y]?.[c];
    if (!candidate || same(candidate, origin)) continue;
    if (isLabelCell(candidate.text) || !cleanValue(candidate.text)) return undefined;
    return candidate;
  }
  return undefined;
}

const labelValueLine = /^\s*([^:：]{1,24}?)\s*[:：]\s*(.+)$/;

/**
 * Label-driven form fields: label cells with the value to the right or below (merged cells included), and
 * `label：value` lines in paragraphs and inside cells. The first occurrence of a field wins; each value keeps its place.
 */
export function readFormFields(file: string, pages: PageText[], tables: Table[]): Record<string, FieldValue> {
  const fields: Partial<Record<FieldKey, FieldValue>> = {};
  const keep = (key: FieldKey, label: string, value: string, source: SourceRef) => {
    const text = cleanValue(value);
    if (text && !fields[key]) fields[key] = { value: text, label: label.trim(), source };
  };
  for (const table of tables) {
    const grid = tableGrid(table);
    grid.forEach((row, r) => {
      row.forEach((gridCell, c) => {
        if (!gridCell || gridCell.row !== r || (c > 0 && same(row[c - 1], gridCell))) return;
        const key = fieldOfLabel(gridCell.text);
        if (key) {
          const value = valueNextTo(grid, r, c);
          if (value)
            keep(key, gridCell.text, value.text, { file, table: table.index, row: value.row, cell: value.cell });
          return;
        }
        for (const line of gridCell.text.split('\n')) {
          const match = labelValueLine.exec(line);
          const lineKey = match ? fieldOfLabel(match[1] as string) : undefined;
          if (match && lineKey)
            keep(lineKey, match[1] as string, match[2] as string, {
              file,
              table: table.index,
              row: gridCell.row,
              cell: gridCell.cell,
            });
        }
      });
    });
  }
  for (const page of pages)
    page.lines.forEach((line, i) => {
      if (line.includes('\t')) return;
      const match = labelValueLine.exec(line);
      const key = match ? fieldOfLabel(match[1] as string) : undefined;
      if (match && key) keep(key, match[1] as string, match[2] as string, { file, page: page.page, line: i + 1 });
    });
  return fields as Record<string, FieldValue>;
}
