import { describe, expect, it } from 'vitest';
import type { Table } from '../../shared/extraction/document.js';
import { readFormFields } from '../../shared/extraction/formFields.js';

const table = (rows: string[][]): Table => ({
  index: 0,
  rows: rows.map((cells) => cells.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
});

describe('the header row of a table of records is no form', () => {
  it('汇总表 header 排序 | 名称 | 统一社会信用代码 | 类别: 类别 is not read as a credit code, in the table or its flattened line', () => {
    const header = ['排序', '组织或个人名称', '统一社会信用代码', '类别', '备注'];
    const rows = [
      header,
      ['1', '吉林省长白精工机械有限公司', '91220101MA17XK3Q5B', '组织', ''],
      ['2', '赵立新', '', '个人', ''],
    ];
    const fields = readFormFields('汇总表.docx', [{ page: 1, lines: rows.map((r) => r.join('\t')) }], [table(rows)]);
    expect(fields.creditCode).toBeUndefined();
  });

  it('a label-above form (labels row, one values row) is still read', () => {
    const rows = [
      ['姓名', '身份证号', '工作单位'],
      ['张三', '220102197805123014', '长春某公司'],
    ];
    const fields = readFormFields('个人申报表.docx', [], [table(rows)]);
    expect(fields.personName?.value).toBe('张三');
    expect(fields.idNumber?.value).toBe('220102197805123014');
  });

  it('a malformed code is still read (and checked): only a value with hardly any letters or digits is no attempt', () => {
    const fields = readFormFields(
      '组织申报表.docx',
      [{ page: 1, lines: ['统一社会信用代码：91220101MA17XK3Q', '身份证号：见附件'] }],
      [],
    );
    expect(fields.creditCode?.value).toBe('91220101MA17XK3Q');
    expect(fields.idNumber).toBeUndefined();
  });
});
