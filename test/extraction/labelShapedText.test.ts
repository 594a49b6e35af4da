import { describe, expect, it } from 'vitest';
import type { Table } from '../../shared/extraction/document.js';
import { readFormFields } from '../../shared/extraction/formFields.js';
import { isLabelShaped } from '../../shared/extraction/formLabels.js';

const grid = (rows: string[][]): Table => ({
  index: 0,
  rows: rows.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
});

// Issue 13 §10: an empty value cell is followed by the next label; a label must never take another label as its value,
// also when the lexicon does not know that label (a unit's own form adds rows such as 标准归口单位).
describe('label-shaped text is never a value', () => {
  it('recognises unknown labels by their shape, not answers or references', () => {
    for (const label of ['标准归口单位', '备 案 日 期', '项目编号：', '技术归口部门'])
      expect(isLabelShaped(label), label).toBe(true);
    for (const value of ['事业单位', '社会服务机构', '本单位', '长春恒达精密机械有限公司', '2021年5月1日', '国家标准'])
      expect(isLabelShaped(value), value).toBe(false);
  });

  it('a yes/no question of any length is a label, never the answer of the question before it', () => {
    expect(isLabelShaped('近5年内是否发生重大质量、安全、环保、公共卫生等事故')).toBe(true);
    const table = grid([
      ['是否具有法人资格', '近5年内是否发生重大质量、安全、环保、公共卫生等事故'],
      ['☑是 ☐否', '☐是 ☑否'],
    ]);
    const fields = readFormFields('申报表.docx', [], [table]);
    expect(fields.isLegalPerson?.value).toBe('☑是 ☐否');
  });

  it('a label-above row 备案号 | 标准获奖情况 gives 备案号 the value below it, not the next label', () => {
    const table = grid([
      ['备案号', '标准获奖情况', '申报等级'],
      ['53822-2022', '无', '□一等奖 ☑二等奖 □三等奖'],
    ]);
    expect(readFormFields('申报书.pdf', [], [table]).filingNumber?.value).toBe('53822-2022');
  });

  it('label-above lines: an empty 标准名称 followed by an unknown label reads nothing', () => {
    const fields = readFormFields(
      '申报书.pdf',
      [{ page: 1, lines: ['标准名称', '标准归口单位', '吉林省标准化研究院'] }],
      [],
    );
    expect(fields.standardName).toBeUndefined();
  });

  it('label-above lines with several labels: a second row of unknown labels gives no values', () => {
    const lines = [
      '标准名称    发布单位',
      '标准归口单位    技术归口部门',
      '吉林省标准化研究院    吉林省市场监督管理局',
    ];
    const fields = readFormFields('申报书.pdf', [{ page: 1, lines }], []);
    expect(fields.standardName).toBeUndefined();
    expect(fields.publishers).toBeUndefined();
  });

  it('a grid: the cell below an empty label row is another label, not its value', () => {
    const table = grid([
      ['实施日期', ''],
      ['标准归口单位', '全国汽车标准化技术委员会'],
      ['单位性质', '事业单位'],
    ]);
    const fields = readFormFields('申报书.docx', [], [table]);
    expect(fields.implementationDate).toBeUndefined();
    expect(fields.ownershipType?.value).toBe('事业单位');
  });
});
