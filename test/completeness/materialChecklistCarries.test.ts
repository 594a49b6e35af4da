import { describe, expect, it } from 'vitest';
import { materialChecklist } from '../../shared/completeness/materialChecklist.js';
import { Organisation } from '../../shared/domain/application/organisation.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { applicantMaterials } from '../../shared/domain/campaign/materialCatalogue.js';
import { modelDocument } from './groupingDocuments.js';

const campaign = loadCampaign('2025');
const app = {
  track: 'QM_ORG' as const,
  organisation: Organisation.parse({ name: '某公司', isHeadquartersOrGroup: false }),
};

describe('material checklist: a material is present when any document carries it', () => {
  it('a combined PDF of 申报表 + 自评报告 stands for both; no MISSING_MATERIAL for the 自评报告', () => {
    const combined = {
      ...modelDocument('扫描件001.pdf', ['吉林省质量奖（质量管理）组织申报表', '单位名称：某公司']),
      additionalMaterials: ['SELF_EVALUATION_REPORT' as const],
    };
    const word = modelDocument('自评报告.docx', ['自评报告']);
    const { checklist, findings } = materialChecklist(applicantMaterials(campaign, 'QM_ORG'), [combined, word], app);
    expect(checklist.find((c) => c.material === 'SELF_EVALUATION_REPORT')).toMatchObject({
      status: 'present',
      files: ['扫描件001.pdf', '自评报告.docx'],
    });
    expect(findings.filter((f) => f.field === 'SELF_EVALUATION_REPORT')).toEqual([]);
  });

  it('without the additional material the 自评报告 is missing (the rule above is what makes it present)', () => {
    const form = modelDocument('扫描件001.pdf', ['吉林省质量奖（质量管理）组织申报表', '单位名称：某公司']);
    const { findings } = materialChecklist(applicantMaterials(campaign, 'QM_ORG'), [form], app);
    expect(findings.filter((f) => f.code === 'MISSING_MATERIAL').map((f) => f.field)).toContain(
      'SELF_EVALUATION_REPORT',
    );
  });

  it('the SI 申报书 with its section 六 counts as the 征求意见表 in the checklist', () => {
    const form = modelDocument('附件4.pdf', [
      '吉林省质量奖（标准创新）项目申报书',
      '标准名称：某标准',
      '六、征求有关部门意见表',
      '类别：非公有制企业及其负责人',
    ]);
    expect(form.additionalMaterials).toEqual(['CONSULTATION_FORM']);
    const { checklist } = materialChecklist(applicantMaterials(campaign, 'SI'), [form], undefined);
    expect(checklist.find((c) => c.material === 'CONSULTATION_FORM')?.status).toBe('present');
    expect(checklist.find((c) => c.material === 'SI_APPLICATION_FORM')?.status).toBe('present');
  });
});
