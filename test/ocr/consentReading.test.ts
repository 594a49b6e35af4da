import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../shared/extraction/ocrText.js';
import { consentGaps, readChineseDate, readConsent } from '../../shared/ocr/consentReading.js';
import { readCreditCode } from '../../shared/ocr/creditCodeReading.js';
import { jilinCreditCode } from '../fixtures/scans/scanPage.js';

const line = (text: string, confidence = 95, minConfidence = 75): OcrLine => ({
  text,
  confidence,
  bbox: { x0: 0, y0: 0, x1: 10, y1: 10 },
  lowConfidence: confidence < minConfidence,
});

describe('consent reading', () => {
  it('reads the unit after its label, the signing date, and a signature line', () => {
    const consent = readConsent(
      'c.pdf',
      [
        {
          page: 1,
          lines: [
            line('脱密审核同意书'),
            line('单位（盖章）：吉林某某有限公司'),
            line('负责人签字：张三'),
            line('2025年8月1日'),
          ],
        },
      ],
      false,
    );
    expect(consent.unit?.value).toBe('吉林某某有限公司');
    expect(consent.unit?.source).toEqual({ file: 'c.pdf', page: 1, line: 2 });
    expect(consent.date?.value).toBe('2025-08-01');
    expect(consent.signatureOrSealPresent).toBe(true);
    expect(consentGaps(consent)).toEqual({ missing: [], lowConfidence: [] });
  });

  it('falls back to an organisation-name line, not the addressee line', () => {
    const consent = readConsent(
      'c.pdf',
      [{ page: 1, lines: [line('吉林省质量奖评审委员会:'), line('同意报送。'), line('长春某某研究院')] }],
      true,
    );
    expect(consent.unit?.value).toBe('长春某某研究院');
  });

  it('lists what an unsigned, unsealed, undated consent lacks', () => {
    const consent = readConsent('c.pdf', [{ page: 1, lines: [line('脱密审核同意书'), line('同意报送。')] }], false);
    expect(consentGaps(consent).missing).toEqual(['unit', 'date', 'signatureOrSeal']);
  });

  it('a seal alone counts as signature or seal', () => {
    const consent = readConsent('c.pdf', [{ page: 1, lines: [line('同意报送。')] }], true);
    expect(consent.sealDetected).toBe(true);
    expect(consentGaps(consent).missing).not.toContain('signatureOrSeal');
  });

  it('marks parts read with low confidence as present but not trusted', () => {
    const consent = readConsent(
      'c.pdf',
      [{ page: 1, lines: [line('单位：某某公司', 40), line('日期：2025年8月1日')] }],
      true,
    );
    expect(consentGaps(consent)).toEqual({ missing: [], lowConfidence: ['unit'] });
  });

  it('reads dates in Arabic and Chinese numerals, full-width digits, and refuses impossible dates', () => {
    expect(readChineseDate('日期：２０２５年８月１日')).toBe('2025-08-01');
    expect(readChineseDate('二〇二五年八月十一日')).toBe('2025-08-11');
    expect(readChineseDate('二〇二四年十二月三十一日')).toBe('2024-12-31');
    expect(readChineseDate('2025年2月30日')).toBeUndefined();
    expect(readChineseDate('无日期')).toBeUndefined();
  });
});

describe('credit code reading', () => {
  const code = jilinCreditCode();

  it('reads the labelled 18-character code and validates it', () => {
    const reading = readCreditCode('cert.pdf', [
      {
        page: 1,
        lines: [line('统一社会信用代码证书'), line(`统一社会信用代码: ${code.slice(0, 9)} ${code.slice(9)}`)],
      },
    ]);
    expect(reading).toMatchObject({ value: code, valid: true, source: { file: 'cert.pdf', page: 1, line: 2 } });
  });

  it('repairs O/I/Z/S read for 0/1/2/5 only when that makes the code valid', () => {
    const misread = code.replace(/0/g, 'O').replace(/1/g, 'I');
    expect(readCreditCode('c', [{ page: 1, lines: [line(`信用代码：${misread}`)] }])?.value).toBe(code);
  });

  it('reports a code with a wrong check character as read, and invalid', () => {
    const wrong = `${code.slice(0, 17)}${code.endsWith('1') ? '2' : '1'}`;
    const reading = readCreditCode('c', [{ page: 1, lines: [line(`统一社会信用代码：${wrong}`)] }]);
    expect(reading?.value).toBe(wrong);
    expect(reading?.valid).toBe(false);
    expect(reading?.invalidReason).toMatch(/校验位/);
  });

  it('finds nothing on a page without an 18-character code', () => {
    expect(readCreditCode('c', [{ page: 1, lines: [line('营业执照'), line('注册资本：500万元')] }])).toBeUndefined();
  });
});
