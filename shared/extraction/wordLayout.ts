import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';
import type { Table, TableCell } from './document.js';

export interface WordLayout {
  /** Paragraphs in document order; a table row is one line, its cells separated by a tab. */
  lines: string[];
  tables: Table[];
}

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote']);

const clean = (text: string) =>
  text
    .replaceAll('\u0000', '')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();

function elementChildren(node: HTMLElement): HTMLElement[] {
  return node.childNodes.filter((c): c is HTMLElement => c.nodeType === NodeType.ELEMENT_NODE);
}

function tagOf(node: HTMLElement): string {
  return (node.tagName ?? '').toLowerCase();
}

/** A plain walk: `querySelector` compiles a CSS selector on every call, a third of the layout time on long documents. */
function containsTable(node: HTMLElement): boolean {
  for (const child of elementChildren(node)) if (tagOf(child) === 'table' || containsTable(child)) return true;
  return false;
}

function rowsOf(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  for (const child of elementChildren(table)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')
      rows.push(...elementChildren(child).filter((r) => tagOf(r) === 'tr'));
  }
  return rows;
}

const span = (cell: HTMLElement, name: string) => {
  const value = Number.parseInt(cell.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) && value > 0 ? value : 1;
};

/** mammoth renders Word check boxes (content controls, legacy form fields) as inputs: keep them as tick-box glyphs. */
const checkboxInput = /<input\b[^>]*\btype="checkbox"[^>]*>/g;

/** mammoth's HTML → lines and tables (rows of cells with their spans); nested tables become tables of their own. */
export function layoutFromHtml(html: string): WordLayout {
  const boxed = html.includes('<input')
    ? html.replace(checkboxInput, (input) => (/\bchecked\b/.test(input) ? '☑' : '☐'))
    : html;
  const root = parse(boxed);
  const lines: string[] = [];
  const tables: Table[] = [];

  const visit = (node: Node, into: string[]) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const text = clean(node.text);
      if (text) into.push(text);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = tagOf(element);
    if (tag === 'table') emitTable(element);
    else if (blockTags.has(tag) && !containsTable(element)) into.push(clean(element.text));
    else for (const child of element.childNodes) visit(child, into);
  };

  const emitTable = (element: HTMLElement) => {
    const table: Table = { index: tables.length, rows: [] };
    tables.push(table);
    for (const row of rowsOf(element)) {
      const cells: TableCell[] = [];
      for (const cell of elementChildren(row).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th')) {
        const parts: string[] = [];
        for (const child of cell.childNodes) visit(child, parts);
        cells.push({
          text: parts.filter(Boolean).join('\n'),
          colSpan: span(cell, 'colspan'),
          rowSpan: span(cell, 'rowspan'),
        });
      }
      table.rows.push(cells);
      lines.push(cells.map((c) => c.text.replace(/\n/g, ' ')).join('\t'));
    }
  };

  for (const child of root.childNodes) visit(child, lines);
  return { lines: lines.filter((l) => l.trim() !== ''), tables };
}

/**
 * word-extractor's plain text → lines and tables: a run of lines whose cells end with a tab (its row marker) is a table.
 */
export function layoutFromDocText(text: string): WordLayout {
  const lines: string[] = [];
  const tables: Table[] = [];
  let current: Table | undefined;
  for (const raw of text.replaceAll('\u0000', '').split(/\r\n|\r|\n/)) {
    const isRow = raw.includes('\t') && raw.endsWith('\t');
    if (isRow) {
      if (!current) {
        current = { index: tables.length, rows: [] };
        tables.push(current);
      }
      const cells = raw.slice(0, -1).split('\t');
      current.rows.push(cells.map((c) => ({ text: c.trim(), colSpan: 1, rowSpan: 1 })));
      lines.push(cells.map((c) => c.trim()).join('\t'));
      continue;
    }
    current = undefined;
    const line = raw.replace(/[ \t]+/g, ' ').trim();
    if (line) lines.push(line);
  }
  return { lines, tables };
}
