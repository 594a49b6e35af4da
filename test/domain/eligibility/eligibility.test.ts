import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application/application.js';
import { loadCampaign } from '../../../shared/domain/campaign/loadCampaign.js';
import { checkEligibility } from '../../../shared/domain/eligibility/checkEligibility.js';
import type { FindingCode } from '../../../shared/domain/findings/findingCode.js';
import { creditCode, idNumber, qmInd, qmOrg, si, validOrg, validProject, withWrongCheck } from './fixtures.js';

const campaign = loadCampaign('2025');
const onTime = { receivedAt: '2025-08-20T10:00:00+08:00' };
const check = (app: Application, context: { receivedAt?: string } = onTime) => checkEligibility(app, campaign, context);
const codes = (app: Application, context?: { receivedAt?: string }) => check(app, context).map((f) => f.code);

describe('valid applications have no findings', () => {
  it.each([
    ['QM_ORG', qmOrg()],
    ['QM_IND', qmInd()],
    ['SI', si()],
  ])('%s', (_track, app) => {
    expect(check(app)).toEqual([]);
  });
});

type Case = [label: string, app: Application, code: FindingCode, severity: string, field?: string, evidence?: string];

const cases: Case[] = [
  // CREDIT_CODE_INVALID
  [
    'QM_ORG credit code with a wrong check character',
    qmOrg({ creditCode: withWrongCheck(creditCode('220101')) }),
    'CREDIT_CODE_INVALID',
    'blocking',
    'organisation.creditCode',
  ],
  [
    'SI applicant credit code of 17 characters',
    si({ applicant: { ...validOrg, name: '吉林大学', creditCode: '91220101MA0Y1234X' } }),
    'CREDIT_CODE_INVALID',
    'blocking',
    'project.applicant.creditCode',
  ],
  [
    'QM_IND employer credit code invalid (review only)',
    qmInd({ employerCreditCode: '91220101MA0Y1234XI' }),
    'CREDIT_CODE_INVALID',
    'review',
    'person.employerCreditCode',
  ],
  // CREDIT_CODE_NOT_JILIN
  [
    'QM_ORG registered in Beijing',
    qmOrg({ creditCode: creditCode('110105') }),
    'CREDIT_CODE_NOT_JILIN',
    'blocking',
    'organisation.creditCode',
    creditCode('110105'),
  ],
  [
    'SI applicant registered in Liaoning',
    si({ applicant: { ...validOrg, name: '吉林大学', creditCode: creditCode('210102') } }),
    'CREDIT_CODE_NOT_JILIN',
    'blocking',
    'project.applicant.creditCode',
  ],
  // NOT_LEGAL_PERSON
  [
    'QM_ORG declared not a legal person',
    qmOrg({ isLegalPerson: false }),
    'NOT_LEGAL_PERSON',
    'blocking',
    'organisation.isLegalPerson',
  ],
  [
    'QM_ORG individual business (credit code 92…)',
    qmOrg({ isLegalPerson: undefined, creditCode: creditCode('220101', 'MA0Y1234X', '92') }),
    'NOT_LEGAL_PERSON',
    'blocking',
    'organisation.creditCode',
  ],
  [
    'QM_ORG branch office by name',
    qmOrg({ isLegalPerson: undefined, name: '某某集团吉林分公司' }),
    'NOT_LEGAL_PERSON',
    'review',
    'organisation.name',
  ],
  // OPERATING_YEARS_TOO_FEW
  [
    'QM_ORG established 4 years before the deadline',
    qmOrg({ establishedDate: '2021-08-23' }),
    'OPERATING_YEARS_TOO_FEW',
    'blocking',
    'organisation.establishedDate',
    '2021-08-23',
  ],
  [
    'QM_ORG 专精特新 operating for 2 years',
    qmOrg({ establishedDate: '2023-01-01', isSpecialisedSme: true }),
    'OPERATING_YEARS_TOO_FEW',
    'blocking',
    'organisation.establishedDate',
  ],
  // DECLARED_VIOLATION
  [
    'QM_ORG accident 3 years ago',
    qmOrg({ declaredIncidents: [{ kind: 'ACCIDENT', date: '2022-06-01', description: '安全事故' }] }),
    'DECLARED_VIOLATION',
    'review',
    'organisation.declaredIncidents.0',
    '2022-06-01 安全事故',
  ],
  [
    'QM_IND declared violation',
    qmInd({ declaredIncidents: [{ kind: 'VIOLATION' }] }),
    'DECLARED_VIOLATION',
    'review',
    'person.declaredIncidents.0',
  ],
  [
    'QM_IND legal representative, organisation complaint 2 years ago',
    qmInd({ isLegalRepresentative: true, employerIncidents: [{ kind: 'MAJOR_COMPLAINT', date: '2023-09-01' }] }),
    'DECLARED_VIOLATION',
    'review',
    'person.employerIncidents.0',
  ],
  [
    'SI applicant on the dishonest list',
    si({
      applicant: {
        ...validOrg,
        name: '吉林大学',
        declaredIncidents: [{ kind: 'DISHONEST_LISTING', date: '2024-01-01' }],
      },
    }),
    'DECLARED_VIOLATION',
    'review',
    'project.applicant.declaredIncidents.0',
  ],
  // INELIGIBLE_RANK
  [
    'QM_ORG unit at 副厅级',
    qmOrg({ administrativeRank: 'DEPARTMENT_DEPUTY' }),
    'INELIGIBLE_RANK',
    'blocking',
    'organisation.administrativeRank',
  ],
  [
    'QM_IND person at 正厅级',
    qmInd({ administrativeRank: 'DEPARTMENT_CHIEF' }),
    'INELIGIBLE_RANK',
    'blocking',
    'person.administrativeRank',
  ],
  // ID_NUMBER_INVALID
  [
    'QM_IND ID number with a wrong check digit',
    qmInd({
      idNumber: withWrongCheck(idNumber('220102', '19800101')),
    }),
    'ID_NUMBER_INVALID',
    'blocking',
    'person.idNumber',
  ],
  [
    'QM_IND 15-digit ID number',
    qmInd({ idNumber: '220102800101123' }),
    'ID_NUMBER_INVALID',
    'blocking',
    'person.idNumber',
  ],
  // QUALITY_WORK_YEARS_TOO_FEW / JILIN_WORK_YEARS_TOO_FEW
  [
    'QM_IND 4 years of quality work',
    qmInd({ qualityWorkStartDate: '2021-01-01', jilinQualityWorkStartDate: '2021-01-01' }),
    'QUALITY_WORK_YEARS_TOO_FEW',
    'blocking',
    'person.qualityWorkStartDate',
    '2021-01-01',
  ],
  [
    'QM_IND declares 3 years of quality work',
    qmInd({ qualityWorkStartDate: undefined, qualityWorkYears: 3 }),
    'QUALITY_WORK_YEARS_TOO_FEW',
    'blocking',
    'person.qualityWorkYears',
    '3年',
  ],
  [
    'QM_IND 1 year in Jilin',
    qmInd({ jilinQualityWorkStartDate: '2024-09-01' }),
    'JILIN_WORK_YEARS_TOO_FEW',
    'blocking',
    'person.jilinQualityWorkStartDate',
  ],
  // INELIGIBLE_REGULATOR_STAFF
  [
    'QM_IND declared regulator staff',
    qmInd({ isRegulatorStaff: true }),
    'INELIGIBLE_REGULATOR_STAFF',
    'blocking',
    'person.isRegulatorStaff',
  ],
  [
    'QM_IND employer is a market-regulation bureau (notice 二(一)2: its staff do not take part)',
    qmInd({ isRegulatorStaff: undefined, employer: '长春市市场监督管理局', employerCreditCode: undefined }),
    'INELIGIBLE_REGULATOR_STAFF',
    'blocking',
    'person.employer',
  ],
  [
    'QM_IND employer only names a market-regulation bureau (an institute under it): for review',
    qmInd({
      isRegulatorStaff: undefined,
      employer: '长春市市场监督管理局产品质量检验所分中心',
      employerCreditCode: undefined,
    }),
    'INELIGIBLE_REGULATOR_STAFF',
    'review',
    'person.employer',
  ],
  // STANDARD_NUMBER_INVALID
  [
    'SI unknown standard prefix',
    si({ standardNumber: 'XX/T 1-2020' }),
    'STANDARD_NUMBER_INVALID',
    'blocking',
    'project.standardNumber',
  ],
  [
    'SI local standard of another province',
    si({ standardNumber: 'DB21/T 1234-2020', filingNumber: '12345-2020' }),
    'STANDARD_NUMBER_INVALID',
    'blocking',
    'project.standardNumber',
    'DB21/T 1234-2020',
  ],
  // STANDARD_IMPLEMENTED_TOO_LATE
  [
    'SI implemented 2023-01-01',
    si({ implementationDate: '2023-01-01' }),
    'STANDARD_IMPLEMENTED_TOO_LATE',
    'blocking',
    'project.implementationDate',
    '2023-01-01',
  ],
  [
    'SI group standard declared public after the cut-off',
    si({
      standardNumber: 'T/JLXH 001-2022',
      publishers: ['吉林大学'],
      implementationDate: '2022-12-01',
      publicDeclarationDate: '2023-01-05',
    }),
    'STANDARD_IMPLEMENTED_TOO_LATE',
    'blocking',
    'project.publicDeclarationDate',
    '2023-01-05',
  ],
  [
    'SI standard published 2023, date missing',
    si({ standardNumber: 'GB/T 12345-2023', implementationDate: undefined }),
    'STANDARD_IMPLEMENTED_TOO_LATE',
    'blocking',
    'project.standardNumber',
  ],
  // STANDARD_NOT_FILED
  [
    'SI industry standard without 备案号',
    si({ standardNumber: 'JB/T 1234-2019' }),
    'STANDARD_NOT_FILED',
    'blocking',
    'project.filingNumber',
    'JB/T 1234-2019',
  ],
  [
    'SI Changchun local standard without 备案号',
    si({ standardNumber: 'DB2201/T 12-2021' }),
    'STANDARD_NOT_FILED',
    'blocking',
    'project.filingNumber',
  ],
  // STANDARD_ALREADY_AWARDED
  [
    'SI already won 中国标准创新贡献奖',
    si({ previousAwards: [{ name: '中国标准创新贡献奖 二等奖', year: '2022' }] }),
    'STANDARD_ALREADY_AWARDED',
    'blocking',
    'project.previousAwards.0',
    '2022 中国标准创新贡献奖 二等奖',
  ],
  // APPLICANT_NOT_FIRST_DRAFTER
  [
    'SI second drafting unit without waiver',
    si({ applicant: { ...validOrg }, draftingUnits: ['吉林大学', validOrg.name] }),
    'APPLICANT_NOT_FIRST_DRAFTER',
    'blocking',
    'project.waivedUnits',
    '吉林大学',
  ],
  [
    'SI applicant not among drafting units',
    si({ applicant: { ...validOrg, name: '长春某公司' } }),
    'APPLICANT_NOT_FIRST_DRAFTER',
    'blocking',
    'project.draftingUnits',
  ],
  [
    'SI group standard applied for by a non-publisher',
    si({
      standardNumber: 'T/JLXH 001-2021',
      implementationDate: '2021-06-01',
      publicDeclarationDate: '2021-05-01',
      publishers: ['吉林省某某协会'],
    }),
    'APPLICANT_NOT_FIRST_DRAFTER',
    'blocking',
    'project.applicant.name',
  ],
  // DRAFTERS_TOO_MANY
  [
    'SI six drafters',
    si({ drafters: [30, 20, 20, 10, 10, 10].map((r, i) => ({ name: `人${i}`, contributionRate: r })) }),
    'DRAFTERS_TOO_MANY',
    'blocking',
    'project.drafters',
    '6',
  ],
  // CONTRIBUTION_NOT_100
  [
    'SI contributions sum to 99.99',
    si({ drafters: [{ contributionRate: 33.33 }, { contributionRate: 33.33 }, { contributionRate: 33.33 }] }),
    'CONTRIBUTION_NOT_100',
    'blocking',
    'project.drafters',
    '33.33%, 33.33%, 33.33%',
  ],
  // CONTRIBUTION_NOT_DESCENDING
  [
    'SI contributions rise at the third drafter',
    si({ drafters: [{ contributionRate: 40 }, { contributionRate: 20 }, { contributionRate: 40 }] }),
    'CONTRIBUTION_NOT_DESCENDING',
    'blocking',
    'project.drafters.2.contributionRate',
  ],
  // GRADE_NOT_REQUESTED
  [
    'SI without requested grade',
    si({ requestedGrade: undefined }),
    'GRADE_NOT_REQUESTED',
    'blocking',
    'project.requestedGrade',
  ],
  // FIELD_MISSING (missing data is a finding, not a crash)
  [
    'QM_ORG without establishment date',
    qmOrg({ establishedDate: undefined }),
    'FIELD_MISSING',
    'review',
    'organisation.establishedDate',
  ],
  ['QM_IND without ID number', qmInd({ idNumber: undefined }), 'FIELD_MISSING', 'review', 'person.idNumber'],
  [
    'SI drafter without contribution',
    si({ drafters: [{ name: '甲', contributionRate: 100 }, { name: '乙' }] }),
    'FIELD_MISSING',
    'review',
    'project.drafters.1.contributionRate',
  ],
];

