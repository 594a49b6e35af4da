import { createHash } from 'node:crypto';
import type { Application } from '../domain/application/application.js';
import { applicantName } from '../domain/application/application.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import {
  type AwardFamily,
  applicantMaterials,
  awardFamily,
  type MaterialRequirement,
  recommendingUnitMaterials,
} from '../domain/campaign/materialCatalogue.js';
import { checkEligibility } from '../domain/eligibility/checkEligibility.js';
import { checkLateSubmission } from '../domain/eligibility/commonRules.js';
import { type Finding, finding } from '../domain/findings/finding.js';
import { type MaterialType, materialTypes } from '../domain/materials/materialType.js';
import { trackNames } from '../domain/track/track.js';
import type { ExtractedDocument } from '../extraction/document.js';
import {
  type CompletenessReport,
  type ReportApplication,
  type ReportField,
  type ReportFile,
  reportFormat,
} from '../report/completenessReport.js';
import { orderFindings, tally } from '../report/findingOrder.js';
import { applicationOfGroup, applicationWithFacts } from './applicationData.js';
import { type ApplicationFacts, factOfField } from './applicationFacts.js';
import { checkCertificateCreditCode } from './certificateCreditCode.js';
import { checkConsultations } from './consultationForms.js';
import { checkCrossDocument } from './crossDocumentConsistency.js';
import { checkDeclassificationConsent } from './declassificationConsent.js';
import { byPreference } from './documentQuality.js';
import { type BundleGrouping, type DocumentGroup, groupDocuments } from './groupDocuments.js';
import { carriesMaterial, materialChecklist } from './materialChecklist.js';
import { reportFileOcr } from './ocrFacts.js';
import { checkPublicityEvidence } from './publicityEvidence.js';
import { checkRecommendationLetter } from './recommendationLetterCheck.js';
import { checkSelfEvaluation } from './selfEvaluationCategories.js';
import { checkSummaryTable, type SummaryEntry } from './summaryTableCheck.js';

export interface CheckBundleInput {
  /** Every extracted entry of the bundle (as `extractBundle` returns them), readable or not. */
  documents: readonly ExtractedDocument[];
  /** Findings about the bundle as a whole (archive unreadable, limits). */
  bundleFindings?: readonly Finding[];
  campaign: CampaignConfig;
  /** When the bundle was received: an ISO instant with offset (or a Date). Without it lateness is not checked. */
  receivedAt?: string | Date;
  /** The recommending unit, when the caller knows it (upload account); else read from its letter or summary table. */
  recommendingUnit?: string;
}

const bySeverityBlocking = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'blocking');

/** Content-derived id of a bundle: sha256 over the sorted `path\0sha256` lines. */
export function bundleIdOf(documents: readonly Pick<ExtractedDocument, 'path' | 'sha256'>[]): string {
  const lines = documents.map((d) => `${d.path}\u0000${d.sha256}`).sort();
  return `bundle-${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 24)}`;
}

function readRecommendingUnit(documents: readonly ExtractedDocument[]): string | undefined {
  const sorted = [...documents].sort(byPreference);
  for (const d of sorted)
    if (d.materialType === 'RECOMMENDATION_LETTER' && d.records.recommendationLetter?.recommendingUnit)
      return d.records.recommendationLetter.recommendingUnit;
  for (const d of sorted)
    if (['QM_SUMMARY_TABLE', 'SI_RECOMMENDATION_SUMMARY_TABLE'].includes(d.materialType) && d.fields.recommendingUnit)
      return d.fields.recommendingUnit.value;
  return undefined;
}

function unitRequirements(families: readonly AwardFamily[], campaign: CampaignConfig): MaterialRequirement[] {
  const out: MaterialRequirement[] = [];
  for (const family of families)
    for (const req of recommendingUnitMaterials(campaign, family)) {
      const at = out.findIndex((r) => r.type === req.type);
      if (at < 0) out.push(req);
      else {
        const have = out[at] as MaterialRequirement;
        out[at] = {
          ...have,
          requirement:
            have.requirement === 'required' || req.requirement === 'required' ? 'required' : have.requirement,
          editableWordRequired: have.editableWordRequired || req.editableWordRequired,
          pdfRequired: have.pdfRequired || req.pdfRequired,
          textRequired: have.textRequired || req.textRequired,
        };
      }
    }
  return out;
}

function folderName(group: DocumentGroup): string {
  return group.folder.split('/').pop() || group.folder || group.id;
}

function applicantOf(app: Application | undefined, group: DocumentGroup): ReportApplication['applicant'] {
  if (!app) return { name: folderName(group) };
  switch (app.track) {
    case 'QM_ORG':
      return { name: app.organisation.name, creditCode: app.organisation.creditCode };
    case 'QM_IND':
      return { name: app.person.name, idNumber: app.person.idNumber, employer: app.person.employer };
    case 'SI':
      return {
        name: applicantName(app),
        standardNumber: app.project.standardNumber,
        standardName: app.project.standardName,
        applicantUnit: app.project.applicant.name,
        creditCode: app.project.applicant.creditCode,
      };
  }
}

