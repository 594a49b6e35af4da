import type { QmIndApplication } from '../application/application.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type Finding, finding } from '../findings/finding.js';
import type { FindingCode } from '../findings/findingCode.js';
import { validateIdNumber } from '../validation/idNumber.js';
import { checkCreditCode, checkIncidents, checkLateSubmission, checkRank, fieldMissing } from './commonRules.js';
import { type EligibilityContext, referenceDay, wholeYearsBetween } from './eligibilityContext.js';

function checkIdNumber(app: QmIndApplication, campaign: CampaignConfig): Finding[] {
  const id = app.person.idNumber;
  if (id === undefined || id.trim() === '')
    return [fieldMissing('person.idNumber', '身份证号', '须为有效的居民身份证号')];
  const result = validateIdNumber(id, referenceDay(campaign, app.track));
  if (result.ok) return [];
  return [
    finding('ID_NUMBER_INVALID', 'blocking', result.message, { field: 'person.idNumber', evidence: result.masked }),
  ];
}

/**
 * Years of (Jilin) quality work: from the start date when the form gives one (whole years up to the deadline day),
 * else the declared number of years.
 */
function checkWorkYears(
  app: QmIndApplication,
  campaign: CampaignConfig,
  kind: { code: FindingCode; start?: string; years?: number; field: string; what: string; minimum: number },
): Finding[] {
  const rule = `${kind.what}须不少于${kind.minimum}年`;
  let years: number;
  let field: string;
  let evidence: string;
  if (kind.start !== undefined) {
    years = wholeYearsBetween(kind.start, referenceDay(campaign, app.track));
    field = `person.${kind.field}StartDate`;
    evidence = kind.start;
  } else if (kind.years !== undefined) {
    years = kind.years;
    field = `person.${kind.field}Years`;
    evidence = `${kind.years}年`;
  } else {
    return [fieldMissing(`person.${kind.field}StartDate`, `${kind.what}起始时间`, rule)];
  }
  if (years >= kind.minimum) return [];
  return [finding(kind.code, 'blocking', `${kind.what}${years}年，不足${kind.minimum}年`, { field, evidence })];
}

const regulatorDepartment = /(市场监督管理|市场监管)(总局|厅|局|所)$/;

/**
 * Staff of a market-regulation department: declared, or employed by the department itself (blocking); an employer
 * whose name only mentions one (a centre or institute under it) is for review.
 */
function checkRegulatorStaff(app: QmIndApplication): Finding[] {
  const p = app.person;
  if (p.isRegulatorStaff === true) {
    return [
      finding('INELIGIBLE_REGULATOR_STAFF', 'blocking', '市场监管部门工作人员不参加质量管理个人评选', {
        field: 'person.isRegulatorStaff',
        evidence: p.employer,
      }),
    ];
  }
  // The employer IS a market-regulation department (…市场监督管理局/厅/所): the notice's exclusion applies as written.
  if (p.isRegulatorStaff !== false && p.employer && regulatorDepartment.test(p.employer.replace(/\s/g, ''))) {
    return [
      finding('INELIGIBLE_REGULATOR_STAFF', 'blocking', '工作单位为市场监管部门，其工作人员不参加质量管理个人评选', {
        field: 'person.employer',
        evidence: p.employer,
      }),
    ];
  }
  if (p.isRegulatorStaff === undefined && p.employer && /市场监督管理|市场监管/.test(p.employer)) {
    return [
      finding('INELIGIBLE_REGULATOR_STAFF', 'review', '工作单位名称表明其可能为市场监管部门工作人员，请核实', {
        field: 'person.employer',
        evidence: p.employer,
      }),
    ];
  }
  return [];
}

/**
 * SPEC §3 `QM_IND`: valid ID number, ≥ 5 years of quality work of which ≥ 2 in Jilin, below 副厅级, not a
 * market-regulation official, declared violations (and, for a legal representative, the organisation's accidents and
 * major complaints of the last 3 years) for review, on time. The 县处级 20 % cap is campaign-wide (ranking).
 */
export function qmIndEligibility(
  app: QmIndApplication,
  campaign: CampaignConfig,
  context: EligibilityContext = {},
): Finding[] {
  const p = app.person;
  const e = campaign.eligibility;
  return [
    ...checkIdNumber(app, campaign),
    ...checkCreditCode(p.employerCreditCode, 'person.employerCreditCode', campaign, {
      mustBeJilin: false,
      severity: 'review',
      what: '工作单位统一社会信用代码',
    }),
    ...checkWorkYears(app, campaign, {
      code: 'QUALITY_WORK_YEARS_TOO_FEW',
      start: p.qualityWorkStartDate,
      years: p.qualityWorkYears,
      field: 'qualityWork',
      what: '从事质量相关工作年限',
      minimum: e.qualityWorkYears,
    }),
    ...checkWorkYears(app, campaign, {
      code: 'JILIN_WORK_YEARS_TOO_FEW',
      start: p.jilinQualityWorkStartDate,
      years: p.jilinQualityWorkYears,
      field: 'jilinQualityWork',
      what: '在吉林省从事质量相关工作年限',
      minimum: e.jilinQualityWorkYears,
    }),
    ...checkRank(p.administrativeRank, 'person.administrativeRank', '申报个人'),
    ...checkRegulatorStaff(app),
    ...checkIncidents(
      p.declaredIncidents,
      ['VIOLATION'],
      undefined,
      campaign,
      app.track,
      'person.declaredIncidents',
      '申报个人',
    ),
    ...(p.isLegalRepresentative === true
      ? checkIncidents(
          p.employerIncidents,
          ['ACCIDENT', 'MAJOR_COMPLAINT'],
          e.legalRepresentativeLookBackYears,
          campaign,
          app.track,
          'person.employerIncidents',
          '申报个人（法定代表人）所在组织',
        )
      : []),
    ...checkLateSubmission(campaign, app.track, context),
  ];
}
