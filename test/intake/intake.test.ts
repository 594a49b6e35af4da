import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationStatus } from '../../shared/actions/consultationStatus.js';
import { ExtractedDocument } from '../../shared/extraction/document.js';
import { readEntryList } from '../../shared/intake/entryList.js';
import { extractEntry } from '../../shared/intake/extractEntry.js';
import { runIntakeStep } from '../../shared/intake/intakeStep.js';
import { unpackBundle } from '../../shared/intake/unpackBundle.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { advanceAutomaticStage } from '../../shared/workflow/advanceAutomaticStage.js';
import { StartProjectsInput } from '../../shared/workflow/startProjects.js';
import { startStage } from '../../shared/workflow/startStage.js';
import { runStep } from '../../shared/workflow/workflowStep.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { intakeDeps, runIntake } from './intakeHarness.js';

let records: LocalRecords;
beforeAll(async () => {
  records = await startLocalRecords();
});
afterAll(async () => records.stop());

const receivedAt = '2025-08-15T10:00:00+08:00';

async function upload(deps: Awaited<ReturnType<typeof intakeDeps>>, example: string, unit = 'changchun-amr') {
  const key = `incoming/${unit}/${example}.zip`;
  const put = await deps.objects.put(key, await readFile(`examples/${example}.zip`), {
    metadata: { 'unit-name': encodeURIComponent('长春市市场监督管理局') },
  });
  return { bucket: 'local', key, versionId: put.versionId as string, receivedAt };
}

describe('Intake.Unpack', () => {
  it('stores every entry under extracted/<bundleId>/ and the entry list, and returns indexes only, with the unit, campaign and time', async () => {
    const deps = await intakeDeps(records.repository);
    const input = await upload(deps, 'qm-org-complete');
    const unpacked = await runIntakeStep(unpackBundle, deps, input);
    expect(unpacked.entries).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(unpacked.entriesKey).toBe(`derived/${unpacked.bundleId}/entries.json`);
    expect(unpacked.bundleId).toBe(unpacked.bundleSha256.slice(0, 32));
    expect(unpacked.source).toEqual({ kind: 'local', sha256: unpacked.bundleSha256 });
    expect(unpacked.unit).toEqual({ id: 'changchun-amr', name: '长春市市场监督管理局' });
    expect(unpacked.campaign).toBe('2025');
    expect(unpacked.receivedAt).toBe(receivedAt);
    const list = await readEntryList(deps.objects, unpacked.bundleId);
    expect(list.entries).toHaveLength(18);
    for (const item of list.entries) {
      expect(Object.keys(item)).toEqual(['bundleIndex', 'path', 'objectKey', 'sha256']);
      expect((await deps.objects.head(item.objectKey))?.metadata.sha256).toBe(item.sha256);
      expect(item.objectKey).toBe(`extracted/${unpacked.bundleId}/${item.path}`);
      expect((await deps.objects.head(item.objectKey))?.size).toBeGreaterThan(0);
    }
    expect(Buffer.byteLength(JSON.stringify(unpacked))).toBeLessThan(8 * 1024);
  });

  it('takes the received time from the object when the event gives none', async () => {
    const deps = await intakeDeps(records.repository);
    const { receivedAt: _given, ...input } = await upload(deps, 'qm-ind-complete');
    const unpacked = await runIntakeStep(unpackBundle, deps, input);
    const info = await deps.objects.head(input.key);
    expect(unpacked.receivedAt).toBe(info?.lastModified.toISOString());
  });
});

describe('Intake.ExtractFile', () => {
  it('extracts the entry {bundleId, index} names, stores its ExtractedDocument under derived/<bundleId>/ and returns its key and a summary', async () => {
    const deps = await intakeDeps(records.repository);
    const unpacked = await runIntakeStep(unpackBundle, deps, await upload(deps, 'qm-org-complete'));
    const list = await readEntryList(deps.objects, unpacked.bundleId);
    const index = list.entries.findIndex((e) => e.path.endsWith('组织申报表.docx'));
    const item = list.entries[index];
    const result = await runIntakeStep(extractEntry, deps, { bundleId: unpacked.bundleId, index });
    expect(result).toMatchObject({ index, path: item?.path, readable: true, materialType: 'QM_ORG_APPLICATION_FORM' });
    expect(result.derivedKey).toMatch(new RegExp(`^derived/${unpacked.bundleId}/[0-9a-f]{64}\\.[0-9a-f]{12}\\.json$`));
    const doc = ExtractedDocument.parse(JSON.parse(Buffer.from(await deps.objects.get(result.derivedKey)).toString()));
    expect(doc.path).toBe(item?.path);
    expect(doc.fields.creditCode?.value).toBeDefined();
  });
});

