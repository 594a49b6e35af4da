import { describe, expect, it } from 'vitest';
import { PageAllowance, planOcr } from '../../shared/ocr/ocrBudget.js';

const doc = (path: string, materialType: string, needsOcr: number[], readable = true) =>
  ({ path, materialType, needsOcr, readable }) as Parameters<typeof planOcr>[0][number];

describe('OCR page plan', () => {
  const documents = [
    doc('a/获奖证书.pdf', 'AWARD_CERTIFICATE', [1, 2]),
    doc('a/扫描件003.pdf', 'UNCLASSIFIED', [1, 2, 3]),
    doc('a/脱密审核同意书.pdf', 'DECLASSIFICATION_CONSENT', [1]),
    doc('a/申报表.pdf', 'QM_ORG_APPLICATION_FORM', [1, 2]),
    doc('a/营业执照.jpg', 'CREDIT_CODE_CERTIFICATE', [1]),
    doc('a/自评报告.pdf', 'SELF_EVALUATION_REPORT', []),
    doc('a/坏文件.pdf', 'DECLASSIFICATION_CONSENT', [1], false),
  ];

  it('reads only scans of checked materials, consent and credit code first, one page of an unclassified scan', () => {
    expect(planOcr(documents, 40).pages).toEqual([
      { path: 'a/脱密审核同意书.pdf', page: 1 },
      { path: 'a/营业执照.jpg', page: 1 },
      { path: 'a/扫描件003.pdf', page: 1 },
      { path: 'a/获奖证书.pdf', page: 1 },
      { path: 'a/获奖证书.pdf', page: 2 },
    ]);
  });

  it('cuts at the per-bundle page cap and lists the pages beyond it per file', () => {
    const plan = planOcr(documents, 3);
    expect(plan.pages).toHaveLength(3);
    expect([...plan.overCap]).toEqual([['a/获奖证书.pdf', [1, 2]]]);
  });

  it('counts follow-up pages against the same cap', () => {
    const allowance = new PageAllowance(2);
    expect([allowance.take(), allowance.take(), allowance.take()]).toEqual([true, true, false]);
    expect(allowance.pagesUsed).toBe(2);
  });
});
