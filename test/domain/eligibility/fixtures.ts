import { Application } from '../../../shared/domain/application/application.js';
import { creditCodeCheckCharacter } from '../../../shared/domain/validation/creditCode.js';
import { idNumberCheckCharacter } from '../../../shared/domain/validation/idNumber.js';

/** A valid 统一社会信用代码; `kind` 91 = enterprise, 92 = 个体工商户. */
export function creditCode(division: string, body = 'MA0Y1234X', kind = '91'): string {
  const first17 = `${kind}${division}${body}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

export function idNumber(area: string, birth: string, sequence = '123'): string {
  const first17 = `${area}${birth}${sequence}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

export const validOrg = {
  name: '吉林某某装备制造有限公司',
  creditCode: creditCode('220101'),
  isLegalPerson: true,
  establishedDate: '2010-05-01',
  ownershipType: 'NON_PUBLIC',
  administrativeRank: 'NONE',
  declaredIncidents: [],
} as const;

export const validPerson = {
  name: '张三',
  idNumber: idNumber('220102', '19800101'),
  employer: '吉林某某装备制造有限公司',
  employerCreditCode: creditCode('220101'),
  administrativeRank: 'COUNTY_CHIEF',
  qualityWorkStartDate: '2010-03-01',
  jilinQualityWorkStartDate: '2018-03-01',
  isRegulatorStaff: false,
} as const;

export const validProject = {
  standardNumber: 'GB/T 12345-2020',
  standardName: '玉米收获机 作业质量',
  implementationDate: '2021-01-01',
  applicant: { ...validOrg, name: '吉林大学' },
  draftingUnits: ['吉林大学', '吉林某某装备制造有限公司'],
  requestedGrade: 'SECOND',
  drafters: [
    { name: '甲', unit: '吉林大学', contributionRate: 35 },
    { name: '乙', unit: '吉林大学', contributionRate: 25 },
    { name: '丙', unit: '吉林某某装备制造有限公司', contributionRate: 20 },
    { name: '丁', unit: '吉林某某装备制造有限公司', contributionRate: 10 },
    { name: '戊', unit: '吉林大学', contributionRate: 10 },
  ],
} as const;

type Patch = Record<string, unknown>;

export const qmOrg = (patch: Patch = {}) =>
  Application.parse({ track: 'QM_ORG', organisation: { ...validOrg, ...patch } });
export const qmInd = (patch: Patch = {}) =>
  Application.parse({ track: 'QM_IND', person: { ...validPerson, ...patch } });
export const si = (patch: Patch = {}) => Application.parse({ track: 'SI', project: { ...validProject, ...patch } });

/** The valid code with its check character replaced by another one of the alphabet. */
export function withWrongCheck(code: string): string {
  return `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
}
