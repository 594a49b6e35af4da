import {
  type AdministrativeRank,
  Drafter,
  type Grade,
  Organisation,
  type OwnershipType,
  Person,
  parseAdministrativeRank,
  parseOwnershipType,
  parseStandardType,
  StandardProject,
  type StandardType,
  SummaryTableRow,
} from '../domain/application/index.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import type { MaterialType } from '../domain/materials/materialType.js';
import { parseContributionRate } from '../domain/validation/contributionRate.js';
import { validateCreditCode } from '../domain/validation/creditCode.js';
import { parseDate } from '../domain/validation/dates.js';
import { validateIdNumber } from '../domain/validation/idNumber.js';
import { parseStandardNumber } from '../domain/validation/standardNumber.js';
import { parseYesNo, readChoice, readOneOf } from './checkboxChoice.js';
import type { ApplicationRecords, FieldValue, PageText, Table } from './document.js';
import { type FieldKey, knownOptions } from './formLabels.js';
import { readRecommendationLetter } from './recommendationLetterReader.js';
import { readTableRows } from './tableRows.js';

export { ApplicationRecords } from './document.js';

export interface RecordsResult {
  records: ApplicationRecords;
  findings: Finding[];
}

/** Fields a form must yield; missing ones are FIELD_MISSING (review). */
const requiredFields: Partial<Record<MaterialType, FieldKey[]>> = {
  QM_ORG_APPLICATION_FORM: ['organisationName', 'creditCode'],
  QM_IND_APPLICATION_FORM: ['personName', 'idNumber', 'employer'],
  SI_APPLICATION_FORM: ['standardNumber', 'standardName', 'organisationName'],
};

const fieldNames: Partial<Record<FieldKey, string>> = {
  organisationName: '单位名称',
  creditCode: '统一社会信用代码',
  personName: '姓名',
  idNumber: '身份证号',
  employer: '工作单位',
  standardNumber: '标准编号',
  standardName: '标准名称',
};

/** 标准类别: the one ticked or written on the form, else the type its standard number shows (GB/T → 国家标准 …). */
/** Joint publishers as one form value: 国家市场监督管理总局、国家标准化管理委员会 (or two spaces apart). */
function unitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[、，,；;]|\s{2,}|\u3000/)
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

/** The awards a 获奖情况 field names (2023年吉林省标准创新贡献奖二等奖；…), each with its year; 无 names none. */
function awardList(value: string | undefined): { name: string; year?: string }[] {
  return (value ?? '')
    .split(/[；;。\n]/)
    .map((a) => a.trim())
    .filter((a) => a !== '' && !/^(?:无|暂无|没有|未获奖|\/|—+|-+)$/.test(a))
    .map((name) => ({ name, year: /((?:19|20)\d{2})\s*年/.exec(name)?.[1] }));
}

function standardType(field: FieldValue | undefined, standardNumber: string | undefined): StandardType | undefined {
  const ticked = new Set(field ? readChoice(field.value).selected.map(parseStandardType) : []);
  const declared = ticked.size === 1 ? [...ticked][0] : undefined;
  if (declared) return declared;
  const parsed = parseStandardNumber(standardNumber);
  return parsed.ok ? parsed.standard.type : undefined;
}

