import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompletenessReport } from '../../shared/report/completenessReport.js';
import { parseReportJson, reportJson } from '../../shared/report/reportJson.js';

const golden = parseReportJson(readFileSync('test/report/golden/qm-ind-complete.json', 'utf8'));
const idNumber = golden.applications[0]?.applicant.idNumber as string;
const rawId = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

describe('report JSON masked by role', () => {
  it('the fixture carries a raw ID number (so the masking below is tested on something)', () => {
    expect(idNumber).toMatch(rawId);
    expect(reportJson(golden)).toContain(idNumber);
  });

  it.each([
    ['recommending_unit', false],
    ['auditor', false],
  ] as const)('masks ID numbers for %s, still a valid report', (role, needRecorded) => {
    const text = reportJson(golden, { role, needRecorded });
    expect(text).not.toContain(idNumber);
    expect(text).not.toMatch(rawId);
    const masked = CompletenessReport.parse(JSON.parse(text));
    expect(masked.applications[0]?.applicant.idNumber).toMatch(/^\d{0,3}\*{8,}[\dXx]{4}$/);
    expect(masked.files.map((f) => f.sha256)).toEqual(golden.files.map((f) => f.sha256));
    expect(masked.bundleId).toBe(golden.bundleId);
  });

  it.each([
    ['reviewer', false],
    ['system', false],
    ['auditor', true],
  ] as const)('shows them to %s (need recorded: %s), as the history exports do', (role, needRecorded) => {
    expect(reportJson(golden, { role, needRecorded })).toContain(idNumber);
  });
});
