import type { Application } from '../domain/application/application.js';
import { parseOwnershipType } from '../domain/application/ownershipType.js';
import { normaliseUnitName } from '../domain/application/unitName.js';
import { departmentOf } from '../domain/consultation/department.js';
import type { SourceRef } from '../domain/findings/finding.js';
import type { MaterialType } from '../domain/materials/materialType.js';
import type { Track } from '../domain/track/track.js';
import { validateCreditCode } from '../domain/validation/creditCode.js';
import { parseDate } from '../domain/validation/dates.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import { validateIdNumber } from '../domain/validation/idNumber.js';
import { normaliseStandardNumber, parseStandardNumber } from '../domain/validation/standardNumber.js';
import { readChoice } from '../extraction/checkboxChoice.js';
import type { ExtractedDocument, FieldValue, PageText } from '../extraction/document.js';
import { readFormFields, tableGrid } from '../extraction/formFields.js';
import { columnOfLabel, fieldOfLabel, knownOptions } from '../extraction/formLabels.js';
import { anchorMaterial } from './applicationAnchor.js';
import { isImageOnly, isWordFile } from './documentQuality.js';
import type { DocumentGroup } from './groupDocuments.js';
import { readStandardText } from './standardText.js';

/** The facts about an application that its documents state, whichever document states them. */
export const factKeys = [
  'organisationName',
  'creditCode',
  'personName',
  'idNumber',
  'employer',
  'qualityWorkStartDate',
  'jilinQualityWorkStartDate',
  'establishedDate',
  'ownershipType',
  'standardNumber',
  'standardName',
  'publicationDate',
  'implementationDate',
  'publicDeclarationDate',
  'filingNumber',
] as const;
export type FactKey = (typeof factKeys)[number];

export const dateFacts = new Set<FactKey>([
  'qualityWorkStartDate',
  'jilinQualityWorkStartDate',
  'establishedDate',
  'publicationDate',
  'implementationDate',
  'publicDeclarationDate',
]);

/**
 * Where a fact stands in the order of trust: the application form (Word, then text PDF, then scan), then the other
 * typed documents of the application, then the recommending unit's (or the project's) summary table, then OCR'd text.
 */
export type FactTier = 'form' | 'document' | 'summaryTable' | 'ocr';

export interface Fact {
  key: FactKey;
  /** As written (trimmed). */
  value: string;
  /** The value as compared and used: ISO date, canonical standard number, upper-case code, ownership enum … */
  typed: string;
  /** Dates: a month-only date (2015年3月) matches any day of that month. */
  precision?: 'day' | 'month';
  label: string;
  source: SourceRef;
  material: MaterialType;
  tier: FactTier;
  /** Lower wins: 0 form Word, 1 form PDF, 2 form scan, 3 other typed document, 4 summary table, 5 OCR'd text. */
  rank: number;
}

export interface ApplicationFacts {
  track: Track;
  /** Every fact read, at most one per (document, key), best first. */
  facts: Fact[];
}

/** The facts each track's application has. */
const trackKeys: Record<Track, readonly FactKey[]> = {
  QM_ORG: ['organisationName', 'creditCode', 'establishedDate', 'ownershipType'],
  QM_IND: [
    'personName',
    'idNumber',
    'employer',
    'creditCode',
    'qualityWorkStartDate',
    'jilinQualityWorkStartDate',
    'ownershipType',
  ],
  SI: [
    'standardNumber',
    'standardName',
    'organisationName',
    'creditCode',
    'publicationDate',
    'implementationDate',
    'publicDeclarationDate',
    'filingNumber',
    'ownershipType',
  ],
};

/** What a person's other documents (主要成绩, the employer's opinion) state: the individual's facts. */
const individualFacts = trackKeys.QM_IND;
const standardOnly: readonly FactKey[] = ['standardNumber', 'standardName'];

/**
 * What a material other than the form says about the application's own subject. Other values it carries belong to
 * someone else (the evaluator of a 审定结论, the waiving unit of a 放弃申报声明, an SI drafter's unit on that
 * drafter's 征求意见表, the unit of a 脱密审核同意书 whose owner is decided elsewhere), so they are not read.
 */
