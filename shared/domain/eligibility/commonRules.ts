import type { AdministrativeRank } from '../application/administrativeRank.js';
import { administrativeRanks, isDeputyDepartmentOrAbove } from '../application/administrativeRank.js';
import type { DeclaredIncident, IncidentKind } from '../application/declaredIncident.js';
import { incidentKindNames } from '../application/declaredIncident.js';
import type { Organisation } from '../application/organisation.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type Finding, finding, type Severity } from '../findings/finding.js';
import type { Track } from '../track/track.js';
import { validateCreditCode } from '../validation/creditCode.js';
import { type EligibilityContext, referenceDay, shanghaiIso, yearsBefore } from './eligibilityContext.js';

/** A field the rule needs is empty: a reviewer must read the form (the extractor may have missed it). */
export function fieldMissing(field: string, what: string, rule: string): Finding {
  return finding('FIELD_MISSING', 'review', `${what}未填写或未能读取，无法核对：${rule}`, { field });
}

/**
 * 统一社会信用代码 of a unit: valid (blocking otherwise) and, when `mustBeJilin`, registered in Jilin. `severity`
 * lets a secondary code (an individual's employer) be reported for review instead of blocking.
 */
export function checkCreditCode(
  code: string | undefined,
  field: string,
  campaign: CampaignConfig,
  options: { mustBeJilin: boolean; severity?: Severity; what?: string },
): Finding[] {
  const what = options.what ?? '统一社会信用代码';
  if (code === undefined || code.trim() === '') {
    return options.mustBeJilin ? [fieldMissing(field, what, '须为在吉林省注册登记的法人')] : [];
  }
  const result = validateCreditCode(code);
  if (!result.ok) {
    return [finding('CREDIT_CODE_INVALID', options.severity ?? 'blocking', result.message, { field, evidence: code })];
  }
  if (options.mustBeJilin && !result.divisionCode.startsWith(campaign.eligibility.jilinDivisionPrefix)) {
    return [
      finding(
        'CREDIT_CODE_NOT_JILIN',
        options.severity ?? 'blocking',
        `${what}的登记管理机关行政区划码为${result.divisionCode}，不在吉林省（${campaign.eligibility.jilinDivisionPrefix}开头）`,
        { field, evidence: result.code },
      ),
    ];
  }
  return [];
}

/**
 * 具有法人资格: an explicit "no", or a credit code of a 个体工商户 (registration 9, category 2), is blocking; a name
 * ending in 分公司 / 分厂 / 办事处 (a branch, usually not a legal person) goes to a reviewer.
 */
export function checkLegalPerson(org: Organisation, field: string): Finding[] {
  if (org.isLegalPerson === false) {
    return [finding('NOT_LEGAL_PERSON', 'blocking', '申报单位不具有法人资格', { field: `${field}.isLegalPerson` })];
  }
  if (org.isLegalPerson === true) return [];
  const code = org.creditCode?.trim().toUpperCase();
  if (code?.startsWith('92')) {
    return [
      finding('NOT_LEGAL_PERSON', 'blocking', '统一社会信用代码表明申报单位为个体工商户，不具有法人资格', {
        field: `${field}.creditCode`,
        evidence: code,
      }),
    ];
  }
  if (org.name && /(分公司|分厂|办事处|分支机构)$/.test(org.name.trim())) {
    return [
      finding('NOT_LEGAL_PERSON', 'review', '申报单位名称表明其为分支机构，请核实是否具有法人资格', {
        field: `${field}.name`,
        evidence: org.name,
      }),
    ];
  }
  return [];
}

/** 副厅级 and above are not eligible (units and persons alike). */
export function checkRank(rank: AdministrativeRank | undefined, field: string, whose: string): Finding[] {
  if (rank === undefined || !isDeputyDepartmentOrAbove(rank)) return [];
  return [
    finding(
      'INELIGIBLE_RANK',
      'blocking',
      `${whose}为${administrativeRanks[rank]}，不评选副厅级及相当于副厅级以上单位和个人`,
      {
        field,
        evidence: administrativeRanks[rank],
      },
    ),
  ];
}

/**
 * Declared incidents of the given kinds inside the look-back period before the track's deadline day (all of them
 * when `lookBackYears` is undefined). Review, not blocking: the notice makes the office confirm what was declared.
 * An incident without a date counts as inside the period.
 */
export function checkIncidents(
  incidents: readonly DeclaredIncident[],
  kinds: readonly IncidentKind[],
  lookBackYears: number | undefined,
  campaign: CampaignConfig,
  track: Track,
  field: string,
  whose: string,
): Finding[] {
  const since = lookBackYears === undefined ? undefined : yearsBefore(referenceDay(campaign, track), lookBackYears);
  const period = lookBackYears === undefined ? '' : `近${lookBackYears}年内（${since}以来）`;
  return incidents.flatMap((incident, i) => {
    if (!kinds.includes(incident.kind)) return [];
    if (since !== undefined && incident.date !== undefined && incident.date < since) return [];
    const when = incident.date ?? '日期不详';
    return [
      finding(
        'DECLARED_VIOLATION',
        'review',
        `${whose}${period}申报有${incidentKindNames[incident.kind]}（${when}），请核实`,
        {
          field: `${field}.${i}`,
          evidence: [when, incident.description].filter(Boolean).join(' '),
        },
      ),
    ];
  });
}

/** Received after the track's deadline (an instant; compared in absolute time, shown in Asia/Shanghai). */
export function checkLateSubmission(campaign: CampaignConfig, track: Track, context: EligibilityContext): Finding[] {
  if (context.receivedAt === undefined) return [];
  const received = new Date(context.receivedAt);
  if (Number.isNaN(received.getTime())) {
    throw new TypeError(`receivedAt is not a valid instant: ${String(context.receivedAt)}`);
  }
  const deadline = new Date(campaign.deadlines[track]);
  if (received.getTime() <= deadline.getTime()) return [];
  return [
    finding('LATE_SUBMISSION', 'blocking', `材料于${shanghaiIso(received)}收到，晚于截止时间${shanghaiIso(deadline)}`, {
      evidence: shanghaiIso(received),
    }),
  ];
}
