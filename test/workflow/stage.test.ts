import { describe, expect, it } from 'vitest';
import { nextStage, stagePath } from '../../shared/domain/track/stage.js';

describe('stage paths (SPEC §5)', () => {
  it('QM_IND skips the on-site review that QM_ORG has', () => {
    expect(stagePath.QM_ORG).toContain('ONSITE_REVIEW');
    expect(stagePath.QM_IND).not.toContain('ONSITE_REVIEW');
    expect(nextStage('QM_IND', 'MATERIAL_REVIEW')).toBe('DEFENSE');
    expect(nextStage('QM_ORG', 'MATERIAL_REVIEW')).toBe('ONSITE_REVIEW');
  });

  it('SI goes through unit recommendation and formal review before its 7-day publicity', () => {
    expect(stagePath.SI.slice(2, 6)).toEqual([
      'CONSULTATION',
      'UNIT_RECOMMENDATION',
      'FORMAL_REVIEW',
      'SOCIAL_PUBLICITY',
    ]);
    expect(stagePath.SI).not.toContain('LEADERSHIP_REVIEW');
  });

  it('has no stage after a terminal stage', () => {
    expect(nextStage('SI', 'AWARDED')).toBeUndefined();
    expect(nextStage('QM_ORG', 'NOT_AWARDED')).toBeUndefined();
  });
});

describe('campaign-wide finalisation', () => {
  it('is 领导小组审核 for QM and 综合评选 for SI', () => {
    expect(stagePath.QM_ORG).toContain('LEADERSHIP_REVIEW');
    expect(stagePath.SI).toContain('COMPREHENSIVE_SELECTION');
    expect(stagePath.SI).not.toContain('COMPREHENSIVE_EVALUATION');
  });
});
