import type { Application } from '../domain/application/application.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { Track } from '../domain/track/track.js';
import { maskIdNumber } from '../domain/validation/idNumber.js';
import type { ExtractedDocument } from '../extraction/document.js';
import {
  type ApplicationFacts,
  dateFacts,
  type Fact,
  type FactKey,
  factFields,
  factsOf,
  placeOf,
} from './applicationFacts.js';
import { compactText, documentLines, isImageOnly } from './documentQuality.js';
import { readStandardText } from './standardText.js';

const personName = (n: string | undefined) => (n === undefined ? '' : compactText(n));
const samePerson = (a: string, b: string) => personName(a) === personName(b);

interface Compared {
  code: 'NAME_MISMATCH' | 'CREDIT_CODE_MISMATCH' | 'STANDARD_MISMATCH' | 'ID_NUMBER_MISMATCH' | 'DATE_MISMATCH';
  what: string;
}

/** The facts compared across the documents of an application, per track (SPEC §4; issue 13 item 4). */
const compared: Record<Track, Partial<Record<FactKey, Compared>>> = {
  QM_ORG: {
    organisationName: { code: 'NAME_MISMATCH', what: '单位名称' },
    creditCode: { code: 'CREDIT_CODE_MISMATCH', what: '统一社会信用代码' },
    establishedDate: { code: 'DATE_MISMATCH', what: '成立时间' },
  },
  QM_IND: {
    personName: { code: 'NAME_MISMATCH', what: '姓名' },
    idNumber: { code: 'ID_NUMBER_MISMATCH', what: '身份证号' },
    creditCode: { code: 'CREDIT_CODE_MISMATCH', what: '工作单位统一社会信用代码' },
    qualityWorkStartDate: { code: 'DATE_MISMATCH', what: '从事质量工作时间' },
    jilinQualityWorkStartDate: { code: 'DATE_MISMATCH', what: '在吉林省从事质量工作时间' },
  },
  SI: {
    organisationName: { code: 'NAME_MISMATCH', what: '申报单位' },
    creditCode: { code: 'CREDIT_CODE_MISMATCH', what: '统一社会信用代码' },
    standardNumber: { code: 'STANDARD_MISMATCH', what: '标准编号' },
    standardName: { code: 'STANDARD_MISMATCH', what: '标准名称' },
    publicationDate: { code: 'DATE_MISMATCH', what: '发布日期' },
    implementationDate: { code: 'DATE_MISMATCH', what: '实施日期' },
    publicDeclarationDate: { code: 'DATE_MISMATCH', what: '公开声明日期' },
  },
};

/** Values the summary-table check compares already (SUMMARY_TABLE_MISMATCH) and OCR'd certificates (certificate check). */
function comparedElsewhere(f: Fact): boolean {
  if (f.material === 'QM_SUMMARY_TABLE' && f.key === 'creditCode') return true;
  if (f.material === 'SI_RECOMMENDATION_SUMMARY_TABLE' && f.key === 'standardNumber') return true;
  return f.material === 'CREDIT_CODE_CERTIFICATE' && f.tier === 'ocr';
}

function agree(a: Fact, b: Fact): boolean {
  if (dateFacts.has(a.key) && (a.precision === 'month' || b.precision === 'month'))
    return a.typed.slice(0, 7) === b.typed.slice(0, 7);
  return a.typed === b.typed;
}

/** Which part of two ID numbers differs, since both are shown masked. */
function idDifference(a: string, b: string): string {
  if (a.length !== b.length) return '位数不同';
  const parts: [string, number, number][] = [
    ['地址码', 0, 6],
    ['出生日期', 6, 14],
    ['顺序码', 14, 17],
    ['校验码', 17, 18],
  ];
  const differ = parts.filter(([, from, to]) => a.slice(from, to) !== b.slice(from, to)).map(([name]) => name);
  return differ.length > 0 ? `${differ.join('、')}不同` : '不同';
}

