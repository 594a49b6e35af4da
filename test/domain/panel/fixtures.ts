import type { Expert, PanelSubject } from '../../../shared/domain/panel/expert.js';

export const SEED = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0';

export function expert(id: string, over: Partial<Expert> = {}): Expert {
  return {
    id,
    name: `专家${id}`,
    unit: `单位${id}`,
    tracks: ['QM_ORG', 'QM_IND', 'SI'],
    industryGroups: ['装备制造'],
    declaredConflicts: [],
    ...over,
  };
}

export const qmSubject: PanelSubject = {
  applicationId: 'QM-2025-001',
  track: 'QM_ORG',
  applicantUnits: [{ name: '吉林某汽车零部件有限公司', creditCode: '91220101MA0000000X' }],
  drafterUnits: [],
};

export const siSubject: PanelSubject = {
  applicationId: 'SI-2025-007',
  track: 'SI',
  applicantUnits: [{ name: '吉林省标准研究院' }],
  drafterUnits: [{ name: '长春某检测中心' }, { name: '吉林大学' }],
  industryGroup: '装备制造',
};

export function pool(n: number): Expert[] {
  return Array.from({ length: n }, (_, i) => expert(`E${String(i + 1).padStart(3, '0')}`));
}

export const baseOptions = {
  size: 3,
  stage: 'MATERIAL_REVIEW' as const,
  seed: SEED,
  workloadCap: 5,
  workload: {},
  otherPanelsOfApplication: [],
};
