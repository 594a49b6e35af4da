import type { ExtractedDocument } from '../extraction/document.js';
import { type Finding, finding, type SourceRef } from '../findings/finding.js';
import { parseDate } from '../validation/dates.js';
import { byPreference, compactText, documentLines, isImageOnly } from './documentQuality.js';

/** The unit that signs a 脱密审核同意书, from its form fields or a `单位（盖章）：…` line. */
export function consentUnit(doc: ExtractedDocument): { value: string; source: SourceRef } | undefined {
  for (const key of ['organisationName', 'recommendingUnit', 'employer']) {
    const field = doc.fields[key];
    if (field && field.value.trim() !== '') return { value: field.value.trim(), source: field.source };
  }
  for (const page of doc.pages)
    for (const [i, line] of page.lines.entries()) {
      const m = /^(?:[^:：]{0,12}单位[^:：]{0,8})[:：]\s*(\S.{1,58})$/.exec(line.trim());
      if (m) return { value: (m[1] as string).trim(), source: { file: doc.path, page: page.page, line: i + 1 } };
    }
  return undefined;
}

const signatureLine = /(签字|签名|签章)[)）]?\s*[:：]\s*\S{2,}/;
const sealWords = /盖章|公章|印章|[(（]章[)）]/;

/** A signature with a name next to it, or a seal line that carries the unit's name, as far as the text shows. */
function hasSignatureOrSeal(lines: string[]): boolean {
  return lines.some((line) => {
    if (signatureLine.test(line)) return true;
    if (!sealWords.test(line)) return false;
    const rest = compactText(line).replace(/单位|盖章|公章|印章|[(（]章[)）]|签字|签名|[:：()（）]/g, '');
    return rest.length >= 4;
  });
}

function hasDate(lines: string[]): boolean {
  return lines.some((line) => {
    const m =
      /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*[日号]/.exec(
        line,
      );
    if (m) return parseDate(m[0]).ok;
    const iso = /\d{4}[-./]\d{1,2}[-./]\d{1,2}/.exec(line);
    return iso ? parseDate(iso[0]).ok : false;
  });
}

interface ConsentCheck {
  doc: ExtractedDocument;
  verifiable: boolean;
  lacks: ('unit' | 'date' | 'signatureOrSeal')[];
}

function checkOne(doc: ExtractedDocument): ConsentCheck {
  if (!doc.readable || isImageOnly(doc)) return { doc, verifiable: false, lacks: [] };
  const lines = [...documentLines(doc), ...doc.headers];
  const lacks: ConsentCheck['lacks'] = [];
  if (!consentUnit(doc)) lacks.push('unit');
  if (!hasDate(lines)) lacks.push('date');
  if (!hasSignatureOrSeal(lines)) lacks.push('signatureOrSeal');
  return { doc, verifiable: true, lacks };
}

const lackNames = { unit: '签署单位', date: '日期', signatureOrSeal: '签字或盖章' } as const;

/**
 * SPEC §4: the recommending unit and each applicant sign a 脱密审核同意书. None → DECLASSIFICATION_CONSENT_MISSING
 * (blocking); the best one lacking unit, date or signature/seal in its text → DECLASSIFICATION_CONSENT_INCOMPLETE
 * (blocking, one per lack); a scan without text cannot be verified before OCR → INCOMPLETE for review.
 */
export function checkDeclassificationConsent(
  consents: readonly ExtractedDocument[],
  owner: { field: string; who: string },
): Finding[] {
  if (consents.length === 0)
    return [
      finding('DECLASSIFICATION_CONSENT_MISSING', 'blocking', `缺少${owner.who}签署的脱密审核同意书`, {
        field: owner.field,
      }),
    ];
  const checks = [...consents].sort(byPreference).map(checkOne);
  if (checks.some((c) => c.verifiable && c.lacks.length === 0)) return [];
  const readable = checks.filter((c) => c.verifiable).sort((a, b) => a.lacks.length - b.lacks.length)[0];
  if (readable)
    return readable.lacks.map((lack) =>
      finding('DECLASSIFICATION_CONSENT_INCOMPLETE', 'blocking', `${owner.who}的脱密审核同意书未见${lackNames[lack]}`, {
        file: readable.doc.path,
        field: `${owner.field}.${lack}`,
      }),
    );
  const scan = checks[0] as ConsentCheck;
  return [
    finding(
      'DECLASSIFICATION_CONSENT_INCOMPLETE',
      'review',
      `${owner.who}的脱密审核同意书为无文字层的扫描件，无法核验单位、日期与签字盖章，请人工核对`,
      { file: scan.doc.path, field: `${owner.field}.text` },
    ),
  ];
}
