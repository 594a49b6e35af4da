import { describe, expect, it } from 'vitest';
import { Application } from '../../../shared/domain/application/application.js';
import { loadCampaign } from '../../../shared/domain/campaign/loadCampaign.js';
import {
  applicantMaterials,
  materialConditionHolds,
  materialSignatures,
  materialsForApplication,
  recommendingUnitMaterials,
} from '../../../shared/domain/campaign/materialCatalogue.js';
import { MaterialType } from '../../../shared/domain/materials/materialType.js';

const campaign = loadCampaign('2025');
const types = (list: readonly { type: string }[]) => list.map((m) => m.type);

describe('material catalogue 2025 (SPEC §4)', () => {
  it('QM_ORG: Word form, self-evaluation and chart; certificate and publicity may be scans', () => {
    const byType = new Map(applicantMaterials(campaign, 'QM_ORG').map((m) => [m.type, m]));
    expect(byType.get('QM_ORG_APPLICATION_FORM')).toMatchObject({
      requirement: 'required',
      editableWordRequired: true,
      textRequired: true,
    });
    expect(byType.get('SELF_EVALUATION_REPORT')).toMatchObject({ editableWordRequired: true });
    expect(byType.get('ORGANISATION_CHART')).toMatchObject({
      requirement: 'conditional',
      condition: 'isHeadquartersOrGroup',
    });
    expect(byType.get('CREDIT_CODE_CERTIFICATE')).toMatchObject({ requirement: 'required', textRequired: false });
    expect(byType.get('AWARD_CERTIFICATE')?.requirement).toBe('optional');
    expect(byType.get('CONSULTATION_FORM')?.scope).toBe('perDepartment');
    expect(byType.get('DECLASSIFICATION_CONSENT')?.requirement).toBe('required');
  });

  it('QM_IND: form, achievements, employer recommendation', () => {
    expect(types(applicantMaterials(campaign, 'QM_IND'))).toEqual(
      expect.arrayContaining([
        'QM_IND_APPLICATION_FORM',
        'ACHIEVEMENTS',
        'EMPLOYER_RECOMMENDATION',
        'CONSULTATION_FORM',
      ]),
    );
  });

  it('SI: no Word required anywhere; waiver declarations only when the applicant is not the first drafting unit', () => {
    const si = applicantMaterials(campaign, 'SI');
    expect(si.every((m) => !m.editableWordRequired)).toBe(true);
    expect(types(si)).toEqual(
      expect.arrayContaining([
        'SI_MATERIAL_LIST',
        'SI_APPLICATION_FORM',
        'STANDARD_TEXT',
        'LEVEL_EVIDENCE',
        'BENEFIT_EVIDENCE',
        'SI_PROJECT_SUMMARY_TABLE',
        'DRAFTER_SELECTION_EVIDENCE',
      ]),
    );
    expect(si.find((m) => m.type === 'WAIVER_DECLARATION')).toMatchObject({
      condition: 'applicantNotFirstDraftingUnit',
      scope: 'perWaivingUnit',
    });
  });

  it('recommending units: consent, letter and summary table per bundle; QM forms in Word and PDF', () => {
    const qm = recommendingUnitMaterials(campaign, 'QM');
    expect(qm.find((m) => m.type === 'QM_SUMMARY_TABLE')).toMatchObject({
      editableWordRequired: true,
      pdfRequired: true,
      scope: 'perBundle',
    });
    expect(types(recommendingUnitMaterials(campaign, 'SI'))).toEqual(
      expect.arrayContaining(['DECLASSIFICATION_CONSENT', 'RECOMMENDATION_LETTER', 'SI_RECOMMENDATION_SUMMARY_TABLE']),
    );
  });

  it('includes the organisation chart only for a headquarters / group, undetermined when unknown', () => {
    const group = Application.parse({ track: 'QM_ORG', organisation: { isHeadquartersOrGroup: true } });
    const single = Application.parse({ track: 'QM_ORG', organisation: { isHeadquartersOrGroup: false } });
    const unknown = Application.parse({ track: 'QM_ORG', organisation: {} });
    expect(types(materialsForApplication(campaign, group))).toContain('ORGANISATION_CHART');
    expect(types(materialsForApplication(campaign, single))).not.toContain('ORGANISATION_CHART');
    expect(materialsForApplication(campaign, unknown).find((m) => m.type === 'ORGANISATION_CHART')?.undetermined).toBe(
      true,
    );
  });

  it('decides applicantNotFirstDraftingUnit from the drafting order; never for group standards', () => {
    const project = (standardNumber: string, applicant: string) =>
      Application.parse({
        track: 'SI',
        project: { standardNumber, applicant: { name: applicant }, draftingUnits: ['甲研究院', '乙公司'] },
      });
    expect(materialConditionHolds('applicantNotFirstDraftingUnit', project('GB/T 1-2020', '乙公司'))).toBe(true);
    expect(materialConditionHolds('applicantNotFirstDraftingUnit', project('GB/T 1-2020', '甲研究院'))).toBe(false);
    expect(materialConditionHolds('applicantNotFirstDraftingUnit', project('T/JLXH 1-2020', '乙公司'))).toBe(false);
  });

  it('has a signature for every material type but UNCLASSIFIED', () => {
    const expected = MaterialType.options.filter((t) => t !== 'UNCLASSIFIED').sort();
    expect(Object.keys(materialSignatures).sort()).toEqual(expected);
    for (const s of Object.values(materialSignatures)) {
      expect(s.titleKeywords.length + s.fileNameKeywords.length).toBeGreaterThan(0);
    }
    expect(materialSignatures.DECLASSIFICATION_CONSENT.titleKeywords).toContain('脱密审核同意书');
    expect(materialSignatures.SI_PROJECT_SUMMARY_TABLE.fileNameKeywords).toContain('附件5');
  });
});