/** The forms' fields, and the facts the forms leave empty as another document of the application states them. */
function fieldsOf(group: DocumentGroup, facts: ApplicationFacts): Record<string, ReportField> {
  const fields: Record<string, ReportField> = {};
  for (const form of group.forms)
    for (const key of Object.keys(form.fields).sort()) {
      const f = form.fields[key];
      if (f && !fields[key]) fields[key] = { value: f.value, label: f.label, source: f.source };
    }
  for (const f of facts.facts) if (!fields[f.key]) fields[f.key] = { value: f.value, label: f.label, source: f.source };
  return fields;
}

/** Eligibility findings point at the document and place their fact came from (else the form). */
function eligibilityFindings(
  app: Application | undefined,
  group: DocumentGroup,
  campaign: CampaignConfig,
  receivedAt: string | undefined,
  facts: ApplicationFacts,
): Finding[] {
  const primary = group.forms[0]?.path;
  if (!app)
    return checkLateSubmission(campaign, group.track, { receivedAt }).map((f) => ({ ...f, field: 'receivedAt' }));
  return checkEligibility(app, campaign, { receivedAt }).map((f) => {
    if (f.code === 'LATE_SUBMISSION') return { ...f, field: 'receivedAt' };
    const fact = f.file ? undefined : factOfField(facts, app, f.field);
    if (fact) return { ...f, file: fact.source.file, source: fact.source };
    return f.file || !primary ? f : { ...f, file: primary };
  });
}

/** Drops an eligibility finding the extraction already reported on the same file (e.g. CREDIT_CODE_INVALID). */
function withoutRepeats(own: Finding[], fileFindings: Finding[]): Finding[] {
  return own.filter(
    (f) =>
      !fileFindings.some((g) => g.code === f.code && g.file === f.file && (g.evidence ?? '') === (f.evidence ?? '')),
  );
}

function checkApplication(
  group: DocumentGroup,
  recommendingUnit: string | undefined,
  campaign: CampaignConfig,
  receivedAt: string | undefined,
  summary: { findings: Finding[]; rank?: number },
  unitDocuments: readonly ExtractedDocument[],
): ReportApplication {
  const { application: app, facts } = applicationWithFacts(group, recommendingUnit, unitDocuments);
  const docs = group.documents;
  const ofType = (t: MaterialType) => docs.filter((d) => carriesMaterial(d, t));
  const checklist = materialChecklist(applicantMaterials(campaign, group.track), docs, app);
  const own: Finding[] = [
    ...checklist.findings,
    ...checkDeclassificationConsent(ofType('DECLASSIFICATION_CONSENT'), {
      field: 'applicant.declassificationConsent',
      who: '申报单位/个人',
    }),
    ...checkPublicityEvidence(group.track, docs, campaign),
    ...(group.track === 'QM_ORG' ? checkSelfEvaluation(ofType('SELF_EVALUATION_REPORT')) : []),
    ...(app ? checkCrossDocument(app, docs, facts) : []),
    ...(app ? checkCertificateCreditCode(app, docs) : []),
    ...(app ? checkConsultations(app, docs, campaign) : []),
    ...summary.findings,
  ];
  const fileFindings = docs.flatMap((d) => d.findings);
  const eligibility = withoutRepeats(eligibilityFindings(app, group, campaign, receivedAt, facts), fileFindings);
  const findings = orderFindings([...fileFindings, ...eligibility, ...own]);
  return {
    id: group.id,
    track: group.track,
    trackName: trackNames[group.track],
    applicant: applicantOf(app, group),
    status: bySeverityBlocking(findings) ? 'incomplete' : 'complete',
    ...(summary.rank !== undefined ? { summaryRank: summary.rank } : {}),
    files: docs.map((d) => d.path),
    checklist: checklist.checklist,
    fields: fieldsOf(group, facts),
    findings,
  };
}

function normaliseReceivedAt(receivedAt: string | Date | undefined): string | undefined {
  if (receivedAt === undefined) return undefined;
  const date = new Date(receivedAt);
  if (Number.isNaN(date.getTime())) throw new TypeError(`receivedAt is not a valid instant: ${String(receivedAt)}`);
  return typeof receivedAt === 'string' ? receivedAt : receivedAt.toISOString();
}

/**
 * The completeness report of a bundle (SPEC §4): groups the extracted documents into applications and the
 * recommending unit's own materials, checks each against the campaign's catalogue, consents, eligibility,
 * cross-document consistency, the summary table, the letter, the self-evaluation, publicity and consultations.
 * Pure and deterministic: the same documents, campaign, received time and unit give the same report.
 */
export function checkBundle(input: CheckBundleInput): CompletenessReport {
  return checkGroupedBundle(input).report;
}

