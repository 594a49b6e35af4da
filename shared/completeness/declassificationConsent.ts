import { type Finding, finding, type SourceRef } from '../domain/findings/finding.js';
import { findDates } from '../domain/validation/dates.js';
import type { ExtractedDocument } from '../extraction/document.js';
import type { OcrResult } from '../extraction/ocrResult.js';
import { type ConsentPart, consentGaps } from '../ocr/consentReading.js';
import { byPreference, compactText, documentLines, isImageOnly } from './documentQuality.js';

/** A unit or person a 脱密审核同意书 names as its signer, with where it was read. */
export interface ConsentSigner {
  value: string;
  source: SourceRef;
  /** What the label says the signer is: 推荐单位… or 申报单位/申报人… (undefined: the label does not say). */
  role?: 'recommending' | 'applicant';
  /** Read from a seal or signature line (…（盖章）, 签字：, the closing signature block), not a mere mention. */
  sealed: boolean;
}

const unitLabelLine = /^([^:：]{0,12}单位[^:：]{0,8})[:：]\s*(\S.{1,58})$/;
const sealLabelLine = /^((?:[^:：]{0,10})(?:盖章|签章|公章|落款|签字|签名)[)）]?)[:：]\s*(\S.{1,58})$/;
const sealedNameLine = /^(\S.{3,40}?)\s*[(（](?:盖章|公章|印章|签章|章)[)）]\s*$/;
const unitLike =
  /(?:公司|局|厅|委员会|委|院|所|中心|小组|办公室|学校|大学|学院|医院|协会|学会|集团|厂|站|社|馆|处|部|会|室|政府)$/;
const dateLike = /^\s*(?:\d{4}|[〇零○Oo一二三四五六七八九]{4})\s*[年.\-/]/;

function roleOf(label: string): ConsentSigner['role'] {
  if (/推荐/.test(label)) return 'recommending';
  if (/申报|本人|申请/.test(label)) return 'applicant';
  return undefined;
}

/**
 * Every unit or person a 脱密审核同意书 names as signing it: its form fields, `…单位…：X` lines, seal and signature
 * lines (`单位（盖章）：X`, `X（盖章）`, `签字：X`), the closing signature block (a unit name just above or below the
 * date of the last lines); an OCR'd scan's recognised lines are its pages' lines.
 */
export function consentSigners(doc: ExtractedDocument): ConsentSigner[] {
  const out: ConsentSigner[] = [];
  const add = (signer: ConsentSigner) => {
    const value = signer.value.replace(/[(（](?:盖章|公章|印章|签章|章)[)）]\s*$/, '').trim();
    if (value.length < 2 || /^(?:推荐|申报|所在|申请)?(?:单位|人)(?:名称)?$/.test(value)) return;
    if (out.some((s) => s.value === value && s.sealed === signer.sealed)) return;
    out.push({ ...signer, value });
  };
  for (const key of ['organisationName', 'recommendingUnit', 'employer']) {
    const field = doc.fields[key];
    if (field && field.value.trim() !== '')
      add({
        value: field.value.trim(),
        source: field.source,
        role: key === 'recommendingUnit' ? 'recommending' : roleOf(field.label),
        sealed: /盖章|签章|公章|[(（]章[)）]/.test(field.label),
      });
  }
  for (const page of doc.pages) {
    const lines = page.lines.map((l) => l.normalize('NFKC').trim());
    const source = (i: number): SourceRef => ({ file: doc.path, page: page.page, line: i + 1 });
    for (const [i, line] of lines.entries()) {
      const sealed = sealLabelLine.exec(line);
      const unit = unitLabelLine.exec(line);
      const named = sealedNameLine.exec(line);
      if (sealed)
        add({
          value: (sealed[2] as string).trim(),
          source: source(i),
          role: roleOf(sealed[1] as string),
          sealed: true,
        });
      else if (unit)
        add({
          value: (unit[2] as string).trim(),
          source: source(i),
          role: roleOf(unit[1] as string),
          sealed: /盖章|签章|公章|[(（]章[)）]/.test(unit[1] as string),
        });
      else if (named && !/[:：]/.test(named[1] as string))
        add({ value: (named[1] as string).trim(), source: source(i), role: undefined, sealed: true });
    }
    // The closing block: a unit name next to the date among the last lines.
    const last = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l !== '')
      .slice(-4);
    for (const [k, { l }] of last.entries()) {
      if (!dateLike.test(l)) continue;
      for (const near of [last[k - 1], last[k + 1]])
        if (near && unitLike.test(near.l) && !/[,，。:：;；]/.test(near.l) && near.l.length <= 40)
          add({ value: near.l, source: source(near.i), role: undefined, sealed: true });
    }
  }
  return out;
}

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
  const signer = consentSigners(doc).find((s) => s.sealed);
  return signer ? { value: signer.value, source: signer.source } : undefined;
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
  return lines.some((line) => findDates(line).some((d) => d.precision === 'day'));
}

interface ConsentCheck {
  doc: ExtractedDocument;
  /** Why the parts cannot be judged (a scan not OCR'd, or read too poorly): review only. */
  unverifiable?: string;
  /** Parts not found (blocking). */
  lacks: ConsentPart[];
  /** Parts found by OCR but under the confidence threshold: present, not trusted (review). */
  untrusted: ConsentPart[];
  /** Where each untrusted part was read. */
  sources: Partial<Record<ConsentPart, SourceRef>>;
  /** What OCR read, quoted as evidence. */
  evidence?: string;
}

