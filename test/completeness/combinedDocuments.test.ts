import { describe, expect, it } from 'vitest';
import { organisation, orgFolder, qmOrgBundle } from '../fixtures/bundles/exampleBundles.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { checkSpec, withCode } from './checkSpec.js';

describe('a document that holds two materials is checked as both', () => {
  it('a 组织申报表 with the 自评报告 appended in the same Word file: the 自评报告 is present and its GB/T 19580 categories are checked', async () => {
    const spec = qmOrgBundle();
    spec.delete(`${orgFolder}/自评报告.docx`);
    spec.set(`${orgFolder}/组织申报表.docx`, () =>
      buildDocx({
        title: '吉林省质量奖（质量管理）组织申报表',
        tables: [
          [
            ['单位名称', organisation.name],
            ['统一社会信用代码', organisation.creditCode],
            ['单位性质', organisation.ownership],
            ['是否为企业总部或总公司（集团）', '否'],
          ],
        ],
        closing: [
          '自评报告',
          `${organisation.name}依据GB/T 19580-2012开展自我评价。`,
          '一、领导',
          '本单位高层领导确定了组织的使命、愿景和价值观。',
          '二、战略',
          '本单位制定了中长期发展战略。',
        ],
      }),
    );
    const report = await checkSpec(spec);
    const missing = withCode(report, 'MISSING_MATERIAL').map((f) => f.field);
    expect(missing).not.toContain('SELF_EVALUATION_REPORT');
    const categories = withCode(report, 'SELF_EVALUATION_MISSING_CATEGORY').map((f) => f.evidence ?? f.message);
    for (const category of ['顾客与市场', '资源', '过程管理', '结果'])
      expect(
        categories.some((text) => text.includes(category)),
        category,
      ).toBe(true);
    expect(categories.some((text) => text.includes('战略'))).toBe(false);
  });
});
