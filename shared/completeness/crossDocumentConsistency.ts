import type { Application } from '../application/application.js';
import { sameUnit } from '../application/unitName.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { type Finding, finding } from '../findings/finding.js';
import { toHalfWidth } from '../validation/halfWidth.js';
import { normaliseStandardNumber } from '../validation/standardNumber.js';
import { compactText, documentLines, isImageOnly } from './documentQuality.js';
import { readStandardText } from './standardText.js';

const code = (c: string | undefined) => (c === undefined ? '' : toHalfWidth(c).replace(/\s/g, '').toUpperCase());
const standard = (n: string | undefined) => (n === undefined ? '' : normaliseStandardNumber(n).replace(/\s/g, ''));
const personName = (n: string | undefined) => (n === undefined ? '' : compactText(n));

function differs(
  out: Finding[],
  kind: 'NAME_MISMATCH' | 'CREDIT_CODE_MISMATCH' | 'STANDARD_MISMATCH',
  what: string,
  expected: string | undefined,
  found: string | undefined,
  equal: (a: string, b: string) => boolean,
  doc: ExtractedDocument,
  field: string,
) {
  if (!expected || !found || equal(expected, found)) return;
  out.push(
    finding(kind, 'blocking', `${doc.path}中的${what}“${found}”与申报表“${expected}”不一致`, {
      file: doc.path,
      field,
      evidence: `${found} ≠ ${expected}`,
    }),
  );
}

const sameName = (a: string, b: string) => sameUnit(a, b);
const sameCode = (a: string, b: string) => code(a) === code(b);
const sameStandard = (a: string, b: string) => standard(a) === standard(b);
const samePerson = (a: string, b: string) => personName(a) === personName(b);

/**
 * SPEC §4 cross-document consistency: one organisation name and credit code on every document of an application
 * (forms, the certificate), one person name, and for SI one standard number and name across the 申报书, the standard
 * text and the 申报项目汇总表, every main drafter named in the foreword. `app` is the merged data of the forms (Word
 * first); each other document is compared with it.
 */
export function checkCrossDocument(app: Application, documents: readonly ExtractedDocument[]): Finding[] {
  const out: Finding[] = [];
  for (const doc of documents) {
    const r = doc.records;
    if (app.track === 'QM_ORG' && r.organisation) {
      differs(
        out,
        'NAME_MISMATCH',
        '单位名称',
        app.organisation.name,
        r.organisation.name,
        sameName,
        doc,
        'organisation.name',
      );
      differs(
        out,
        'CREDIT_CODE_MISMATCH',
        '统一社会信用代码',
        app.organisation.creditCode,
        r.organisation.creditCode,
        sameCode,
        doc,
        'organisation.creditCode',
      );
    }
    if (app.track === 'QM_IND' && r.person)
      differs(out, 'NAME_MISMATCH', '姓名', app.person.name, r.person.name, samePerson, doc, 'person.name');
    if (app.track !== 'SI') continue;
    const p = app.project;
    if (r.standardProject) {
      const q = r.standardProject;
      differs(
        out,
        'NAME_MISMATCH',
        '申报单位',
        p.applicant.name,
        q.applicant.name,
        sameName,
        doc,
        'project.applicant.name',
      );
      differs(
        out,
        'CREDIT_CODE_MISMATCH',
        '统一社会信用代码',
        p.applicant.creditCode,
        q.applicant.creditCode,
        sameCode,
        doc,
        'project.applicant.creditCode',
      );
      differs(
        out,
        'STANDARD_MISMATCH',
        '标准编号',
        p.standardNumber,
        q.standardNumber,
        sameStandard,
        doc,
        'project.standardNumber',
      );
      differs(
        out,
        'STANDARD_MISMATCH',
        '标准名称',
        p.standardName,
        q.standardName,
        samePerson,
        doc,
        'project.standardName',
      );
    }
    if (doc.materialType === 'SI_PROJECT_SUMMARY_TABLE' && r.summaryRows && r.summaryRows.length > 0) {
      const row =
        r.summaryRows.find(
          (x) => x.standardNumber && p.standardNumber && sameStandard(x.standardNumber, p.standardNumber),
        ) ??
        r.summaryRows.find((x) => x.name && p.standardName && samePerson(x.name, p.standardName)) ??
        r.summaryRows[0];
      if (row) {
        differs(
          out,
          'STANDARD_MISMATCH',
          '标准编号',
          p.standardNumber,
          row.standardNumber,
          sameStandard,
          doc,
          'project.standardNumber',
        );
        differs(
          out,
          'STANDARD_MISMATCH',
          '标准名称',
          p.standardName,
          row.name,
          samePerson,
          doc,
          'project.standardName',
        );
        differs(
          out,
          'NAME_MISMATCH',
          '申报单位',
          p.applicant.name,
          row.applicantUnit,
          sameName,
          doc,
          'project.applicant.name',
        );
      }
    }
    if (doc.materialType === 'STANDARD_TEXT' && doc.readable && !isImageOnly(doc)) {
      const facts = readStandardText(doc);
      differs(
        out,
        'STANDARD_MISMATCH',
        '标准编号',
        p.standardNumber,
        facts.standardNumber,
        sameStandard,
        doc,
        'project.standardNumber',
      );
      const text = compactText(documentLines(doc).join(''));
      if (p.standardName && !text.includes(compactText(p.standardName)))
        out.push(
          finding('STANDARD_MISMATCH', 'blocking', `标准正式文本中未见申报书所填标准名称“${p.standardName}”`, {
            file: doc.path,
            field: 'project.standardName',
            evidence: p.standardName,
          }),
        );
      if (facts.drafterNames.length === 0)
        out.push(
          finding('DRAFTER_NOT_IN_FOREWORD', 'review', '未能在标准前言中读取主要起草人名单，请人工核对', {
            file: doc.path,
            field: 'project.forewordDrafterNames',
          }),
        );
      else
        p.drafters.forEach((d, i) => {
          if (d.name && !facts.drafterNames.some((n) => samePerson(n, d.name as string)))
            out.push(
              finding('DRAFTER_NOT_IN_FOREWORD', 'blocking', `主要起草人“${d.name}”不在标准前言的起草人名单中`, {
                file: doc.path,
                field: `project.drafters.${i}.name`,
                evidence: facts.drafterNames.join('、'),
              }),
            );
        });
    }
  }
  return out;
}
