import type { SiApplication } from '../application/application.js';
import { normaliseUnitName, sameUnit } from '../application/unitName.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { type Finding, finding } from '../findings/finding.js';
import { toHundredths } from '../validation/contributionRate.js';
import { type ParsedStandardNumber, parseStandardNumber } from '../validation/standardNumber.js';
import { checkCreditCode, checkIncidents, checkLateSubmission, checkLegalPerson, fieldMissing } from './commonRules.js';
import type { EligibilityContext } from './eligibilityContext.js';

function checkStandardNumber(
  app: SiApplication,
  campaign: CampaignConfig,
): { findings: Finding[]; parsed?: ParsedStandardNumber } {
  const number = app.project.standardNumber;
  if (number === undefined || number.trim() === '') {
    return { findings: [fieldMissing('project.standardNumber', '标准编号', '须为可参评类型的标准')] };
  }
  const result = parseStandardNumber(number);
  if (!result.ok) {
    return {
      findings: [
        finding('STANDARD_NUMBER_INVALID', 'blocking', result.message, {
          field: 'project.standardNumber',
          evidence: number,
        }),
      ],
    };
  }
  const s = result.standard;
  const prefix = campaign.eligibility.jilinDivisionPrefix;
  if (s.type === 'local' && !s.regionCode?.startsWith(prefix)) {
    return {
      findings: [
        finding(
          'STANDARD_NUMBER_INVALID',
          'blocking',
          `${s.canonical}不是吉林省（含设区的市）地方标准（DB${prefix}…）`,
          {
            field: 'project.standardNumber',
            evidence: s.canonical,
          },
        ),
      ],
      parsed: s,
    };
  }
  return { findings: [], parsed: s };
}

/**
 * Implementation on or before the cut-off; group and enterprise standards also their public declaration. A year in
 * the number after the cut-off year proves lateness even when the date is missing.
 */
function checkDates(app: SiApplication, campaign: CampaignConfig, s: ParsedStandardNumber | undefined): Finding[] {
  const cutoff = campaign.standardInnovation.implementationCutoff;
  const p = app.project;
  const out: Finding[] = [];
  const dates: [string, string | undefined, string][] = [['implementationDate', p.implementationDate, '实施日期']];
  // The number's type first; the form's 标准类别 when the number could not be read.
  const type = s?.type ?? p.declaredType;
  if (type === 'group' || type === 'enterprise') {
    dates.push(['publicDeclarationDate', p.publicDeclarationDate, '声明公开日期']);
  }
  for (const [key, date, what] of dates) {
    if (date === undefined) {
      out.push(fieldMissing(`project.${key}`, what, `须在${cutoff}或之前`));
    } else if (date > cutoff) {
      out.push(
        finding('STANDARD_IMPLEMENTED_TOO_LATE', 'blocking', `${what}${date}晚于${cutoff}`, {
          field: `project.${key}`,
          evidence: date,
        }),
      );
    }
  }
  const cutoffYear = Number(cutoff.slice(0, 4));
  if (p.implementationDate === undefined && s?.year !== undefined && s.year > cutoffYear) {
    out.push(
      finding(
        'STANDARD_IMPLEMENTED_TOO_LATE',
        'blocking',
        `${s.canonical}发布于${s.year}年，不可能在${cutoff}或之前实施`,
        {
          field: 'project.standardNumber',
          evidence: s.canonical,
        },
      ),
    );
  }
  return out;
}

function checkFiled(app: SiApplication, s: ParsedStandardNumber | undefined): Finding[] {
  if (s?.type !== 'industry' && s?.type !== 'local') return [];
  if (app.project.filingNumber?.trim()) return [];
  return [
    finding(
      'STANDARD_NOT_FILED',
      'blocking',
      `${s.canonical}为${s.type === 'industry' ? '行业' : '地方'}标准，未填写备案号`,
      {
        field: 'project.filingNumber',
        evidence: s.canonical,
      },
    ),
  ];
}

function checkAwarded(app: SiApplication, campaign: CampaignConfig): Finding[] {
  const excluded = campaign.standardInnovation.excludingAwards.map(normaliseUnitName);
  return app.project.previousAwards.flatMap((award, i) => {
    const name = normaliseUnitName(award.name);
    if (!excluded.some((e) => name.includes(e))) return [];
    return [
      finding('STANDARD_ALREADY_AWARDED', 'blocking', `该标准项目曾获${award.name}，不再参评`, {
        field: `project.previousAwards.${i}`,
        evidence: [award.year, award.name].filter(Boolean).join(' '),
      }),
    ];
  });
}

/**
 * International / national / industry / local: the applicant is the first drafting unit, or every unit before it
 * waived. Group / enterprise: the applicant is (one of) the publisher(s).
 */
