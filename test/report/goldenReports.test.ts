import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/domain/findings/finding.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import type { ExampleName } from '../fixtures/bundles/exampleBundles.js';
import { type ExpectedFinding, exampleExpectations } from './exampleExpectations.js';
import { closeGoldenResources, exampleNames, exampleReportJson, goldenPath } from './goldenReports.js';

afterAll(closeGoldenResources);

const reports = new Map<ExampleName, Promise<string>>();
/** Each example is checked once (OCR is the slow part) and the JSON shared by the tests below. */
const reportOf = (name: ExampleName) => {
  if (!reports.has(name)) reports.set(name, exampleReportJson(name));
  return reports.get(name) as Promise<string>;
};

const codeOf = (f: Finding) => `${f.code}/${f.severity}`;
const expectedCode = (e: ExpectedFinding) => (typeof e === 'string' ? e : e.code);

/** Expected findings are matched as a multiset; a `mentions` fragment must appear in the field, evidence or message. */
function unmatched(actual: Finding[], expected: ExpectedFinding[]): { missing: string[]; extra: string[] } {
  const left = [...actual];
  const missing: string[] = [];
  const ordered = [...expected].sort((a, b) => (typeof a === 'string' ? 1 : 0) - (typeof b === 'string' ? 1 : 0));
  for (const e of ordered) {
    const i = left.findIndex(
      (f) =>
        codeOf(f) === expectedCode(e) &&
        (typeof e === 'string' || [f.field, f.evidence, f.message].some((t) => t?.includes(e.mentions))),
    );
    if (i < 0) missing.push(typeof e === 'string' ? e : `${e.code} mentioning ${e.mentions}`);
    else left.splice(i, 1);
  }
  return { missing, extra: left.map((f) => `${codeOf(f)} ${f.field ?? ''} ${f.message}`) };
}

describe('example bundles report what the notice requires (hand-written expectations)', () => {
  it.each(exampleNames)('%s', async (name) => {
    const report = parseReportJson(await reportOf(name)) as CompletenessReport;
    const expected = exampleExpectations[name];
    expect(report.status).toBe(expected.status);
    expect(report.applications).toHaveLength(expected.applications.length);
    expected.applications.forEach((app, i) => {
      const sameTrackBefore = expected.applications.slice(0, i).filter((a) => a.track === app.track).length;
      const actual = report.applications.filter((a) => a.track === app.track)[sameTrackBefore];
      expect(actual, `application ${i} (${app.track})`).toBeDefined();
      if (!actual) return;
      expect(actual.applicant).toMatchObject(app.applicant);
      expect(unmatched(actual.findings, app.findings)).toEqual({ missing: [], extra: [] });
      expect(actual.status).toBe(app.status);
    });
    const unitFindings = [...report.recommendingUnit.findings, ...report.findings];
    expect(unmatched(unitFindings, expected.unitFindings)).toEqual({ missing: [], extra: [] });
    for (const [suffix, material] of Object.entries(expected.materials ?? {}))
      expect(report.files.find((f) => f.path.endsWith(suffix))?.material, suffix).toBe(material);
  });
});

describe('golden JSON reports of the example bundles (regression check)', () => {
  // The golden file was written by an earlier run: equal bytes now also prove the check deterministic across runs.
  it.each(exampleNames)('%s: byte-identical to its golden file', async (name) => {
    expect(await reportOf(name)).toBe(readFileSync(goldenPath(name), 'utf8'));
  });
});
