import type { Application } from '../application/application.js';
import { workingDaysIn } from '../calendar/index.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { type Finding, finding } from '../findings/finding.js';
import type { MaterialType } from '../materials/materialType.js';
import { parseDate } from '../validation/dates.js';
import { compactText, documentLines, isImageOnly } from './documentQuality.js';

/** Where each track shows its internal publicity: QM_ORG its own evidence; QM_IND the employer's recommendation
 * (after publicity) or evidence; SI the drafter-selection evidence (publicity at every drafter's unit). */
const evidenceMaterials: Record<Application['track'], MaterialType[]> = {
  QM_ORG: ['PUBLICITY_EVIDENCE'],
  QM_IND: ['PUBLICITY_EVIDENCE', 'EMPLOYER_RECOMMENDATION'],
  SI: ['DRAFTER_SELECTION_EVIDENCE'],
};

/** A statement that a publicity took place (a title such as “遴选、公示及异议处理情况” alone is not one). */
const publicityStatement = /公示(?:时间|期|日期)|(?:已|经|进行了?|予以).{0,12}公示/;

const range =
  /(\d{4})年(\d{1,2})月(\d{1,2})日?(?:[（(][^）)]*[）)])?(?:至|到|—|-|～|~)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;

/** The working days of a `公示时间：2025年7月28日至8月1日` window in the text; undefined when none is written. */
export function publicityWorkingDays(lines: readonly string[]): { days: number; window: string } | undefined {
  for (const line of lines) {
    const m = range.exec(compactText(line));
    if (!m) continue;
    const from = parseDate(`${m[1]}年${m[2]}月${m[3]}日`);
    const to = parseDate(`${m[4] ?? m[1]}年${m[5]}月${m[6]}日`);
    if (!from.ok || !to.ok || to.date < from.date) continue;
    try {
      return { days: workingDaysIn(from.date, to.date).length, window: `${from.date}至${to.date}` };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * SPEC §4: evidence of ≥ N working days of internal publicity (N from the campaign). No document that speaks of a
 * publicity (公示) → PUBLICITY_EVIDENCE_MISSING (blocking); a written window shorter than N working days → the same
 * code for review. Scans are taken as evidence (their text is read by OCR later).
 */
export function checkPublicityEvidence(
  track: Application['track'],
  documents: readonly ExtractedDocument[],
  campaign: CampaignConfig,
): Finding[] {
  const need = campaign.publicity.workingDays[track].internal;
  const candidates = documents.filter((d) => evidenceMaterials[track].includes(d.materialType));
  const scans = candidates.filter((d) => !d.readable || isImageOnly(d));
  const speaking = candidates.filter(
    (d) => d.readable && !isImageOnly(d) && documentLines(d).some((l) => publicityStatement.test(compactText(l))),
  );
  if (speaking.length === 0 && scans.length === 0)
    return [
      finding(
        'PUBLICITY_EVIDENCE_MISSING',
        'blocking',
        candidates.length === 0
          ? `缺少不少于${need}个工作日的内部公示证明`
          : `${candidates.map((d) => d.path).join('、')}未说明内部公示情况（不少于${need}个工作日）`,
        { field: `publicity.${evidenceMaterials[track][0]}`, ...(candidates[0] ? { file: candidates[0].path } : {}) },
      ),
    ];
  for (const doc of speaking) {
    const window = publicityWorkingDays(documentLines(doc));
    if (window === undefined || window.days >= need) return [];
  }
  if (speaking.length === 0) return [];
  const doc = speaking[0] as ExtractedDocument;
  const window = publicityWorkingDays(documentLines(doc));
  return [
    finding(
      'PUBLICITY_EVIDENCE_MISSING',
      'review',
      `内部公示${window?.window}仅${window?.days}个工作日，少于${need}个工作日`,
      { file: doc.path, field: 'publicity.window', evidence: window?.window },
    ),
  ];
}