const materialKeys: Partial<Record<MaterialType, Partial<Record<Track, readonly FactKey[]>>>> = {
  CREDIT_CODE_CERTIFICATE: { QM_ORG: ['organisationName', 'creditCode', 'establishedDate'] },
  SELF_EVALUATION_REPORT: { QM_ORG: ['organisationName', 'creditCode'] },
  ORGANISATION_CHART: { QM_ORG: ['organisationName'] },
  PUBLICITY_EVIDENCE: {
    QM_ORG: ['organisationName', 'creditCode'],
    QM_IND: ['personName', 'idNumber', 'employer'],
  },
  CONSULTATION_FORM: {
    QM_ORG: ['organisationName', 'creditCode'],
    QM_IND: ['personName', 'idNumber', 'employer', 'creditCode', 'qualityWorkStartDate', 'jilinQualityWorkStartDate'],
    SI: standardOnly,
  },
  ACHIEVEMENTS: { QM_IND: individualFacts },
  EMPLOYER_RECOMMENDATION: { QM_IND: individualFacts },
  SI_MATERIAL_LIST: { SI: [...standardOnly, 'organisationName'] },
  STANDARD_TEXT: { SI: ['standardNumber', 'publicationDate', 'implementationDate'] },
  LEVEL_EVIDENCE: { SI: standardOnly },
  BENEFIT_EVIDENCE: { SI: standardOnly },
  SI_SUPPORTING_MATERIAL: { SI: standardOnly },
  DRAFTER_SELECTION_EVIDENCE: { SI: standardOnly },
  WAIVER_DECLARATION: { SI: standardOnly },
};

/** Summary tables whose row of the application is read: the recommending unit's, and the SI project's own 附件5. */
const summaryTables: Record<Track, readonly MaterialType[]> = {
  QM_ORG: ['QM_SUMMARY_TABLE'],
  QM_IND: ['QM_SUMMARY_TABLE'],
  SI: ['SI_RECOMMENDATION_SUMMARY_TABLE', 'SI_PROJECT_SUMMARY_TABLE'],
};

const subjectName: Record<Track, FactKey> = { QM_ORG: 'organisationName', QM_IND: 'personName', SI: 'standardName' };

