import { describe, expect, it } from 'vitest';
import type { Table } from '../../shared/extraction/document.js';
import { readTableRows } from '../../shared/extraction/tableRows.js';

const table = (index: number, page: number, rows: string[][]): Table => ({
  index,
  page,
  rows: rows.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
});
const header = ['序号', '姓名', '工作单位', '职务职称', '贡献率', '主要工作内容'];
const drafter = (n: number, name: string, rate: string) => [
  String(n),
  name,
  '吉林省标准化研究院',
  '工程师',
  rate,
  '起草',
];

// Issue 13 §5: a Word table printed to PDF breaks at the page end and goes on at the top of the next page without
// its header; every main drafter (notice 三(二): at most five, 贡献率 adding up to 100%) must still be read.
describe('a drafters table continued on the next page', () => {
  it('rows after a page break keep the columns of the header on the page before', () => {
    const rows = readTableRows('申报书.pdf', [
      table(0, 2, [header, drafter(1, '黎淑', '33%'), drafter(2, '梁芳', '21%'), drafter(3, '江燕杰', '16%')]),
      table(1, 3, [drafter(4, '张兰涵', '16%'), drafter(5, '郭芳桂', '14%')]),
    ]);
    expect(rows.map((r) => [r.values.name?.text, r.values.contributionRate?.text])).toEqual([
      ['黎淑', '33%'],
      ['梁芳', '21%'],
      ['江燕杰', '16%'],
      ['张兰涵', '16%'],
      ['郭芳桂', '14%'],
    ]);
    expect(rows[3]?.source).toMatchObject({ table: 1, row: 0 });
  });

  it('a header left alone at the bottom of a page heads the rows of the next page', () => {
    const rows = readTableRows('申报书.pdf', [
      table(0, 2, [header]),
      table(1, 3, [drafter(1, '谢华芳', '30'), drafter(2, '孟德', '70')]),
    ]);
    expect(rows.map((r) => r.values.name?.text)).toEqual(['谢华芳', '孟德']);
  });

  it('another table starting the next page with its own labels is not taken for drafters', () => {
    const rows = readTableRows('申报书.pdf', [
      table(0, 2, [header, drafter(1, '黎淑', '100%')]),
      table(1, 3, [
        ['征求意见部门', '意见', '盖章', '日期', '备注', '其他'],
        ['公安部门', '同意', '已盖章', '2025年7月1日', '', ''],
      ]),
    ]);
    expect(rows.map((r) => r.values.name?.text)).toEqual(['黎淑']);
  });

  it('a table two pages later or of another width is not a continuation', () => {
    const rows = readTableRows('申报书.pdf', [
      table(0, 2, [header, drafter(1, '黎淑', '60%')]),
      table(1, 4, [drafter(2, '梁芳', '40%')]),
      table(2, 5, [['2', '梁芳', '40%']]),
    ]);
    expect(rows.map((r) => r.values.name?.text)).toEqual(['黎淑']);
  });
});