const partNames: Record<ConsentPart, string> = { unit: '签署单位', date: '日期', signatureOrSeal: '签字或盖章' };

function ocrEvidence(ocr: OcrResult): string | undefined {
  const c = ocr.consent;
  if (!c) return undefined;
  return [
    `OCR 单位：${c.unit?.value ?? '未识别'}`,
    `日期：${c.date?.value ?? '未识别'}`,
    c.sealDetected ? '检出红色印章' : '未检出红色印章',
  ].join('；');
}

/** A scan of a consent, as read by OCR: what lacks and what is read only with low confidence. */
function checkScan(doc: ExtractedDocument, ocr: OcrResult | undefined): ConsentCheck {
  const base = { doc, lacks: [], untrusted: [], sources: {} };
  if (!ocr?.consent)
    return { ...base, unverifiable: '为无文字层的扫描件，未经文字识别（OCR），无法核验单位、日期与签字盖章' };
  const read = ocr.pages.filter((p) => p.status === 'recognised');
  const unread = doc.needsOcr.filter((page) => !read.some((p) => p.page === page));
  const evidence = ocrEvidence(ocr);
  const { missing, lowConfidence } = consentGaps(ocr.consent);
  if (missing.length > 0) {
    // A part not found on pages that were not read, or read too poorly to trust anything, is not proven absent.
    if (unread.length > 0)
      return {
        ...base,
        evidence,
        unverifiable: `第 ${unread.join('、')} 页未能识别（超出识别预算或识别失败），无法确认是否缺少${missing.map((m) => partNames[m]).join('、')}`,
      };
    if (!read.some((p) => p.lines.some((l) => !l.lowConfidence)))
      return {
        ...base,
        evidence,
        unverifiable: '扫描件文字识别置信度过低（或页面无可识别文字），无法核验单位、日期与签字盖章',
      };
  }
  const sources: ConsentCheck['sources'] = {};
  if (ocr.consent.unit?.lowConfidence) sources.unit = ocr.consent.unit.source;
  if (ocr.consent.date?.lowConfidence) sources.date = ocr.consent.date.source;
  return { doc, lacks: missing, untrusted: lowConfidence, sources, evidence };
}

function checkOne(doc: ExtractedDocument): ConsentCheck {
  const { ocr } = doc;
  if (!doc.readable) return { doc, unverifiable: '无法读取', lacks: [], untrusted: [], sources: {} };
  if (isImageOnly(doc)) return checkScan(doc, ocr);
  const lines = [...documentLines(doc), ...doc.headers];
  const lacks: ConsentPart[] = [];
  if (!consentUnit(doc)) lacks.push('unit');
  if (!hasDate(lines)) lacks.push('date');
  // A typed consent's seal is an image the text cannot show: the OCR's seal check of the rendered page sees it.
  if (!hasSignatureOrSeal(lines) && !ocr?.consent?.sealDetected) lacks.push('signatureOrSeal');
  return { doc, lacks, untrusted: [], sources: {} };
}

const rank = (c: ConsentCheck) => (c.unverifiable ? 100 : c.lacks.length * 10 + c.untrusted.length);

/**
 * SPEC §4: the recommending unit and each applicant sign a 脱密审核同意书. None → DECLASSIFICATION_CONSENT_MISSING
 * (blocking). Otherwise the best consent is judged: a part lacking in its text (typed) or in its OCR reading (scan)
 * → DECLASSIFICATION_CONSENT_INCOMPLETE (blocking, one per part); a part OCR read only with low confidence →
 * INCOMPLETE for review; a scan not OCR'd, partly unread or read too poorly to judge → INCOMPLETE for review.
 * The OCR section of each consent (`ExtractedDocument.ocr`) gives a scan's parts; a typed consent's detected seal
 * counts as its seal.
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
  const checks = [...consents].sort(byPreference).map((doc) => checkOne(doc));
  const best = [...checks].sort((a, b) => rank(a) - rank(b))[0] as ConsentCheck;
  const file = best.doc.path;
  const evidence = best.evidence ? { evidence: best.evidence } : {};
  if (best.unverifiable)
    return [
      finding(
        'DECLASSIFICATION_CONSENT_INCOMPLETE',
        'review',
        `${owner.who}的脱密审核同意书${best.unverifiable}，请人工核对`,
        { file, field: `${owner.field}.text`, ...evidence },
      ),
    ];
  return [
    ...best.lacks.map((part) =>
      finding('DECLASSIFICATION_CONSENT_INCOMPLETE', 'blocking', `${owner.who}的脱密审核同意书未见${partNames[part]}`, {
        file,
        field: `${owner.field}.${part}`,
        ...evidence,
      }),
    ),
    ...best.untrusted.map((part) =>
      finding(
        'DECLASSIFICATION_CONSENT_INCOMPLETE',
        'review',
        `${owner.who}的脱密审核同意书的${partNames[part]}识别置信度低，请人工核对`,
        {
          file,
          field: `${owner.field}.${part}`,
          ...evidence,
          ...(best.sources[part] ? { source: best.sources[part] } : {}),
        },
      ),
    ),
  ];
}