describe('eligibility rules: one case per rule and finding code', () => {
  it.each(cases)('%s → %s', (_label, app, code, severity, field, evidence) => {
    const found = check(app).filter((f) => f.code === code);
    expect(found, JSON.stringify(check(app))).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity, ...(field ? { field } : {}), ...(evidence ? { evidence } : {}) });
    expect(found[0]?.message.length).toBeGreaterThan(0);
  });
});

describe('boundaries', () => {
  it('operating exactly 5 years on the deadline day is enough; 3 years for a 四新 enterprise', () => {
    expect(codes(qmOrg({ establishedDate: '2020-08-22' }))).toEqual([]);
    expect(codes(qmOrg({ establishedDate: '2020-08-23' }))).toEqual(['OPERATING_YEARS_TOO_FEW']);
    expect(codes(qmOrg({ establishedDate: '2022-08-22', isFourNew: true }))).toEqual([]);
  });

  it('an incident 5 years and one day before the deadline is outside the look-back', () => {
    expect(codes(qmOrg({ declaredIncidents: [{ kind: 'ACCIDENT', date: '2020-08-21' }] }))).toEqual([]);
    expect(codes(qmOrg({ declaredIncidents: [{ kind: 'ACCIDENT', date: '2020-08-22' }] }))).toEqual([
      'DECLARED_VIOLATION',
    ]);
  });

  it('a legal representative looks back 3 years only; others are not checked for the organisation', () => {
    const incident = [{ kind: 'ACCIDENT', date: '2021-06-01' }];
    expect(codes(qmInd({ isLegalRepresentative: true, employerIncidents: incident }))).toEqual([]);
    expect(
      codes(qmInd({ isLegalRepresentative: false, employerIncidents: [{ kind: 'ACCIDENT', date: '2024-06-01' }] })),
    ).toEqual([]);
  });

  it('implementation on 2022-12-31 is in time; group standard with both dates in time passes', () => {
    expect(codes(si({ implementationDate: '2022-12-31' }))).toEqual([]);
    expect(
      codes(
        si({
          standardNumber: 'T/JLXH 001-2022',
          publishers: ['吉林大学'],
          implementationDate: '2022-12-31',
          publicDeclarationDate: '2022-12-01',
        }),
      ),
    ).toEqual([]);
  });

  it('filed industry and Jilin local standards pass', () => {
    expect(codes(si({ standardNumber: 'NY/T 1234-2019', filingNumber: '65432-2019' }))).toEqual([]);
    expect(codes(si({ standardNumber: 'DB22/T 1234-2020', filingNumber: '70001-2020' }))).toEqual([]);
  });

  it('a later drafting unit may apply when every earlier unit waived', () => {
    const app = si({
      applicant: { ...validOrg },
      draftingUnits: ['吉林大学', validOrg.name],
      waivedUnits: ['吉林大学'],
    });
    expect(codes(app)).toEqual([]);
  });

  it('equal contributions are allowed and 33.33 + 33.33 + 33.34 is exactly 100', () => {
    const drafters = [{ contributionRate: 33.34 }, { contributionRate: 33.33 }, { contributionRate: 33.33 }];
    expect(codes(si({ drafters }))).toEqual([]);
    expect(codes(si({ drafters: [{ contributionRate: 50 }, { contributionRate: 50 }] }))).toEqual([]);
  });

  it('exactly the maximum number of drafters passes', () => {
    expect(validProject.drafters).toHaveLength(campaign.eligibility.maxDrafters);
    expect(codes(si())).toEqual([]);
  });
});