function checkApplicantPosition(app: SiApplication, s: ParsedStandardNumber | undefined): Finding[] {
  const p = app.project;
  const applicant = p.applicant.name;
  if (applicant === undefined || applicant.trim() === '') {
    return [fieldMissing('project.applicant.name', '申报单位名称', '申报单位须为第一起草单位或标准发布主体')];
  }
  if (s?.type === 'group' || s?.type === 'enterprise') {
    const what = s.type === 'group' ? '发布该团体标准的社会团体' : '发布该企业标准的企业';
    if (p.publishers.length === 0) return [fieldMissing('project.publishers', '标准发布主体', `申报单位须为${what}`)];
    if (p.publishers.some((pub) => sameUnit(pub, applicant))) return [];
    return [
      finding(
        'APPLICANT_NOT_FIRST_DRAFTER',
        'blocking',
        `申报单位“${applicant}”不是${what}（${p.publishers.join('、')}）`,
        {
          field: 'project.applicant.name',
          evidence: applicant,
        },
      ),
    ];
  }
  if (p.draftingUnits.length === 0)
    return [fieldMissing('project.draftingUnits', '起草单位', '申报单位须为第一起草单位')];
  const position = p.draftingUnits.findIndex((u) => sameUnit(u, applicant));
  if (position < 0) {
    return [
      finding('APPLICANT_NOT_FIRST_DRAFTER', 'blocking', `申报单位“${applicant}”不在起草单位名单中`, {
        field: 'project.draftingUnits',
        evidence: p.draftingUnits.join('、'),
      }),
    ];
  }
  const notWaived = p.draftingUnits.slice(0, position).filter((u) => !p.waivedUnits.some((w) => sameUnit(w, u)));
  if (notWaived.length === 0) return [];
  return [
    finding(
      'APPLICANT_NOT_FIRST_DRAFTER',
      'blocking',
      `申报单位为第${position + 1}起草单位，${notWaived.join('、')}未作出书面放弃申报声明`,
      { field: 'project.waivedUnits', evidence: notWaived.join('、') },
    ),
  ];
}

/** ≤ 5 main drafters; 贡献率 given for each, summing to exactly 100 (in hundredths), in non-increasing order. */
function checkDrafters(app: SiApplication, campaign: CampaignConfig): Finding[] {
  const drafters = app.project.drafters;
  const max = campaign.eligibility.maxDrafters;
  if (drafters.length === 0) return [fieldMissing('project.drafters', '主要起草人', '须列出主要起草人及贡献率')];
  const out: Finding[] = [];
  if (drafters.length > max) {
    out.push(
      finding('DRAFTERS_TOO_MANY', 'blocking', `主要起草人${drafters.length}人，超过${max}人`, {
        field: 'project.drafters',
        evidence: String(drafters.length),
      }),
    );
  }
  const missing = drafters.flatMap((d, i) =>
    d.contributionRate === undefined
      ? [
          fieldMissing(
            `project.drafters.${i}.contributionRate`,
            `${d.name ?? `第${i + 1}位主要起草人`}的贡献率`,
            '贡献率合计须为100%',
          ),
        ]
      : [],
  );
  if (missing.length > 0) return [...out, ...missing];
  const rates = drafters.map((d) => toHundredths(d.contributionRate ?? 0));
  const shown = drafters.map((d) => `${d.contributionRate}%`).join(', ');
  const sum = rates.reduce((a, b) => a + b, 0);
  if (sum !== 10000) {
    out.push(
      finding('CONTRIBUTION_NOT_100', 'blocking', `贡献率合计为${sum / 100}%，应为100%`, {
        field: 'project.drafters',
        evidence: shown,
      }),
    );
  }
  const rise = rates.findIndex((r, i) => i > 0 && r > (rates[i - 1] ?? r));
  if (rise > 0) {
    out.push(
      finding(
        'CONTRIBUTION_NOT_DESCENDING',
        'blocking',
        `主要起草人应按贡献率由高到低排列：第${rise + 1}位高于第${rise}位`,
        {
          field: `project.drafters.${rise}.contributionRate`,
          evidence: shown,
        },
      ),
    );
  }
  return out;
}

/**
 * SPEC §3 `SI`: an accepted standard type (Jilin local only), implemented (and declared) by the cut-off, filed when
 * industry / local, not already awarded, applied for by the right unit, ≤ 5 drafters with contributions summing to
 * 100 in non-increasing order, a requested grade, a Jilin legal-person applicant without declared incidents in 5
 * years, on time. Whether Jilin led an international / national / industry standard is left to the reviewer.
 */
export function siEligibility(
  app: SiApplication,
  campaign: CampaignConfig,
  context: EligibilityContext = {},
): Finding[] {
  const { findings: numberFindings, parsed } = checkStandardNumber(app, campaign);
  const applicant = app.project.applicant;
  return [
    ...numberFindings,
    ...checkDates(app, campaign, parsed),
    ...checkFiled(app, parsed),
    ...checkAwarded(app, campaign),
    ...checkApplicantPosition(app, parsed),
    ...checkDrafters(app, campaign),
    ...(app.project.requestedGrade === undefined
      ? [
          finding('GRADE_NOT_REQUESTED', 'blocking', '未填写申报等级（一等奖/二等奖/三等奖）', {
            field: 'project.requestedGrade',
          }),
        ]
      : []),
    ...checkCreditCode(applicant.creditCode, 'project.applicant.creditCode', campaign, { mustBeJilin: true }),
    ...checkLegalPerson(applicant, 'project.applicant'),
    ...checkIncidents(
      applicant.declaredIncidents,
      ['ACCIDENT', 'MAJOR_COMPLAINT', 'VIOLATION', 'MASS_INCIDENT', 'DISHONEST_LISTING'],
      campaign.eligibility.siApplicantLookBackYears,
      campaign,
      app.track,
      'project.applicant.declaredIncidents',
      '申报单位',
    ),
    ...checkLateSubmission(campaign, app.track, context),
  ];
}