/** `checkBundle`, with the grouping the report rests on: registration reads the applications from it, never regroups. */
export function checkGroupedBundle(input: CheckBundleInput): { report: CompletenessReport; grouping: BundleGrouping } {
  const { campaign } = input;
  const receivedAt = normaliseReceivedAt(input.receivedAt);
  const documents = [...input.documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unitName = input.recommendingUnit ?? readRecommendingUnit(documents);
  const grouping = groupDocuments(documents, campaign, unitName);

  const groupFamilies = new Set(grouping.groups.map((g) => awardFamily(g.track)));
  if (groupFamilies.size === 0) {
    if (grouping.recommendingUnit.some((d) => d.materialType === 'QM_SUMMARY_TABLE')) groupFamilies.add('QM');
    if (grouping.recommendingUnit.some((d) => d.materialType === 'SI_RECOMMENDATION_SUMMARY_TABLE'))
      groupFamilies.add('SI');
  }
  const families = (['QM', 'SI'] as const).filter((f) => groupFamilies.has(f));

  // Summary tables: 附件3 for the QM applications, 附件6 for the SI projects.
  const summaryFindings = new Map<string, Finding[]>();
  const ranks = new Map<string, number>();
  const unitSummaryFindings: Finding[] = [];
  for (const family of families) {
    const tableType = family === 'QM' ? 'QM_SUMMARY_TABLE' : 'SI_RECOMMENDATION_SUMMARY_TABLE';
    const entries: SummaryEntry[] = grouping.groups
      .filter((g) => awardFamily(g.track) === family)
      .map((g) => ({ id: g.id, app: applicationOfGroup(g, unitName), fallbackName: folderName(g) }));
    const result = checkSummaryTable(
      grouping.recommendingUnit.filter((d) => d.materialType === tableType),
      entries,
    );
    for (const [id, f] of result.byApplication) summaryFindings.set(id, f);
    for (const [id, r] of result.ranks) ranks.set(id, r);
    unitSummaryFindings.push(...result.unitFindings);
  }

  const applications = grouping.groups.map((g) =>
    checkApplication(
      g,
      unitName,
      campaign,
      receivedAt,
      {
        findings: summaryFindings.get(g.id) ?? [],
        rank: ranks.get(g.id),
      },
      grouping.recommendingUnit,
    ),
  );

  const unitDocs = grouping.recommendingUnit;
  const unitChecklist = materialChecklist(
    unitRequirements(families, campaign),
    unitDocs,
    undefined,
    'recommendingUnit.',
  );
  const unitFindings = orderFindings([
    ...unitDocs.flatMap((d) => d.findings),
    ...unitChecklist.findings,
    ...(families.length > 0
      ? checkDeclassificationConsent(
          unitDocs.filter((d) => d.materialType === 'DECLASSIFICATION_CONSENT'),
          { field: 'recommendingUnit.declassificationConsent', who: '推荐单位' },
        )
      : []),
    ...checkRecommendationLetter(unitDocs.filter((d) => d.materialType === 'RECOMMENDATION_LETTER')),
    ...unitSummaryFindings,
  ]);

  const bundleFindings = orderFindings([
    ...(input.bundleFindings ?? []),
    ...grouping.unassigned.flatMap((d) => d.findings),
    ...grouping.containers.flatMap((d) => d.findings),
    ...(applications.length === 0
      ? [finding('MISSING_MATERIAL', 'blocking', '材料包中未找到任何申报表或申报材料', { field: 'applications' })]
      : []),
  ]);

  const files: ReportFile[] = documents.map((d) => {
    const facts = reportFileOcr(d.ocr);
    return {
      path: d.path,
      sha256: d.sha256,
      size: d.size,
      declaredType: d.declaredType,
      detectedType: d.detectedType,
      readable: d.readable,
      pageCount: d.pageCount,
      pagesWithoutText: [...d.needsOcr],
      material: d.materialType,
      materialName: materialTypes[d.materialType],
      classificationReason: d.classificationReason,
      assignment: grouping.assignment.get(d.path) ?? { kind: 'unassigned', reason: 'not grouped' },
      findings: orderFindings(d.findings),
      ...(facts ? { ocr: facts } : {}),
    };
  });
  const unitStatus = bySeverityBlocking(unitFindings) ? 'incomplete' : 'complete';
  const all = [...applications.flatMap((a) => a.findings), ...unitFindings, ...bundleFindings];
  const complete = applications.filter((a) => a.status === 'complete').length;
  const report: CompletenessReport = {
    format: reportFormat,
    bundleId: bundleIdOf(documents),
    campaign: campaign.year,
    ...(receivedAt !== undefined ? { receivedAt } : {}),
    recommendingUnit: {
      ...(unitName !== undefined ? { name: unitName } : {}),
      families: [...families],
      status: unitStatus,
      files: unitDocs.map((d) => d.path),
      checklist: unitChecklist.checklist,
      findings: unitFindings,
    },
    status:
      applications.length > 0 &&
      complete === applications.length &&
      unitStatus === 'complete' &&
      !bySeverityBlocking(bundleFindings)
        ? 'complete'
        : 'incomplete',
    summary: {
      files: files.length,
      applications: applications.length,
      complete,
      incomplete: applications.length - complete,
      unassignedFiles: grouping.unassigned.length,
      findings: tally(all),
    },
    files,
    applications,
    unassignedFiles: grouping.unassigned.map((d) => d.path),
    findings: bundleFindings,
  };
  return { report, grouping };
}
