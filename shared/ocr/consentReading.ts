import { findDates } from '../domain/validation/dates.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import type { ConsentReading, OcrValue } from '../extraction/ocrResult.js';
import type { OcrLine } from '../extraction/ocrText.js';

export interface PageLines {
  page: number;
  lines: readonly OcrLine[];
}

const unitLabel =
  /^(?:申报|推荐|报送|出具)?(?:单位|单位名称|机构名称|企业名称)\s*(?:[（(]\s*(?:盖章|公章|签章)\s*[）)])?\s*[:：;；]\s*(.+)$/;
const orgSuffix = /(?:有限公司|股份公司|公司|集团|厂|局|厅|委员会|协会|学会|研究院|研究所|大学|学院|医院|中心|政府)$/;
const signatureLabel = /(?:签字|签名|签章|负责人|法定代表人|审核人)\s*(?:[（(][^）)]*[）)])?\s*[:：;；]\s*(\S{2,})/;
/**
 * The date of a line ("2025年8月1日", "二〇二五年八月一日", "2025.8.1", full-width digits; OCR reads 〇 also as ○, O or 0)
 * → ISO yyyy-mm-dd, by the one date reader; the last whole date of the line; undefined when there is none.
 */
export function readChineseDate(text: string): string | undefined {
  return findDates(text)
    .filter((d) => d.precision === 'day')
    .at(-1)?.date;
}

function value(file: string, page: number, index: number, line: OcrLine, text: string): OcrValue {
  return {
    value: text,
    text: line.text,
    confidence: line.confidence,
    lowConfidence: line.lowConfidence,
    source: { file, page, line: index + 1 },
  };
}

/**
 * The unit, the date and the signature or seal of a 脱密审核同意书 from its OCR'd pages. The unit is the value of a
 * 单位/单位名称 label, or else the last line that is an organisation's name (ends in 公司, 局, 委员会 …, not the
 * addressee line ending in a colon); the date is the last date on the pages (the signing date comes last).
 */
export function readConsent(file: string, pages: readonly PageLines[], sealDetected: boolean): ConsentReading {
  let unit: OcrValue | undefined;
  let unitByName: OcrValue | undefined;
  let date: OcrValue | undefined;
  let signed = false;
  for (const { page, lines } of pages)
    lines.forEach((line, index) => {
      const text = toHalfWidth(line.text).trim();
      const labelled = text.match(unitLabel);
      const name = labelled?.[1]?.trim().replace(/[（(]\s*(?:盖章|公章)\s*[）)]$/, '');
      if (name && !unit) unit = value(file, page, index, line, name);
      else if (!labelled && orgSuffix.test(text) && !/[:：]$/.test(text) && text.length <= 40)
        unitByName = value(file, page, index, line, text);
      const iso = readChineseDate(text);
      if (iso) date = value(file, page, index, line, iso);
      if (signatureLabel.test(text)) signed = true;
    });
  return {
    unit: unit ?? unitByName,
    date,
    sealDetected,
    signatureOrSealPresent: sealDetected || signed,
  };
}

export type ConsentPart = 'unit' | 'date' | 'signatureOrSeal';

/**
 * What a consent lacks for SPEC §4 (→ DECLASSIFICATION_CONSENT_INCOMPLETE), and which parts were read only with low
 * confidence (→ OCR_LOW_CONFIDENCE; such a part is present but not trusted).
 */
export function consentGaps(consent: ConsentReading): { missing: ConsentPart[]; lowConfidence: ConsentPart[] } {
  const missing: ConsentPart[] = [];
  const lowConfidence: ConsentPart[] = [];
  if (!consent.unit) missing.push('unit');
  else if (consent.unit.lowConfidence) lowConfidence.push('unit');
  if (!consent.date) missing.push('date');
  else if (consent.date.lowConfidence) lowConfidence.push('date');
  if (!consent.signatureOrSealPresent) missing.push('signatureOrSeal');
  return { missing, lowConfidence };
}