const shown = (f: Fact) => (f.key === 'idNumber' ? maskIdNumber(f.value) : f.value);
const at = (f: Fact) => [f.source.file, placeOf(f.source)].filter(Boolean).join(' ');
const where = (f: Fact) => {
  const place = placeOf(f.source);
  return place ? `${f.source.file}（${place}）` : f.source.file;
};

/**
 * Two documents of one application that state a credit code, ID number, name, standard number or date differently:
 * each document whose value differs from the best one (the form's, else the next in trust) gets a finding naming both
 * documents and places, on the differing document. Values are compared normalised (full-width folded, spaces out,
 * unit names as `sameUnit`, standard numbers canonical, X in ID numbers in either case, a month-only date against any
 * day of its month); a value that is merely absent is never compared. ID numbers are shown masked. A disagreement
 * that involves OCR'd text, and any date, is for review; the others block.
 */
function factDisagreements(facts: ApplicationFacts): Finding[] {
  const out: Finding[] = [];
  for (const [key, c] of Object.entries(compared[facts.track]) as [FactKey, Compared][]) {
    const list = factsOf(facts, key).filter((f) => !comparedElsewhere(f));
    const reference = list[0];
    if (!reference) continue;
    for (const other of list.slice(1)) {
      if (other.source.file === reference.source.file || agree(reference, other)) continue;
      const ocr = other.tier === 'ocr' || reference.tier === 'ocr';
      const severity = c.code === 'DATE_MISMATCH' || ocr ? 'review' : 'blocking';
      const hint = key === 'idNumber' ? `（${idDifference(other.typed, reference.typed)}）` : '';
      out.push(
        finding(
          c.code,
          severity,
          `${where(other)}的${c.what}“${shown(other)}”与${where(reference)}的“${shown(reference)}”不一致${hint}`,
          {
            file: other.source.file,
            field: factFields[facts.track][key],
            source: other.source,
            evidence: `${shown(other)}（${at(other)}） ≠ ${shown(reference)}（${at(reference)}）`,
          },
        ),
      );
    }
  }
  return out;
}

/**
 * SPEC §4 cross-document consistency: one organisation name and credit code on every document of an application,
 * one person name and ID number, one standard number and name across the 申报书, the standard text and the 汇总表,
 * and the same dates (`facts`: what every document of the application states, see `gatherApplicationFacts`); the
 * standard text carries the standard's name and names every main drafter in its foreword.
 */
export function checkCrossDocument(
  app: Application,
  documents: readonly ExtractedDocument[],
  facts: ApplicationFacts,
): Finding[] {
  const out: Finding[] = factDisagreements(facts);
  if (app.track !== 'SI') return out;
  const p = app.project;
  for (const doc of documents) {
    if (doc.materialType === 'STANDARD_TEXT' && doc.readable && !isImageOnly(doc)) {
      const foreword = readStandardText(doc);
      const text = compactText(documentLines(doc).join(''));
      if (p.standardName && !text.includes(compactText(p.standardName)))
        out.push(
          finding('STANDARD_MISMATCH', 'blocking', `标准正式文本中未见申报书所填标准名称“${p.standardName}”`, {
            file: doc.path,
            field: 'project.standardName',
            evidence: p.standardName,
          }),
        );
      if (foreword.drafterNames.length === 0)
        out.push(
          finding('DRAFTER_NOT_IN_FOREWORD', 'review', '未能在标准前言中读取主要起草人名单，请人工核对', {
            file: doc.path,
            field: 'project.forewordDrafterNames',
          }),
        );
      else
        p.drafters.forEach((d, i) => {
          if (d.name && !foreword.drafterNames.some((n) => samePerson(n, d.name as string)))
            out.push(
              finding('DRAFTER_NOT_IN_FOREWORD', 'blocking', `主要起草人“${d.name}”不在标准前言的起草人名单中`, {
                file: doc.path,
                field: `project.drafters.${i}.name`,
                evidence: foreword.drafterNames.join('、'),
              }),
            );
        });
    }
  }
  return out;
}
