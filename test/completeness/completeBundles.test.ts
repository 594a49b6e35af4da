import { describe, expect, it } from 'vitest';
import { qmIndBundle, qmOrgBundle, siBundle } from '../fixtures/bundles/exampleBundles.js';
import { checkSpec } from './checkSpec.js';

describe('complete bundles', () => {
  it.each([
    ['QM_ORG', qmOrgBundle],
    ['QM_IND', qmIndBundle],
    ['SI', siBundle],
  ])('a complete %s bundle is complete, with every required material present', async (track, bundle) => {
    const report = await checkSpec(bundle());
    expect(report.status).toBe('complete');
    expect(report.applications).toHaveLength(1);
    const app = report.applications[0];
    expect(app?.track).toBe(track);
    expect(app?.findings.filter((f) => f.severity === 'blocking')).toEqual([]);
    for (const item of app?.checklist ?? [])
      expect(item.status, item.material).toBe(item.requirement === 'required' ? 'present' : item.status);
    expect(report.recommendingUnit.checklist.find((c) => c.material === 'RECOMMENDATION_LETTER')?.status).toBe(
      'present',
    );
    expect(report.unassignedFiles).toEqual([]);
  });
});
