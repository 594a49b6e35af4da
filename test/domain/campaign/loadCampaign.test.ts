import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  availableCampaigns,
  CampaignConfigError,
  campaignsDirectory,
  loadCampaign,
} from '../../../shared/domain/campaign/loadCampaign.js';
import { publicityDays } from '../../../shared/domain/campaign/publicityDays.js';

describe('campaign 2025 matches the notice', () => {
  const c = loadCampaign('2025');

  it('has the deadlines of the notice in Asia/Shanghai', () => {
    expect(c.timeZone).toBe('Asia/Shanghai');
    expect(Date.parse(c.deadlines.QM_ORG)).toBe(Date.parse('2025-08-22T16:00:00Z') - 1);
    expect(c.deadlines.QM_IND).toBe(c.deadlines.QM_ORG);
    expect(Date.parse(c.deadlines.SI)).toBe(Date.parse('2025-09-01T16:00:00Z') - 1);
    expect(Date.parse(c.deadlines.contactForms)).toBe(Date.parse('2025-07-25T16:00:00Z') - 1);
  });

  it('has the SI implementation cut-off and the excluding awards', () => {
    expect(c.standardInnovation.implementationCutoff).toBe('2022-12-31');
    expect(c.standardInnovation.excludingAwards).toEqual(['中国标准创新贡献奖', '吉林省标准创新贡献奖']);
  });

  it('has the quotas: QM 5 + 5 with a 20 % county-level cap, SI 5 / 10 / 15', () => {
    expect(c.quotas.qualityManagement).toEqual({ award: 5, nomination: 5, countyLevelMaxPercentOfIndividuals: 20 });
    expect(c.quotas.standardInnovation).toEqual({ FIRST: 5, SECOND: 10, THIRD: 15 });
  });

  it('has the prizes in fen; individuals receive certificates only', () => {
    expect(c.prizesFen.QM_ORG).toEqual({ award: 100_000_000, nomination: 10_000_000 });
    expect(c.prizesFen.QM_IND).toEqual({ award: 0, nomination: 0 });
    expect(c.prizesFen.SI).toEqual({ FIRST: 15_000_000, SECOND: 10_000_000, THIRD: 5_000_000 });
  });

  it('has publicity of 5 working days for QM and 7 for SI, internal 5, first day counted if a working day', () => {
    expect(c.publicity.firstDayCounts).toBe('ifWorkingDay');
    expect(c.publicity.workingDays.QM_ORG).toEqual({ internal: 5, social: 5, result: 5 });
    expect(c.publicity.workingDays.QM_IND).toEqual({ internal: 5, social: 5, result: 5 });
    expect(c.publicity.workingDays.SI).toEqual({ internal: 5, social: 7, result: 7 });
  });

  it('has the eligibility numbers', () => {
    expect(c.eligibility).toEqual({
      jilinDivisionPrefix: '22',
      operatingYears: 5,
      operatingYearsFourNewOrSpecialised: 3,
      qualityWorkYears: 5,
      jilinQualityWorkYears: 2,
      organisationLookBackYears: 5,
      legalRepresentativeLookBackYears: 3,
      siApplicantLookBackYears: 5,
      maxDrafters: 5,
    });
  });

  it('has panel sizes for the per-application panel stages and a workload cap', () => {
    expect(Object.keys(c.panels.sizes).sort()).toEqual([
      'DEFENSE',
      'MATERIAL_REVIEW',
      'ONSITE_REVIEW',
      'PROFESSIONAL_REVIEW',
    ]);
    expect(c.panels.expertWorkloadCap).toBeGreaterThan(0);
  });
});

describe('loadCampaign errors', () => {
  it('names the missing year and the available ones', () => {
    expect(() => loadCampaign('2031')).toThrow(CampaignConfigError);
    expect(() => loadCampaign('2031')).toThrow('No campaign configuration for year "2031" (available: 2025');
  });

  it('lists the available campaigns', () => {
    expect(availableCampaigns()).toContain('2025');
  });

  it('names the offending field of an invalid file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-'));
    const data = JSON.parse(readFileSync(join(campaignsDirectory(), '2025.json'), 'utf8'));
    data.year = '2026';
    data.quotas.standardInnovation.FIRST = -1;
    writeFileSync(join(dir, '2026.json'), JSON.stringify(data));
    expect(() => loadCampaign('2026', { directory: dir })).toThrow(/Campaign 2026 is invalid[\s\S]*FIRST/);
  });

  it('loads a new year from a new file without code change, and rejects a file declaring another year', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-'));
    const data = JSON.parse(readFileSync(join(campaignsDirectory(), '2025.json'), 'utf8'));
    data.year = '2026';
    data.deadlines.SI = '2026-09-01T23:59:59.999+08:00';
    writeFileSync(join(dir, '2026.json'), JSON.stringify(data));
    writeFileSync(join(dir, '2027.json'), JSON.stringify(data));
    expect(loadCampaign('2026', { directory: dir }).deadlines.SI).toBe('2026-09-01T23:59:59.999+08:00');
    expect(() => loadCampaign('2027', { directory: dir })).toThrow('declares year "2026"');
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'campaign-'));
    writeFileSync(join(dir, '2028.json'), '{ not json');
    expect(() => loadCampaign('2028', { directory: dir })).toThrow('is not valid JSON');
  });
});

describe('publicityDays', () => {
  it('maps the publicity stages of each track to their working days', () => {
    const c = loadCampaign('2025');
    expect(publicityDays(c, 'SI', 'SOCIAL_PUBLICITY')).toBe(7);
    expect(publicityDays(c, 'SI', 'RESULT_PUBLICITY')).toBe(7);
    expect(publicityDays(c, 'QM_ORG', 'RESULT_PUBLICITY')).toBe(5);
    expect(publicityDays(c, 'QM_IND', 'INTERNAL')).toBe(5);
    expect(publicityDays(c, 'QM_ORG', 'DEFENSE')).toBeUndefined();
  });
});
