import type { Application } from '../domain/application/application.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import type { ExtractedDocument } from '../extraction/document.js';

const compact = (c: string) => toHalfWidth(c).replace(/\s/g, '').toUpperCase();

/** The credit code the application's forms give, and the field it is reported under. */
function formCode(app: Application): { code: string; field: string } | undefined {
  if (app.track === 'QM_ORG' && app.organisation.creditCode)
    return { code: app.organisation.creditCode, field: 'organisation.creditCode' };
  if (app.track === 'SI' && app.project.applicant.creditCode)
    return { code: app.project.applicant.creditCode, field: 'project.applicant.creditCode' };
  return undefined;
}

/**
 * SPEC §4 cross-document consistency for the 统一社会信用代码证书 as OCR read it (a scan, or the text layer where the
 * extraction's records give no code to compare): a valid code read with confidence that differs from the form's →
 * CREDIT_CODE_MISMATCH (blocking, source the certificate's line); a code failing the GB 32100-2015 check →
 * CREDIT_CODE_INVALID for review (a misread or a wrong certificate, not proof of a mismatch). Codes read with low
 * confidence are left to OCR_LOW_CONFIDENCE.
 */
export function checkCertificateCreditCode(app: Application, documents: readonly ExtractedDocument[]): Finding[] {
  const expected = formCode(app);
  if (!expected) return [];
  const out: Finding[] = [];
  for (const doc of documents) {
    if (doc.materialType !== 'CREDIT_CODE_CERTIFICATE') continue;
    const read = doc.ocr?.creditCode;
    // A text certificate's own record is compared by checkCrossDocument already (a scan's, read by OCR, here).
    if (!read || (app.track === 'QM_ORG' && doc.records.organisation?.creditCode && doc.needsOcr.length === 0))
      continue;
    if (read.lowConfidence) continue;
    const file = doc.path;
    if (!read.valid) {
      if (doc.findings.some((f) => f.code === 'CREDIT_CODE_INVALID')) continue;
      out.push(
        finding(
          'CREDIT_CODE_INVALID',
          'review',
          `从${file}识别出的统一社会信用代码“${read.value}”未通过校验（${read.invalidReason ?? '校验位不符'}），可能为识别错误或证书有误，请人工核对`,
          { file, field: expected.field, evidence: `${read.value}（申报表：${expected.code}）`, source: read.source },
        ),
      );
      continue;
    }
    if (compact(read.value) !== compact(expected.code))
      out.push(
        finding(
          'CREDIT_CODE_MISMATCH',
          'blocking',
          `${file}中的统一社会信用代码“${read.value}”与申报表“${expected.code}”不一致`,
          { file, field: expected.field, evidence: `${read.value} ≠ ${expected.code}`, source: read.source },
        ),
      );
  }
  return out;
}
