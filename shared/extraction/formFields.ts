import { parseAdministrativeRank } from '../application/administrativeRank.js';
import { parseOwnershipType } from '../application/ownershipType.js';
import type { SourceRef } from '../findings/finding.js';
import { parseYesNo, readChoice } from './checkboxChoice.js';
import type { FieldValue, PageText, Table } from './document.js';
import { choiceFields, type FieldKey, fieldLabels, fieldOfLabel, normaliseLabel } from './formLabels.js';

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
  const firstLine = text.split('\n')[0] ?? '';
  const match = labelValueLine.exec(firstLine);
  return (match !== null && fieldOfLabel(match[1] as string) !== undefined) || labelChoiceLine(firstLine) !== undefined;
}

/** Labels longer than this are prose, not a form line. */
const longestLabel = 50;
/** First characters of the choice labels: most lines are ruled out without trying their prefixes. */
const choiceLabelStarts = new Set(
  [...choiceFields].flatMap((key) => fieldLabels[key].map((label) => normaliseLabel(label)[0])),
);

/** A written (unboxed) answer that reads as one for this field: 是/否, a known ownership, a known rank. */
function writtenAnswer(key: FieldKey, value: string): boolean {
  const text = value.trim();
  if (text.length > 20) return false;
  if (key === 'ownershipType') return parseOwnershipType(text) !== undefined;
  if (key === 'administrativeRank') return parseAdministrativeRank(text) !== undefined;
  return parseYesNo(text) !== undefined;
}

/**
 * A choice field written without a colon: "是否具有法人资格 ☑是 □否", "单位性质 ■国有企业 □民营企业", and, as PDF text
 * extraction glues them, "是否为统战人士是（√）否（）" or "是否为市场监管部门工作人员否". The longest label prefix wins;
 * the rest must read as an answer (tick boxes, 是/否, a recognised short option), so prose is never taken for a field.
 */
function labelChoiceLine(line: string): { key: FieldKey; label: string; value: string } | undefined {
  if (line.length > 120 || !choiceLabelStarts.has(normaliseLabel(line.slice(0, 8))[0])) return undefined;
  for (let end = Math.min(line.length - 1, longestLabel); end >= 2; end--) {
    const label = line.slice(0, end);
    const key = fieldOfLabel(label);
    if (!key || !choiceFields.has(key)) continue;
    const value = line.slice(end);
    return readChoice(value).boxed || writtenAnswer(key, value) ? { key, label, value } : undefined;
  }
  return undefined;
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

/** The value of a label cell: the next different cell to the right, else the cell below; never another label. */
function valueNextTo(grid: GridCell[][], r: number, c: number): { cell: GridCell; x: number } | undefined {
  const origin = grid[r]?.[c] as GridCell;
  const row = grid[r] ?? [];
  for (let x = c + 1; x < row.length; x++) {
    const candidate = row[x];
    if (!candidate || same(candidate, origin)) continue;
    if (isLabelCell(candidate.text)) break;
    if (cleanValue(candidate.text)) return { cell: candidate, x };
    break;
  }
  for (let y = r + 1; y < grid.length; y++) {
    const candidate = grid[y]?.[c];
    if (!candidate || same(candidate, origin)) continue;
    if (isLabelCell(candidate.text) || !cleanValue(candidate.text)) return undefined;
    return { cell: candidate, x: -1 };
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
    if (!text || fields[key]) return;
    fields[key] = { value: text, label: label.trim(), source };
    if (choiceFields.has(key)) fields[key].selected = readChoice(text).selected;
  };
  for (const table of tables) {
    const grid = tableGrid(table);
    grid.forEach((row, r) => {
      row.forEach((gridCell, c) => {
        if (!gridCell || gridCell.row !== r || (c > 0 && same(row[c - 1], gridCell))) return;
        const key = fieldOfLabel(gridCell.text);
        if (key) {
          const found = valueNextTo(grid, r, c);
          if (!found) return;
          const value =
            choiceFields.has(key) && found.x >= 0 && readChoice(found.cell.text).boxed
              ? choiceCellsFrom(grid, found.cell, r, found.x)
              : { text: found.cell.text, cell: found.cell };
          keep(key, gridCell.text, value.text, {
            file,
            table: table.index,
            row: value.cell.row,
            cell: value.cell.cell,
          });
          return;
        }
        const cellSource = { file, table: table.index, row: gridCell.row, cell: gridCell.cell };
        for (const line of gridCell.text.split('\n')) {
          const match = labelValueLine.exec(line);
          const lineKey = match ? fieldOfLabel(match[1] as string) : undefined;
          if (match && lineKey) keep(lineKey, match[1] as string, match[2] as string, cellSource);
          else {
            const choice = labelChoiceLine(line);
            if (choice) keep(choice.key, choice.label, choice.value, cellSource);
          }
        }
      });
    });
  }
  for (const page of pages)
    page.lines.forEach((line, i) => {
      if (line.includes('\t')) return;
      const source = { file, page: page.page, line: i + 1 };
      const match = labelValueLine.exec(line);
      const key = match ? fieldOfLabel(match[1] as string) : undefined;
      if (match && key) keep(key, match[1] as string, match[2] as string, source);
      else {
        const choice = labelChoiceLine(line);
        if (choice) keep(choice.key, choice.label, choice.value, source);
      }
    });
  return fields as Record<string, FieldValue>;
}