describe('the intake of a complete bundle', () => {
  it('reports it complete, registers the application at CONSULTATION with the matrix departments, stores and records the report', async () => {
    const deps = await intakeDeps(records.repository);
    const input = await upload(deps, 'qm-org-complete');
    const run = await runIntake(deps, input);
    expect(run.verified.status).toBe('complete');
    expect(run.verified.applications).toHaveLength(1);
    const [app] = run.registered.applications;
    expect(app).toMatchObject({ track: 'QM_ORG', complete: true, stage: 'CONSULTATION' });
    const id = app?.applicationId as string;
    expect((await records.repository.getApplication(id))?.stage).toBe('CONSULTATION');
    const events = await records.repository.listEvents(id);
    expect(events.map((e) => e.type)).toEqual([
      'APPLICATION_REGISTERED',
      'STAGE_ADVANCED',
      'STAGE_ADVANCED',
      'CONSULTATION_DEPARTMENTS_REQUIRED',
    ]);
    // 民营企业 (SPEC §6): 公安, 人社, 生态环境, 税务, 市场监管, 应急管理, 统战, 工商联.
    expect(consultationStatus(events).required).toEqual(
      [
        'PUBLIC_SECURITY',
        'HUMAN_RESOURCES_SOCIAL_SECURITY',
        'ECOLOGY_ENVIRONMENT',
        'TAXATION',
        'MARKET_REGULATION',
        'EMERGENCY_MANAGEMENT',
        'UNITED_FRONT',
        'FEDERATION_OF_INDUSTRY_AND_COMMERCE',
      ].sort(),
    );
    expect(events[0]?.evidence).toEqual([
      { objectKey: input.key, sha256: run.unpacked.bundleSha256 },
      { objectKey: `reports/${run.unpacked.bundleId}/report.json`, sha256: run.verified.reportSha256 },
    ]);
    expect(events[0]?.data.applicant).toMatchObject({
      track: 'QM_ORG',
      organisation: { name: '吉林省长白精工机械有限公司' },
    });

    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    expect(report.status).toBe('complete');
    expect(report.receivedAt).toBe(receivedAt);
    const html = Buffer.from(await deps.objects.get(run.reports.htmlKey)).toString();
    expect(html).toContain('吉林省长白精工机械有限公司');
    expect(await records.repository.listReports(id)).toEqual([
      expect.objectContaining({
        n: 1,
        objectKey: run.reports.reportKey,
        sha256: run.reports.sha256,
        evidence: [
          { objectKey: run.reports.reportKey, sha256: run.reports.sha256 },
          { objectKey: run.reports.htmlKey, sha256: run.reports.htmlSha256 },
        ],
      }),
    ]);
    expect(StartProjectsInput.parse({ reports: run.reports.reports }).reports).toEqual([
      expect.objectContaining({ applicationId: id, track: 'QM_ORG', campaign: '2025', complete: true }),
    ]);
    expect(Math.max(...run.states.map((s) => Buffer.byteLength(JSON.stringify(s))))).toBeLessThan(16 * 1024);
  });

  it('lets its Project execution pass RECEIVED and COMPLETENESS and enter CONSULTATION', async () => {
    const deps = await intakeDeps(records.repository);
    const run = await runIntake(deps, await upload(deps, 'qm-ind-complete'));
    const applicationId = run.registered.applications[0]?.applicationId as string;
    const step = { applicationId, track: 'QM_IND', campaign: '2025', executionId: 'exec-1' } as const;
    for (const stage of ['RECEIVED', 'COMPLETENESS'] as const) {
      expect(await runStep(startStage, deps, { ...step, stage })).toMatchObject({ alreadyLeft: true });
      expect(await runStep(advanceAutomaticStage, deps, { ...step, stage })).toMatchObject({ outcome: 'pass' });
    }
    expect(await runStep(startStage, deps, { ...step, stage: 'CONSULTATION' })).toMatchObject({ entered: true });
  });
});

describe('the intake of an incomplete bundle', () => {
  it('registers the application and leaves it at COMPLETENESS with its findings in the report', async () => {
    const deps = await intakeDeps(records.repository);
    const run = await runIntake(deps, await upload(deps, 'qm-org-defects'));
    const [app] = run.registered.applications;
    expect(app).toMatchObject({ complete: false, stage: 'COMPLETENESS', consultations: [] });
    expect((await records.repository.getApplication(app?.applicationId as string))?.stage).toBe('COMPLETENESS');
    expect(run.verified.applications[0]?.blocking).toBeGreaterThan(0);
    expect(run.reports.reports).toEqual([expect.objectContaining({ complete: false })]);
    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    expect(report.applications[0]?.findings.map((f) => f.code)).toContain('EDITABLE_WORD_MISSING');
  });
});
