import type { Application } from '../domain/application/application.js';
import { CalendarYearNotCovered, isWorkingDay, publicityWindow, workingDaysIn } from '../domain/calendar/index.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { type Finding, finding, type SourceRef } from '../domain/findings/finding.js';
import type { MaterialType } from '../domain/materials/materialType.js';
import { type DateRangeResult, findDateRanges } from '../domain/validation/dates.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { compactText, documentLines, isImageOnly } from './documentQuality.js';

/** Where each track shows its internal publicity: QM_ORG its own evidence; QM_IND the employer's recommendation
 * (after publicity) or evidence; SI the drafter-selection evidence (publicity at every drafter's unit). */
const evidenceMaterials: Record<Application['track'], MaterialType[]> = {
  QM_ORG: ['PUBLICITY_EVIDENCE'],
  QM_IND: ['PUBLICITY_EVIDENCE', 'EMPLOYER_RECOMMENDATION'],
  SI: ['DRAFTER_SELECTION_EVIDENCE'],
};

/** A statement that a publicity took place (a title such as “遴选、公示及异议处理情况” alone is not one). */
const publicityStatement = /公示(?:时间|期|日期)|(?:已|经|进行了?|予以)[^。；;]{0,12}公示/;

/** A window written in a publicity evidence, with where it was written. */
export interface WrittenWindow {
  read: DateRangeResult;
  source: SourceRef;
}

/** A clause that speaks of something after the publicity (公示期满后, 公示结束后): its dates are not the window. */
const afterPublicity = /公示(?:期满|结束|完毕)|公示后/;
/** What else a dated clause may report (a meeting, a review, the submission): then it is not the window. */
const otherActivity = /研究|审核|审查|评审|召开|会议|受理|报送|上报|申报|推荐|征求|起草|发布|实施/;

function isWindowClause(clause: string): boolean {
  const c = compactText(clause);
  return !afterPublicity.test(c) && (c.includes('公示') || !otherActivity.test(c));
}

/**
 * The windows of a publicity written in a document, page by page: a date range in a sentence that speaks of the
 * publicity, in the clause that names it (`公示时间：2025年7月28日至8月1日`, `于7月28日至8月1日在本单位公示`) or in a
 * clause beside it that reports nothing else (`分别进行了公示，自7月28日起至8月1日止`); lines are read as one text, so
 * a window wrapped over two lines or under a `公示时间` label (a Word table made PDF) is read too. A range in a clause
 * after the publicity or about another activity (`公示期满后，于8月4日至5日集体研究`) is not the window.
 */
export function publicityWindows(doc: Pick<ExtractedDocument, 'path' | 'pages'>, year: number): WrittenWindow[] {
  const windows: WrittenWindow[] = [];
  for (const page of doc.pages) {
    const text = page.lines.join('\n');
    const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const sentence of text.matchAll(/[^。；;！!？?]+/g)) {
      const clauses = [...sentence[0].matchAll(/[^，,]+/g)].map((c) => ({ text: c[0], at: sentence.index + c.index }));
      if (!/公示(?!期满|结束|完毕|后)/.test(compactText(sentence[0]))) continue;
      for (const clause of clauses) {
        // A clause that runs over lines without punctuation (table cells) is read line by line when it is not the window.
        const parts = isWindowClause(clause.text)
          ? [clause]
          : clause.text.split('\n').map((text, i, all) => ({
              text,
              at: clause.at + all.slice(0, i).reduce((n, t) => n + t.length + 1, 0),
            }));
        for (const part of parts.filter((p) => isWindowClause(p.text))) {
          const ranges = findDateRanges(part.text, { defaultYear: year });
          const firstDigit = Math.max(0, part.text.search(/[0-9０-９〇零一二三四五六七八九]/));
          const line = lineAt(part.at + firstDigit);
          for (const read of ranges) windows.push({ read, source: { file: doc.path, page: page.page, line } });
        }
      }
    }
  }
  return windows;
}

/** Working days of a window from the calendar, and whether it lasts the `need` working days of a publicity window. */
function measure(
  from: string,
  to: string,
  need: number,
  firstDayCounts: CampaignConfig['publicity']['firstDayCounts'],
): { days: number; enough: boolean } {
  const window = publicityWindow(`${from}T00:00:00+08:00`, need, { firstDayCounts });
  const lastNeeded = window.days[need - 1] as string;
  const uncounted = firstDayCounts === 'never' && isWorkingDay(from) ? 1 : 0;
  return { days: workingDaysIn(from, to).length - uncounted, enough: to >= lastNeeded };
}

/**
 * SPEC §4: evidence of ≥ N working days of internal publicity (N from the campaign), counted with the working-day
 * calendar. No document that speaks of a publicity → PUBLICITY_EVIDENCE_MISSING (blocking); a written window shorter
 * than N working days → the same code, blocking; a window that cannot be read (none written, impossible dates, a
 * year the calendar does not cover, a scan without text) → the same code for review, never a silent pass.
 */
export function checkPublicityEvidence(
  track: Application['track'],
  documents: readonly ExtractedDocument[],
  campaign: CampaignConfig,
): Finding[] {
  const need = campaign.publicity.workingDays[track].internal;
  const candidates = documents.filter((d) => evidenceMaterials[track].includes(d.materialType));
  const speaking = candidates.filter(
    (d) => d.readable && publicityStatement.test(compactText(documentLines(d).join(''))),
  );
  const scans = candidates.filter((d) => !speaking.includes(d) && (!d.readable || isImageOnly(d)));
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
  const review = (message: string, file: string, extra: Partial<Finding> = {}) => [
    finding('PUBLICITY_EVIDENCE_MISSING', 'review', message, { file, field: 'publicity.window', ...extra }),
  ];
  if (speaking.length === 0) {
    const scan = scans[0] as ExtractedDocument;
    return review(`${scan.path}为扫描件，公示时间未能读取，请审核（须不少于${need}个工作日）`, scan.path);
  }
  const windows = speaking.flatMap((d) => publicityWindows(d, Number(campaign.year)));
  let enough = false;
  let unreadable: { message: string; window: WrittenWindow } | undefined;
  for (const window of windows) {
    const { read, source } = window;
    if (!read.ok) {
      unreadable ??= { message: `${read.message}，公示时间未能读取，请审核`, window };
      continue;
    }
    let measured: { days: number; enough: boolean };
    try {
      measured = measure(read.from, read.to, need, campaign.publicity.firstDayCounts);
    } catch (error) {
      if (!(error instanceof CalendarYearNotCovered)) throw error;
      unreadable ??= {
        message: `公示时间${read.from}至${read.to}无法按工作日核对（${error.message}），请审核`,
        window,
      };
      continue;
    }
    if (measured.enough) {
      enough = true;
      continue;
    }
    return [
      finding(
        'PUBLICITY_EVIDENCE_MISSING',
        'blocking',
        `内部公示${read.from}至${read.to}仅${measured.days}个工作日，少于${need}个工作日`,
        { file: source.file, field: 'publicity.window', evidence: `${read.from}至${read.to}`, source },
      ),
    ];
  }
  if (enough) return [];
  if (unreadable)
    return review(unreadable.message, unreadable.window.source.file, {
      source: unreadable.window.source,
      ...(unreadable.window.read.written ? { evidence: unreadable.window.read.written } : {}),
    });
  const doc = speaking[0] as ExtractedDocument;
  return review(`公示时间未能读取，请审核（${doc.path}未写明不少于${need}个工作日的公示起止日期）`, doc.path);
}
