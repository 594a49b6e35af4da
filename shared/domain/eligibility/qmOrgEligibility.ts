import type { QmOrgApplication } from '../application/application.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type Finding, finding } from '../findings/finding.js';
import {
  checkCreditCode,
  checkIncidents,
  checkLateSubmission,
  checkLegalPerson,
  checkRank,
  fieldMissing,
} from './commonRules.js';
import { type EligibilityContext, referenceDay, yearsBefore } from './eligibilityContext.js';

/** Normal operation for at least 5 years before the deadline (3 for 四新 / 专精特新). */
function checkOperatingYears(app: QmOrgApplication, campaign: CampaignConfig): Finding[] {
  const o = app.organisation;
  const reduced = o.isFourNew === true || o.isSpecialisedSme === true;
  const years = reduced ? campaign.eligibility.operatingYearsFourNewOrSpecialised : campaign.eligibility.operatingYears;
  const start = o.operationStartDate ?? o.establishedDate;
  const field = o.operationStartDate ? 'organisation.operationStartDate' : 'organisation.establishedDate';
  if (start === undefined)
    return [fieldMissing('organisation.establishedDate', '成立日期', `主体业务正常运行${years}年以上`)];
  const latest = yearsBefore(referenceDay(campaign, app.track), years);
  if (start <= latest) return [];
  const why = reduced ? '（“四新”或专精特新企业）' : '';
  return [
    finding(
      'OPERATING_YEARS_TOO_FEW',
      'blocking',
      `自${start}起运行不足${years}年${why}：须在${latest}或之前开始运行`,
      {
        field,
        evidence: start,
      },
    ),
  ];
}

/** SPEC §3 `QM_ORG`: Jilin legal person, years of operation, no declared incident in 5 years, below 副厅级, on time. */
export function qmOrgEligibility(
  app: QmOrgApplication,
  campaign: CampaignConfig,
  context: EligibilityContext = {},
): Finding[] {
  const o = app.organisation;
  return [
    ...checkCreditCode(o.creditCode, 'organisation.creditCode', campaign, { mustBeJilin: true }),
    ...checkLegalPerson(o, 'organisation'),
    ...checkOperatingYears(app, campaign),
    ...checkIncidents(
      o.declaredIncidents,
      ['ACCIDENT', 'MAJOR_COMPLAINT', 'VIOLATION'],
      campaign.eligibility.organisationLookBackYears,
      campaign,
      app.track,
      'organisation.declaredIncidents',
      '申报组织',
    ),
    ...checkRank(o.administrativeRank, 'organisation.administrativeRank', '申报单位'),
    ...checkLateSubmission(campaign, app.track, context),
  ];
}
