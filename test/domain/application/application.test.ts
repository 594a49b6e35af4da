import { describe, expect, it } from 'vitest';
import {
  Application,
  applicantName,
  applicationKey,
  isCountyLevel,
  isDeputyDepartmentOrAbove,
  missingRecommendationPoints,
  parseAdministrativeRank,
  parseOwnershipType,
  RecommendationLetter,
} from '../../../shared/domain/application/index.js';

describe('Application schema', () => {
  it('accepts a QM_ORG application with almost nothing filled in and defaults the lists', () => {
    const app = Application.parse({ track: 'QM_ORG', organisation: {} });
    expect(app.track).toBe('QM_ORG');
    if (app.track === 'QM_ORG') expect(app.organisation.declaredIncidents).toEqual([]);
  });

  it('accepts an SI application and defaults its applicant, drafters and units', () => {
    const app = Application.parse({ track: 'SI', project: { standardNumber: 'GB/T 1234-2020' } });
    if (app.track !== 'SI') throw new Error('expected SI');
    expect(app.project.drafters).toEqual([]);
    expect(app.project.applicant.declaredIncidents).toEqual([]);
  });

  it('rejects a date that is not YYYY-MM-DD and a wrong track', () => {
    expect(Application.safeParse({ track: 'QM_IND', person: { qualityWorkStartDate: '2020年1月1日' } }).success).toBe(
      false,
    );
    expect(Application.safeParse({ track: 'XX', person: {} }).success).toBe(false);
  });
});

describe('applicantName / applicationKey', () => {
  it('names the organisation, the person, or the standard', () => {
    expect(applicantName(Application.parse({ track: 'QM_ORG', organisation: { name: ' 长春一汽 ' } }))).toBe(
      '长春一汽',
    );
    expect(applicantName(Application.parse({ track: 'QM_IND', person: { name: '张三' } }))).toBe('张三');
    expect(
      applicantName(
        Application.parse({ track: 'SI', project: { standardName: '玉米收获机', applicant: { name: 'A' } } }),
      ),
    ).toBe('玉米收获机');
    expect(applicantName(Application.parse({ track: 'QM_ORG', organisation: {} }))).toBeUndefined();
  });

  it('keys QM_ORG by credit code, normalising full-width and case', () => {
    const a = Application.parse({ track: 'QM_ORG', organisation: { creditCode: '９１２２０１０１ma' } });
    const b = Application.parse({ track: 'QM_ORG', organisation: { creditCode: '91220101MA' } });
    expect(applicationKey(a)).toBe('QM_ORG#91220101MA');
    expect(applicationKey(b)).toBe(applicationKey(a));
  });

  it('keys QM_IND by a digest of the ID number, never the number itself', () => {
    const key = applicationKey(Application.parse({ track: 'QM_IND', person: { idNumber: '11010519491231002X' } }));
    expect(key).toMatch(/^QM_IND#ID:[0-9a-f]{32}$/);
    expect(key).not.toContain('110105');
  });

  it('keys SI by standard number and applicant, and is undefined when nothing identifies the application', () => {
    const key = applicationKey(
      Application.parse({ track: 'SI', project: { standardNumber: 'GB/T 1234—2020', applicant: { name: '甲公司' } } }),
    );
    expect(key).toBe('SI#GB/T1234-2020#甲公司');
    expect(applicationKey(Application.parse({ track: 'SI', project: {} }))).toBeUndefined();
  });
});

describe('ranks, ownership and recommendation points', () => {
  it.each([
    ['副厅级', 'DEPARTMENT_DEPUTY', true, false],
    ['正厅级', 'DEPARTMENT_CHIEF', true, false],
    ['县处级', 'COUNTY_CHIEF', false, true],
    ['副处级', 'COUNTY_DEPUTY', false, true],
    ['正科级', 'TOWNSHIP', false, false],
    ['无', 'NONE', false, false],
  ] as const)('%s → %s', (text, rank, excluded, county) => {
    const parsed = parseAdministrativeRank(text);
    expect(parsed).toBe(rank);
    if (!parsed) throw new Error('unparsed');
    expect(isDeputyDepartmentOrAbove(parsed)).toBe(excluded);
    expect(isCountyLevel(parsed)).toBe(county);
  });

  it.each([
    ['国有控股企业', 'STATE_CONTROLLED'],
    ['国有企业', 'STATE_OWNED'],
    ['民营企业', 'NON_PUBLIC'],
    ['事业单位', 'PUBLIC_INSTITUTION'],
    ['行业协会', 'SOCIAL_ORGANISATION'],
    ['', undefined],
  ] as const)('ownership %s → %s', (text, type) => {
    expect(parseOwnershipType(text)).toBe(type);
  });

  it('lists the points a recommendation letter lacks', () => {
    const letter = RecommendationLetter.parse({ pointsPresent: ['ORGANISATION', 'PROCESS'] });
    expect(missingRecommendationPoints(letter)).toHaveLength(6);
    expect(missingRecommendationPoints(letter)).not.toContain('PROCESS');
  });
});
