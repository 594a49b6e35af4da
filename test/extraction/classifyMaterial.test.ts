import { describe, expect, it } from 'vitest';
import { classifyMaterial } from '../../shared/extraction/classifyMaterial.js';

describe('classifyMaterial', () => {
  it('classifies from a real-world file name', () => {
    const result = classifyMaterial('附件2 吉林省质量奖（质量管理）组织申报表-某公司.docx', []);
    expect(result.type).toBe('QM_ORG_APPLICATION_FORM');
    expect(result.reason).toContain('file name');
  });

  it('classifies a meaningless file name from the document title', () => {
    const result = classifyMaterial('扫描件003.pdf', ['吉林省质量奖（质量管理）个人申报表', '申报人：张三']);
    expect(result).toEqual({ type: 'QM_IND_APPLICATION_FORM', reason: expect.stringContaining('title contains') });
  });

  it('matches titles with spaced characters and full-width punctuation', () => {
    expect(classifyMaterial('a.pdf', ['推 荐 公 函']).type).toBe('RECOMMENDATION_LETTER');
    expect(classifyMaterial('b.pdf', ['脱密审核同意书：']).type).toBe('DECLASSIFICATION_CONSENT');
  });

  it('a more specific title outweighs a generic file name, and the reason says both', () => {
    const result = classifyMaterial('汇总表.pdf', ['吉林省质量奖（标准创新）推荐项目汇总表']);
    expect(result.type).toBe('SI_RECOMMENDATION_SUMMARY_TABLE');
    expect(result.reason).toContain('file name suggested');
  });

  it('agreeing file name and title are both recorded', () => {
    expect(classifyMaterial('自评报告.docx', ['自评报告']).reason).toBe('file name and title contain 「自评报告」');
  });

  it('unknown stays UNCLASSIFIED with its reason', () => {
    expect(classifyMaterial('IMG_0001.jpg', ['会议纪要'])).toEqual({
      type: 'UNCLASSIFIED',
      reason: 'no material keyword in the file name or the title',
    });
  });
});
