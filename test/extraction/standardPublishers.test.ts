import { describe, expect, it } from 'vitest';
import { readApplicationRecords } from '../../shared/extraction/applicationRecords.js';
import type { Table } from '../../shared/extraction/document.js';
import { readFormFields } from '../../shared/extraction/formFields.js';

const grid = (rows: string[][]): Table => ({
  index: 0,
  rows: rows.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
});

function publishers(lines: string[], tables: Table[] = []): string[] | undefined {
  const pages = [{ page: 1, lines }];
  const fields = readFormFields('申报书.docx', pages, tables);
  return readApplicationRecords('申报书.docx', 'SI_APPLICATION_FORM', fields, pages, tables).records.standardProject
    ?.publishers;
}

// Notice 三(二): a group or enterprise standard is applied for by the body that published it, so the 申报书's
// publisher field (标准发布单位 / 发布机构 / 发布主体) is read as the list of publishers.
describe('SI 申报书: the standard publishers', () => {
  it.each(['发布单位', '标准发布单位', '发布机构', '发布主体', '标准发布主体'])('read under %s', (label) => {
    expect(publishers([`标准编号：T/JLQX 012-2023`, `${label}：吉林省质量协会`])).toEqual(['吉林省质量协会']);
  });

  it('joint publishers in one cell are a list, in order', () => {
    const table = grid([
      ['标准编号', 'GB/T 25032-2020'],
      ['发布机构', '国家市场监督管理总局、国家标准化管理委员会'],
    ]);
    expect(publishers([], [table])).toEqual(['国家市场监督管理总局', '国家标准化管理委员会']);
  });

  it('a publisher label is never the value of the label before it', () => {
    const table = grid([
      ['实施日期', ''],
      ['标准发布单位', '长春恒达精密机械有限公司'],
    ]);
    const fields = readFormFields('申报书.docx', [], [table]);
    expect(fields.implementationDate).toBeUndefined();
    expect(fields.publishers?.value).toBe('长春恒达精密机械有限公司');
  });
});
