import { describe, expect, it } from 'vitest';
import type { SheetRaw } from '../../shared/extraction/parserSandbox.js';
import { columnName, layoutFromWorkbook } from '../../shared/extraction/spreadsheetLayout.js';

type Sheet = SheetRaw['sheets'][number];
const sheet = (over: Partial<Sheet>): Sheet => ({ name: 'Sheet1', hidden: 0, cells: [], merges: [], ...over });
const range = (r0: number, c0: number, r1: number, c1: number) => ({ s: { r: r0, c: c0 }, e: { r: r1, c: c1 } });
const texts = (layout: ReturnType<typeof layoutFromWorkbook>) =>
  layout.tables[0]?.rows.map((r) => r.map((c) => c.text));

describe('layoutFromWorkbook', () => {
  it('the used range starts at the first non-blank cell: a table placed at B3 has no empty first rows or column', () => {
    const layout = layoutFromWorkbook({
      sheets: [
        sheet({
          cells: [
            [2, 1, '排序'],
            [2, 2, '名称'],
            [3, 1, '1'],
            [3, 2, '甲公司'],
          ],
        }),
      ],
    });
    expect(texts(layout)).toEqual([
      ['排序', '名称'],
      ['1', '甲公司'],
    ]);
    expect(layout.metadata['sheet.1.range']).toBe('B3:C4');
  });

  it('a merged range down and across is one cell with its spans; the positions it covers are left out of their rows', () => {
    const layout = layoutFromWorkbook({
      sheets: [
        sheet({
          cells: [
            [0, 0, '联系人'],
            [0, 1, '姓名'],
            [0, 2, '张三'],
            [1, 1, '电话'],
            [1, 2, '0431-1234567'],
          ],
          merges: [range(0, 0, 1, 0)],
        }),
      ],
    });
    expect(layout.tables[0]?.rows).toEqual([
      [
        { text: '联系人', colSpan: 1, rowSpan: 2 },
        { text: '姓名', colSpan: 1, rowSpan: 1 },
        { text: '张三', colSpan: 1, rowSpan: 1 },
      ],
      [
        { text: '电话', colSpan: 1, rowSpan: 1 },
        { text: '0431-1234567', colSpan: 1, rowSpan: 1 },
      ],
    ]);
  });

  it('overlapping merges (a damaged file): the first one wins, the other is ignored', () => {
    const layout = layoutFromWorkbook({
      sheets: [
        sheet({
          cells: [
            [0, 0, '标题'],
            [0, 1, '副标题'],
            [1, 0, 'a'],
            [1, 1, 'b'],
          ],
          merges: [range(0, 0, 0, 1), range(0, 1, 1, 1)],
        }),
      ],
    });
    expect(layout.tables[0]?.rows[0]).toEqual([{ text: '标题', colSpan: 2, rowSpan: 1 }]);
    expect(texts(layout)?.[1]).toEqual(['a', 'b']);
  });

  it('a stray value far to the right is cut at 256 columns and the cut is named in the metadata', () => {
    const layout = layoutFromWorkbook({
      sheets: [
        sheet({
          cells: [
            [0, 0, '汇总表'],
            [0, 16_000, '误填'],
          ],
        }),
      ],
    });
    expect(layout.tables[0]?.rows[0]).toHaveLength(256);
    expect(layout.metadata['sheet.1.truncated']).toBe('columns after IV');
  });

  it('a blank sheet is a page without lines and without a table; page numbers still follow the sheets', () => {
    const layout = layoutFromWorkbook({
      sheets: [sheet({ name: '封面' }), sheet({ name: '汇总表', cells: [[0, 0, '标题']] })],
    });
    expect(layout.pages).toEqual([
      { page: 1, lines: [] },
      { page: 2, lines: ['标题'] },
    ]);
    expect(layout.tables).toEqual([{ index: 0, page: 2, rows: [[{ text: '标题', colSpan: 1, rowSpan: 1 }]] }]);
  });

  it('a line per row: a cell written on two lines (Alt+Enter) is one line, trailing empty cells add no tabs', () => {
    const layout = layoutFromWorkbook({
      sheets: [
        sheet({
          cells: [
            [0, 0, '推荐单位\n（盖章）'],
            [0, 3, '日期'],
            [1, 0, '长春市'],
          ],
        }),
      ],
    });
    expect(layout.pages[0]?.lines).toEqual(['推荐单位 （盖章）\t\t\t日期', '长春市']);
    expect(texts(layout)?.[0]?.[0]).toBe('推荐单位\n（盖章）');
  });

  it('a very hidden sheet is named as such in the metadata', () => {
    const layout = layoutFromWorkbook({
      sheets: [sheet({ name: 'A', cells: [[0, 0, 'x']] }), sheet({ name: 'B', hidden: 2, cells: [[0, 0, 'y']] })],
    });
    expect(layout.metadata).toMatchObject({ 'sheet.2': 'B', 'sheet.2.hidden': 'very hidden' });
  });
});

describe('columnName', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 255, 16_383].map(columnName)).toEqual(['A', 'Z', 'AA', 'IV', 'XFD']);
  });
});
