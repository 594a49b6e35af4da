import { describe, expect, it } from 'vitest';
import { readTableRows } from '../../shared/extraction/tableRows.js';

// Issue 13 §5: a drafters table in PDF text whose cells wrapped (no ruled cells found): each numbered row's cells run
// over several lines. Every main drafter keeps his 贡献率 (notice 三(二): they add up to 100%), and no wrapped line
// becomes a drafter of its own.
const lines = [
  '三、主要起草人员情况',
  '序号 姓名 工作单位 职务职称 贡献率 主要工作内容',
  '1谢华芳 辽源鼎盛药业',
  '有限公司',
  '高级工程师30负责标准总体',
  '框架设计和主',
  '2孟德 吉林省食品检',
  '验所',
  '所长26负责标准文本',
  '编写',
  '3石宇丽 辽源鼎盛药业 工程师 44% 负责技术指标的确定',
  '四、标准水平及创新性',
  '经审定，该标准主要技术内容达到国内领先水平。',
];

describe('a numbered records table whose cells wrapped in PDF text', () => {
  const rows = readTableRows('申报书.pdf', [], [{ page: 2, lines }]);

  it('gives one record per number, with the 贡献率 from its wrapped lines', () => {
    expect(rows.map((r) => [r.values.rank?.text, r.values.name?.text, r.values.contributionRate?.text])).toEqual([
      ['1', '谢华芳', '30'],
      ['2', '孟德', '26'],
      ['3', '石宇丽', '44%'],
    ]);
  });

  it('keeps no cut text of a wrapped cell; a row on one line keeps all its cells', () => {
    expect(rows[0]?.values.unit).toBeUndefined();
    expect(rows[2]?.values.unit?.text).toBe('辽源鼎盛药业');
    expect(rows[2]?.values.position?.text).toBe('工程师');
  });
});
