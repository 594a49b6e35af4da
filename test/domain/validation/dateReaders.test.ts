import { describe, expect, it } from 'vitest';
import { checkDeclassificationConsent } from '../../../shared/completeness/declassificationConsent.js';
import type { ExtractedDocument } from '../../../shared/extraction/document.js';
import { readChineseDate } from '../../../shared/ocr/consentReading.js';

function consent(dateLine: string): ExtractedDocument {
  return {
    path: '脱密审核同意书.pdf',
    sha256: '0'.repeat(64),
    size: 1,
    declaredType: 'pdf',
    detectedType: 'pdf',
    readable: true,
    materialType: 'DECLASSIFICATION_CONSENT',
    classificationReason: 'test',
    pageCount: 1,
    pages: [
      {
        page: 1,
        lines: [
          '单位名称：长春某某制造有限公司',
          '经审核，本单位报送的申报材料已作脱密处理，不涉及国家秘密。',
          '负责人（签字）：王建国',
          '单位（盖章）：长春某某制造有限公司',
          dateLine,
        ],
      },
    ],
    headers: [],
    tables: [],
    fields: {},
    records: {},
    metadata: {},
    needsOcr: [],
    findings: [],
  };
}

const owner = { field: 'applicant.declassificationConsent', who: '申报单位/个人' };
const lacksDate = (line: string) =>
  checkDeclassificationConsent([consent(line)], owner).some((f) => f.field?.endsWith('.date'));

describe('consent dates go through the one date reader', () => {
  it.each([
    ['日期：２０２５年８月６日', '2025-08-06'],
    ['二O二五年八月六日', '2025-08-06'],
    ['二0二五年八月六日', '2025-08-06'],
    ['二〇二五年八月六日', '2025-08-06'],
    ['2025 年 8 月 6 日', '2025-08-06'],
    ['2025.8.6', '2025-08-06'],
    ['2025年2月30日', undefined],
    ['无日期', undefined],
  ])('OCR line %s → %s', (line, date) => {
    expect(readChineseDate(line)).toBe(date);
  });

  it.each(['２０２５年８月６日', '二〇二五年八月六日', '2025.08.06', '日期：2025 年 8 月 6 日'])(
    'a typed consent dated %s has its date',
    (line) => {
      expect(lacksDate(line)).toBe(false);
    },
  );

  it.each(['2025年2月30日', '日期：'])('a typed consent dated %j lacks its date', (line) => {
    expect(lacksDate(line)).toBe(true);
  });
});