describe('LATE_SUBMISSION (Asia/Shanghai)', () => {
  it('QM: 23:59 Shanghai on 22 August is in time, 00:00 on 23 August is late', () => {
    expect(codes(qmOrg(), { receivedAt: '2025-08-22T15:59:00Z' })).toEqual([]);
    const late = check(qmOrg(), { receivedAt: '2025-08-22T16:00:00Z' });
    expect(late).toMatchObject([
      { code: 'LATE_SUBMISSION', severity: 'blocking', evidence: '2025-08-23T00:00:00.000+08:00' },
    ]);
  });

  it('SI has its own deadline of 1 September', () => {
    expect(codes(si(), { receivedAt: '2025-08-30T10:00:00+08:00' })).toEqual([]);
    expect(codes(si(), { receivedAt: '2025-09-02T08:00:00+08:00' })).toEqual(['LATE_SUBMISSION']);
    expect(codes(qmInd(), { receivedAt: '2025-08-30T10:00:00+08:00' })).toEqual(['LATE_SUBMISSION']);
  });

  it('is not checked without receivedAt and rejects an invalid instant clearly', () => {
    expect(codes(qmOrg(), {})).toEqual([]);
    expect(() => check(qmOrg(), { receivedAt: 'tomorrow' })).toThrow('receivedAt is not a valid instant');
  });
});

describe('robustness and privacy', () => {
  it('an empty application of each track yields findings, not an exception', () => {
    for (const app of [
      qmOrg({ name: undefined, creditCode: undefined, establishedDate: undefined }),
      si({ standardNumber: undefined, drafters: [], draftingUnits: [], applicant: {} }),
    ]) {
      expect(() => check(app)).not.toThrow();
      expect(check(app).some((f) => f.code === 'FIELD_MISSING')).toBe(true);
    }
  });

  it('never shows a full ID number in a finding', () => {
    const id = idNumber('220102', '19800101');
    const bad = withWrongCheck(id);
    const found = check(qmInd({ idNumber: bad }));
    expect(JSON.stringify(found)).not.toContain(bad);
    expect(found[0]?.evidence).toBe(`220102********${bad.slice(-4)}`);
  });
});