const compact = (text: string) => toHalfWidth(text).replace(/[\s\u3000]/g, '');
const title = (text: string) => compact(text).replace(/[《》〈〉“”"'‘’]/g, '');
const code = (text: string) => compact(text).toUpperCase();
const standardKey = (text: string) => {
  const parsed = parseStandardNumber(text);
  return (parsed.ok ? parsed.standard.canonical : normaliseStandardNumber(text)).replace(/\s/g, '');
};

/**
 * Outside the form a value must look like its fact, since a table's header row or a department's row may sit next to
 * a label: a unit name ends as unit names do, a person's name is a few Han characters (or a Latin name).
 */
const unitSuffix =
  /(公司|厂|院|所|局|中心|集团|总部|协会|学会|商会|联合会|研究会|大学|学校|学院|医院|委员会|站|社|行|部|处|馆|店|场|矿|队|台|室|办|会|园|基地|企业|单位|合作社|事务所)$/;
const personShape = /^([\u3400-\u9fff][\u3400-\u9fff·•]{1,7}|[A-Za-z][A-Za-z .'-]{1,40})$/;
const notPerson = /(公司|集团|协会|学会|商会|大学|学校|学院|医院|委员会|中心|研究院|研究所|部门|单位|意见|日期|盖章)$/;
/** `（盖章）` after a unit on a seal line. */
const sealNote = /[（(][^（）()]*(?:章|签字|签名)[^（）()]*[）)]\s*$/;

interface Typed {
  typed: string;
  precision?: 'day' | 'month';
}

/**
 * The typed form of a value, or undefined when it does not read as one. Values of the form are taken as written (its
 * rules report what is wrong with them); values of other documents must have the shape of their fact, and OCR'd
 * codes and ID numbers must pass their check character (an OCR misreading is never a fact).
 */
function typedValue(key: FactKey, value: string, strict: 'form' | 'shape' | 'checked'): Typed | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  switch (key) {
    case 'creditCode': {
      const c = code(v);
      if (strict === 'form') return { typed: c };
      if (!/^[0-9A-Z]{18}$/.test(c)) return undefined;
      return strict === 'checked' && !validateCreditCode(c).ok ? undefined : { typed: c };
    }
    case 'idNumber': {
      const c = code(v);
      if (strict === 'form') return { typed: c };
      if (!/^(\d{17}[\dX]|\d{15})$/.test(c)) return undefined;
      return strict === 'checked' && !validateIdNumber(c).ok ? undefined : { typed: c };
    }
    case 'standardNumber': {
      if (strict !== 'form' && !parseStandardNumber(v).ok) return undefined;
      return { typed: standardKey(v) };
    }
    case 'ownershipType': {
      const read = new Set(readChoice(v, knownOptions('ownershipType')).selected.map((o) => parseOwnershipType(o)));
      const only = read.size === 1 ? [...read][0] : undefined;
      return only ? { typed: only } : undefined;
    }
    case 'organisationName':
    case 'employer': {
      if (strict === 'form') return v.length <= 60 ? { typed: normaliseUnitName(v) } : undefined;
      const unit = v.replace(sealNote, '').trim();
      return unit.length <= 60 && unitSuffix.test(compact(unit)) ? { typed: normaliseUnitName(unit) } : undefined;
    }
    case 'personName': {
      const name = compact(v);
      if (strict === 'form') return v.length <= 20 && !/[，。,;；：:]/.test(v) ? { typed: name } : undefined;
      return personShape.test(name) && !notPerson.test(name) ? { typed: name } : undefined;
    }
    case 'standardName':
      return v.length <= 100 ? { typed: title(v) } : undefined;
    case 'filingNumber':
      return { typed: code(v) };
    default: {
      const parsed = parseDate(v);
      return parsed.ok ? { typed: parsed.date, precision: parsed.precision } : undefined;
    }
  }
}

/** The field of a document that states a fact; an individual's employer may be labelled 单位名称. */
function fieldFor(fields: Record<string, FieldValue>, key: FactKey, track: Track): FieldValue | undefined {
  if (key === 'employer' && track === 'QM_IND') return fields.employer ?? fields.organisationName;
  return fields[key];
}

const ocrPage = (doc: ExtractedDocument, source: SourceRef) =>
  isImageOnly(doc) || (source.page !== undefined && doc.needsOcr.includes(source.page));

/** The document's fields, with those of its OCR'd pages when the extractor read none there. */
function fieldsOf(doc: ExtractedDocument): Record<string, FieldValue> {
  const ocrPages: PageText[] = doc.pages.filter((p) => doc.needsOcr.includes(p.page) && p.lines.length > 0);
  if (ocrPages.length === 0) return doc.fields;
  return { ...readFormFields(doc.path, ocrPages, []), ...doc.fields };
}

function formRank(doc: ExtractedDocument, source: SourceRef): number {
  if (ocrPage(doc, source)) return 2;
  return isWordFile(doc) ? 0 : 1;
}

interface Candidate {
  key: FactKey;
  value: string;
  label: string;
  source: SourceRef;
}

const coverDate = '\\d{4}\\s*[-.年/]\\s*\\d{1,2}\\s*[-.月/]\\s*\\d{1,2}\\s*日?';
const coverLine = new RegExp(`(${coverDate})\\s*发布\\s*(${coverDate})\\s*实施`);

/** A standard text's cover: `2021-05-21发布  2021-12-01实施` (the text already NFKC-folded or half-width). */
function coverDates(doc: ExtractedDocument): Candidate[] {
  const out: Candidate[] = [];
  for (const page of doc.pages.slice(0, 1))
    page.lines.forEach((line, i) => {
      const m = coverLine.exec(toHalfWidth(line));
      if (!m) return;
      const source = { file: doc.path, page: page.page, line: i + 1 };
      out.push({ key: 'publicationDate', value: m[1] as string, label: '发布', source });
      out.push({ key: 'implementationDate', value: m[2] as string, label: '实施', source });
    });
  return out;
}

function documentCandidates(doc: ExtractedDocument, keys: readonly FactKey[], track: Track): Candidate[] {
  const fields = fieldsOf(doc);
  const out: Candidate[] = [];
  for (const key of keys) {
    const field = fieldFor(fields, key, track);
    // A 征求意见表's unit cell may be a consulted department's row, not the subject's unit.
    const department =
      doc.materialType === 'CONSULTATION_FORM' &&
      (key === 'organisationName' || key === 'employer') &&
      field !== undefined &&
      departmentOf(field.value) !== undefined;
    if (field && !department) out.push({ key, value: field.value, label: field.label, source: field.source });
  }
  if (doc.materialType === 'STANDARD_TEXT' && !isImageOnly(doc)) {
    const number = readStandardText(doc).standardNumber;
    if (number && keys.includes('standardNumber') && !out.some((c) => c.key === 'standardNumber'))
      out.push({ key: 'standardNumber', value: number, label: '标准编号', source: { file: doc.path, page: 1 } });
    for (const c of coverDates(doc)) if (keys.includes(c.key) && !out.some((o) => o.key === c.key)) out.push(c);
  }
  return out;
}

/** The header of a summary table column as a fact of the track. */
function columnFact(text: string, track: Track): FactKey | undefined {
  const field = fieldOfLabel(text) as string | undefined;
  if (field === 'organisationName' && track === 'QM_IND') return 'employer';
  if (field && (factKeys as readonly string[]).includes(field)) return field as FactKey;
  switch (columnOfLabel(text)) {
    case 'name':
      // In an SI table a bare 名称 / 起草人 column may name drafters; the standard's own column is labelled.
      return track === 'SI' ? undefined : subjectName[track];
    case 'creditCode':
      return 'creditCode';
    case 'standardNumber':
      return 'standardNumber';
    case 'applicantUnit':
      return track === 'SI' ? 'organisationName' : undefined;
    case 'unit':
      return track === 'QM_IND' ? 'employer' : undefined;
    default:
      return undefined;
  }
}

/** Rows of the tables of a summary table, by the facts their header names; 合计 and empty rows left out. */
function summaryRows(doc: ExtractedDocument, track: Track): Candidate[][] {
  const rows: Candidate[][] = [];
  for (const table of doc.tables) {
    const grid = tableGrid(table);
    const headerAt = grid.findIndex(
      (row) =>
        new Set(
          row
            .filter(Boolean)
            .map((c) => columnFact(c.text, track))
            .filter(Boolean),
        ).size >= 2,
    );
    if (headerAt < 0) continue;
    const header = (grid[headerAt] ?? []).map((c) => (c ? columnFact(c.text, track) : undefined));
    for (let r = headerAt + 1; r < grid.length; r++) {
      const row = grid[r] ?? [];
      if (row.some((c) => c && /^合\s*计|^总\s*计/.test(c.text.trim()))) continue;
      const values: Candidate[] = [];
      row.forEach((cell, c) => {
        let key = header[c];
        const text = cell?.text.replace(/\s+/g, ' ').trim();
        if (!key || !cell || !text || cell.row !== r) return;
        // One column for 统一社会信用代码（身份证号）: an individual's row holds an ID number.
        if (key === 'creditCode' && validateIdNumber(text).ok) key = 'idNumber';
        if (values.some((v) => v.key === key)) return;
        const source = { file: doc.path, table: table.index, row: cell.row, cell: cell.cell };
        values.push({ key, value: text, label: (grid[headerAt]?.[c]?.text ?? '').trim(), source });
      });
      if (values.length > 0) rows.push(values);
    }
  }
  if (rows.length === 0)
    for (const row of doc.records.summaryRows ?? []) {
      const source = row.source ?? { file: doc.path };
      const values: Candidate[] = [];
      const add = (key: FactKey | undefined, value: string | undefined, label: string) => {
        if (key && value) values.push({ key, value, label, source });
      };
      add(subjectName[track], row.name, '名称');
      add('creditCode', row.creditCode, '统一社会信用代码');
      add('standardNumber', row.standardNumber, '标准编号');
      add(track === 'SI' ? 'organisationName' : undefined, row.applicantUnit, '申报单位');
      if (values.length > 0) rows.push(values);
    }
  return rows;
}

/**
 * The row of the application: one that shares an ID number, credit code or standard number with its documents, else
 * the only one that carries its name; in the project's own 申报项目汇总表, its only row.
 */
function rowOfApplication(rows: Candidate[][], known: readonly Fact[], track: Track, own: boolean) {
  const typedOf = (c: Candidate) => typedValue(c.key, c.value, 'shape')?.typed;
  const has = (key: FactKey, typed: string | undefined) =>
    typed !== undefined && known.some((f) => f.key === key && f.typed === typed);
  const strong = rows.filter((row) =>
    row.some((c) => ['idNumber', 'creditCode', 'standardNumber'].includes(c.key) && has(c.key, typedOf(c))),
  );
  if (strong.length === 1) return strong[0];
  if (strong.length > 1) return undefined;
  const named = rows.filter((row) => row.some((c) => c.key === subjectName[track] && has(c.key, typedOf(c))));
  if (named.length === 1) return named[0];
  return own && rows.length === 1 ? rows[0] : undefined;
}

const tierRank: Record<Exclude<FactTier, 'form'>, number> = { document: 3, summaryTable: 4, ocr: 5 };

/**
 * Every fact the documents of one application state (SPEC §4 cross-document consistency; issue 13 item 4): the form's
 * fields, the fields of the application's other documents (only the facts each material states about the subject),
 * the standard text's number and cover dates, and the row of the application in the summary tables (`unitDocuments`:
 * the recommending unit's own materials). Each fact keeps its value, its place and its rank of trust.
 */
export function gatherApplicationFacts(
  group: DocumentGroup,
  unitDocuments: readonly ExtractedDocument[] = [],
): ApplicationFacts {
  const track = group.track;
  const wanted = trackKeys[track];
  const facts: Fact[] = [];
  const add = (doc: ExtractedDocument, c: Candidate, tier: FactTier, rank: number) => {
    if (!wanted.includes(c.key) || facts.some((f) => f.key === c.key && f.source.file === doc.path)) return;
    const strict = tier === 'form' ? 'form' : tier === 'ocr' ? 'checked' : 'shape';
    const typed = typedValue(c.key, c.value, strict);
    if (!typed) return;
    facts.push({ ...c, value: c.value.trim(), ...typed, material: doc.materialType, tier, rank });
  };
  for (const doc of group.documents) {
    if (!doc.readable) continue;
    if (doc.materialType === anchorMaterial[track]) {
      for (const c of documentCandidates(doc, wanted, track)) add(doc, c, 'form', formRank(doc, c.source));
      continue;
    }
    const keys = materialKeys[doc.materialType]?.[track];
    if (!keys) continue;
    for (const c of documentCandidates(doc, keys, track)) {
      const tier = ocrPage(doc, c.source) ? 'ocr' : 'document';
      add(doc, c, tier, tierRank[tier]);
    }
  }
  const known = [...facts];
  const tables = [...group.documents, ...unitDocuments].filter(
    (d) => d.readable && summaryTables[track].includes(d.materialType),
  );
  for (const doc of tables) {
    const own = group.documents.includes(doc);
    const row = rowOfApplication(summaryRows(doc, track), known, track, own);
    for (const c of row ?? []) {
      const tier = ocrPage(doc, c.source) ? 'ocr' : 'summaryTable';
      add(doc, c, tier, tierRank[tier]);
    }
  }
  facts.sort((a, b) => a.rank - b.rank || (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0));
  return { track, facts };
}

export function factsOf(facts: ApplicationFacts, key: FactKey): Fact[] {
  return facts.facts.filter((f) => f.key === key);
}

export function bestFact(facts: ApplicationFacts, key: FactKey): Fact | undefined {
  return facts.facts.find((f) => f.key === key);
}

/** The application field (as rules and findings name it) of each fact, per track. */
export const factFields: Record<Track, Partial<Record<FactKey, string>>> = {
  QM_ORG: {
    organisationName: 'organisation.name',
    creditCode: 'organisation.creditCode',
    establishedDate: 'organisation.establishedDate',
    ownershipType: 'organisation.ownershipType',
  },
  QM_IND: {
    personName: 'person.name',
    idNumber: 'person.idNumber',
    employer: 'person.employer',
    creditCode: 'person.employerCreditCode',
    qualityWorkStartDate: 'person.qualityWorkStartDate',
    jilinQualityWorkStartDate: 'person.jilinQualityWorkStartDate',
    ownershipType: 'person.employerOwnershipType',
  },
  SI: {
    standardNumber: 'project.standardNumber',
    standardName: 'project.standardName',
    organisationName: 'project.applicant.name',
    creditCode: 'project.applicant.creditCode',
    publicationDate: 'project.publicationDate',
    implementationDate: 'project.implementationDate',
    publicDeclarationDate: 'project.publicDeclarationDate',
    filingNumber: 'project.filingNumber',
    ownershipType: 'project.applicant.ownershipType',
  },
};

/**
 * The fact an application field was taken from, e.g. `person.qualityWorkStartDate` → the 从事质量工作时间 that was
 * used: the best fact whose value is the one the application holds.
 */
export function factOfField(facts: ApplicationFacts, app: Application, field: string | undefined): Fact | undefined {
  if (field === undefined) return undefined;
  const used = field
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), app);
  if (used === undefined || used === null || typeof used === 'object') return undefined;
  const entry = Object.entries(factFields[facts.track]).find(([, path]) => path === field);
  if (!entry) return undefined;
  const key = entry[0] as FactKey;
  const value = String(used);
  const typed = key === 'ownershipType' || dateFacts.has(key) ? value : typedValue(key, value, 'form')?.typed;
  return factsOf(facts, key).find((f) => f.typed === typed);
}

/** The place of a fact in words: 第2页第5行, 表1第3行第2格. */
export function placeOf(source: SourceRef): string {
  if (source.table !== undefined) {
    const row = source.row !== undefined ? `第${source.row + 1}行` : '';
    const cell = source.cell !== undefined ? `第${source.cell + 1}格` : '';
    return `表${source.table + 1}${row}${cell}`;
  }
  const page = source.page !== undefined ? `第${source.page}页` : '';
  const line = source.line !== undefined ? `第${source.line}行` : '';
  return `${page}${line}`;
}
