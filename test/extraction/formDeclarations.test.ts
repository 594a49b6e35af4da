import { describe, expect, it } from 'vitest';
import { readApplicationRecords } from '../../shared/extraction/applicationRecords.js';
import type { Table } from '../../shared/extraction/document.js';
import { readFormFields } from '../../shared/extraction/formFields.js';

const grid = (rows: string[][]): Table => ({
  index: 0,
  rows: rows.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
});

function records(material: 'QM_ORG_APPLICATION_FORM' | 'SI_APPLICATION_FORM', rows: string[][]) {
  const tables = [grid(rows)];
  const fields = readFormFields('表.docx', [], tables);
  return readApplicationRecords('表.docx', material, fields, [], tables).records;
}

// Notice 二(一)1(8): an organisation with a 重大质量、安全、环保、公共卫生等事故 in the last five years is not eligible; the
// 组织申报表 asks it as a yes/no question.
describe('组织申报表: the declared accident', () => {
  const question = '近5年内是否发生重大质量、安全、环保、公共卫生等事故';
  it('☑是 declares an accident', () => {
    const org = records('QM_ORG_APPLICATION_FORM', [
      ['单位名称', '长春恒达精密机械有限公司'],
      [question, '☑是 □否'],
    ]).organisation;
    expect(org?.declaredIncidents).toEqual([{ kind: 'ACCIDENT', description: question }]);
  });

  it('☑否 declares none', () => {
    const org = records('QM_ORG_APPLICATION_FORM', [
      ['单位名称', '长春恒达精密机械有限公司'],
      [question, '□是 ☑否'],
    ]).organisation;
    expect(org?.declaredIncidents).toEqual([]);
  });
});

// Notice 二(二)1: a standard project that already won the 吉林省标准创新贡献奖 is not eligible again.
describe('SI 申报书: the awards the standard already won', () => {
  it('each award of 标准获奖情况, with its year', () => {
    const project = records('SI_APPLICATION_FORM', [
      ['标准编号', 'DB22/T 1956-2019'],
      ['标准获奖情况', '2023年吉林省标准创新贡献奖二等奖；2021年中国标准创新贡献奖三等奖'],
    ]).standardProject;
    expect(project?.previousAwards).toEqual([
      { name: '2023年吉林省标准创新贡献奖二等奖', year: '2023' },
      { name: '2021年中国标准创新贡献奖三等奖', year: '2021' },
    ]);
  });

  it('无 names none', () => {
    const project = records('SI_APPLICATION_FORM', [
      ['标准编号', 'DB22/T 1956-2019'],
      ['获奖情况', '无'],
    ]).standardProject;
    expect(project?.previousAwards).toEqual([]);
  });
});
