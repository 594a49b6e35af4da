import { describe, expect, it } from 'vitest';
import { categoriesPresent, selfEvaluationCategories } from '../../shared/completeness/selfEvaluationCategories.js';

const all = Object.keys(selfEvaluationCategories);
const names = ['领导', '战略', '顾客与市场', '资源', '过程管理', '测量、分析与改进', '结果'];
const cn = '一二三四五六七';

// SPEC §4 QM_ORG / notice 七: the 自评报告 follows the seven categories of GB/T 19580-2012, whatever numbering the
// clerk gives its headings.
describe('自评报告 headings in any numbering', () => {
  it.each([
    ['第三部分', (i: number) => `第${cn[i]}部分 ${names[i]}`],
    ['第三章', (i: number) => `第${cn[i]}章　${names[i]}`],
    ['第3部分', (i: number) => `第${i + 1}部分：${names[i]}`],
    ['三、', (i: number) => `${cn[i]}、${names[i]}`],
    ['4.3', (i: number) => `4.${i + 1} ${names[i]}`],
  ])('%s', (_, heading) => {
    expect(categoriesPresent(names.map((_, i) => heading(i)))).toEqual(all);
  });
});