/** Reads the typed records of a document according to its material type, with findings for what cannot be read. */
export function readApplicationRecords(
  file: string,
  materialType: MaterialType,
  fields: Partial<Record<FieldKey, FieldValue>>,
  pages: PageText[],
  tables: Table[],
): RecordsResult {
  const findings: Finding[] = [];
  const records: ApplicationRecords = {};
  const text = (key: FieldKey) => fields[key]?.value;
  const date = (key: FieldKey) => {
    const field = fields[key];
    if (!field) return undefined;
    const parsed = parseDate(field.value);
    if (parsed.ok) return parsed.date;
    findings.push(
      finding('FIELD_MISSING', 'review', `${field.label}: ${parsed.message}`, {
        file,
        field: key,
        source: field.source,
      }),
    );
    return undefined;
  };
  for (const key of requiredFields[materialType] ?? [])
    if (!fields[key])
      findings.push(
        finding('FIELD_MISSING', 'review', `form field ${fieldNames[key] ?? key} could not be read`, {
          file,
          field: key,
        }),
      );
  const unclear = (key: FieldKey, what: string) => {
    const field = fields[key] as FieldValue;
    findings.push(
      finding('FIELD_MISSING', 'review', `${field.label}: ${what}`, { file, field: key, source: field.source }),
    );
    return undefined;
  };
  const flag = (key: FieldKey) => {
    const field = fields[key];
    if (!field) return undefined;
    return parseYesNo(field.value) ?? unclear(key, 'no single 是/否 answer is ticked or written');
  };
  /** One option of a tick-box field mapped by `parse`; several ticked options must agree. */
  const option = <T>(key: FieldKey, parse: (text: string) => T | undefined): T | undefined => {
    const field = fields[key];
    if (!field) return undefined;
    const read = new Set(readChoice(field.value, knownOptions(key)).selected.map(parse));
    const value = read.size === 1 ? [...read][0] : undefined;
    return value ?? unclear(key, 'no single recognised option is ticked or written');
  };
  const ownership = () =>
    option<OwnershipType>(
      'ownershipType',
      (t) => parseOwnershipType(t) ?? (/^其他|^其它/.test(t) ? 'OTHER' : undefined),
    );
  const rank = () => option<AdministrativeRank>('administrativeRank', parseAdministrativeRank);
  const creditCodeField = fields.creditCode;
  if (creditCodeField && !validateCreditCode(creditCodeField.value).ok)
    findings.push(
      finding('CREDIT_CODE_INVALID', 'blocking', '统一社会信用代码 is malformed or has a wrong check character', {
        file,
        field: 'creditCode',
        source: creditCodeField.source,
        evidence: creditCodeField.value,
      }),
    );
  const contact = {
    name: text('contactName'),
    phone: text('contactPhone'),
    mobile: text('contactMobile'),
    email: text('contactEmail'),
    address: text('address'),
  };
  const organisation = () =>
    Organisation.parse({
      name: text('organisationName'),
      creditCode: text('creditCode'),
      isLegalPerson: flag('isLegalPerson'),
      legalRepresentative: text('legalRepresentative'),
      establishedDate: date('establishedDate'),
      ownershipType: ownership(),
      isHeadquartersOrGroup: flag('isHeadquartersOrGroup'),
      isFourNew: flag('isFourNew'),
      isSpecialisedSme: flag('isSpecialisedSme'),
      administrativeRank: rank(),
      headIsAuditSubject: flag('auditSubject'),
      declaredIncidents:
        flag('declaredAccident') === true ? [{ kind: 'ACCIDENT', description: fields.declaredAccident?.label }] : [],
      industry: text('industry'),
      address: text('address'),
      contact,
    });

  switch (materialType) {
    case 'QM_ORG_APPLICATION_FORM':
    case 'CREDIT_CODE_CERTIFICATE':
      records.organisation = organisation();
      break;
    case 'QM_IND_APPLICATION_FORM': {
      const idField = fields.idNumber;
      if (idField) {
        const id = validateIdNumber(idField.value);
        if (!id.ok)
          findings.push(
            finding('ID_NUMBER_INVALID', 'blocking', `身份证号 invalid (${id.reason})`, {
              file,
              field: 'idNumber',
              source: idField.source,
              evidence: id.masked,
            }),
          );
      }
      records.person = Person.parse({
        name: text('personName'),
        idNumber: text('idNumber'),
        employer: text('employer') ?? text('organisationName'),
        employerCreditCode: text('creditCode'),
        employerOwnershipType: ownership(),
        position: text('position'),
        administrativeRank: rank(),
        isHead: flag('isHead'),
        isLegalRepresentative: flag('isLegalRepresentative'),
        isAuditSubject: flag('auditSubject'),
        isRegulatorStaff: flag('isRegulatorStaff'),
        isUnitedFrontFigure: flag('isUnitedFrontFigure'),
        qualityWorkStartDate: date('qualityWorkStartDate'),
        jilinQualityWorkStartDate: date('jilinQualityWorkStartDate'),
        contact,
      });
      break;
    }
    case 'SI_APPLICATION_FORM': {
      const numberField = fields.standardNumber;
      if (numberField) {
        const parsed = parseStandardNumber(numberField.value);
        if (!parsed.ok)
          findings.push(
            finding('STANDARD_NUMBER_INVALID', 'blocking', parsed.message, {
              file,
              field: 'standardNumber',
              source: numberField.source,
              evidence: numberField.value,
            }),
          );
      }
      const drafters = readTableRows(file, tables, pages)
        .filter((row) => row.values.contributionRate || row.values.unit)
        .map((row) => {
          const rateCell = row.values.contributionRate;
          let contributionRate: number | undefined;
          if (rateCell) {
            const rate = parseContributionRate(rateCell.text);
            if (rate.ok) contributionRate = rate.percent;
            else
              findings.push(
                finding('FIELD_MISSING', 'review', `贡献率: ${rate.message}`, {
                  file,
                  field: 'contributionRate',
                  source: rateCell.source,
                }),
              );
          }
          return Drafter.parse({
            name: row.values.name?.text,
            unit: row.values.unit?.text,
            position: row.values.position?.text,
            contributionRate,
            workContent: row.values.workContent?.text,
          });
        });
      const gradeField = fields.requestedGrade;
      const grade = gradeField
        ? readOneOf<Grade>(gradeField.value, {
            FIRST: ['一等奖', '一等', '1等奖'],
            SECOND: ['二等奖', '二等', '2等奖'],
            THIRD: ['三等奖', '三等', '3等奖'],
          })
        : undefined;
      if (grade && grade.value === undefined) unclear('requestedGrade', grade.why);
      records.standardProject = StandardProject.parse({
        standardNumber: text('standardNumber'),
        standardName: text('standardName'),
        publicationDate: date('publicationDate'),
        implementationDate: date('implementationDate'),
        publicDeclarationDate: date('publicDeclarationDate'),
        declaredType: standardType(fields.standardType, text('standardNumber')),
        filingNumber: text('filingNumber'),
        publishers: unitList(text('publishers')),
        previousAwards: awardList(text('previousAwards')),
        requestedGrade: grade?.value,
        applicant: organisation(),
        drafters,
      });
      break;
    }
    case 'RECOMMENDATION_LETTER':
      records.recommendationLetter = readRecommendationLetter(pages, text('recommendingUnit'));
      break;
    case 'QM_SUMMARY_TABLE':
    case 'SI_PROJECT_SUMMARY_TABLE':
    case 'SI_RECOMMENDATION_SUMMARY_TABLE':
      records.summaryRows = readTableRows(file, tables, pages).map((row) => {
        const rank = Number.parseInt(row.values.rank?.text ?? '', 10);
        return SummaryTableRow.parse({
          rank: Number.isInteger(rank) && rank > 0 ? rank : undefined,
          name: row.values.name?.text,
          creditCode: row.values.creditCode?.text,
          standardNumber: row.values.standardNumber?.text,
          applicantUnit: row.values.applicantUnit?.text,
          source: row.source,
        });
      });
      break;
    default:
      break;
  }
  return { records, findings };
}
