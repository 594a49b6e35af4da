import { describe, expect, it } from 'vitest';
import { readFormFields } from '../../shared/extraction/formFields.js';

const row = (texts: string[]) => ({
  index: 0,
  rows: [texts.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))],
});

describe('申报等级 whose options sit in cells of their own', () => {
  it('□一等奖 | ☑二等奖 | □三等奖 reads 二等奖 (the ticked cell is the source)', () => {
    const grade = readFormFields(
      '项目申报书.docx',
      [],
      [row(['申报等级', '□一等奖', '☑二等奖', '□三等奖'])],
    ).requestedGrade;
    expect(grade?.selected).toEqual(['二等奖']);
    expect(grade?.source).toMatchObject({ table: 0, row: 0, cell: 2 });
  });
});
