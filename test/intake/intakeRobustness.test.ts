import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../../shared/extraction/document.js';
import { readEntryList } from '../../shared/intake/entryList.js';
import { runIntakeStep } from '../../shared/intake/intakeStep.js';
import { unpackBundle } from '../../shared/intake/unpackBundle.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { buildSpec, qmOrgBundle } from '../fixtures/bundles/exampleBundles.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { intakeDeps, runIntake } from './intakeHarness.js';

let records: LocalRecords;
beforeAll(async () => {
  records = await startLocalRecords();
});
afterAll(async () => records.stop());

const receivedAt = '2025-08-15T10:00:00+08:00';
const corruptPath = '吉林省长白精工机械有限公司/财务报表.pdf';

async function uploadBytes(deps: Awaited<ReturnType<typeof intakeDeps>>, name: string, bytes: Buffer) {
  const key = `incoming/changchun-amr/${name}`;
  const put = await deps.objects.put(key, bytes);
  return { bucket: 'local', key, versionId: put.versionId as string, receivedAt };
}

describe('a bundle with a corrupt file', () => {
  it('still registers its application and reports the file as unreadable', async () => {
    const deps = await intakeDeps(records.repository);
    const files = await buildSpec(qmOrgBundle());
    const zip = buildBundleZip([...files, { name: corruptPath, data: Buffer.from('%PDF-1.7\n1 0 obj << /Kids [') }]);
    const run = await runIntake(deps, await uploadBytes(deps, 'with-corrupt.zip', zip));
    expect(run.registered.applications).toHaveLength(1);
    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    const file = report.files.find((f) => f.path === corruptPath);
    expect(file?.readable).toBe(false);
    expect(file?.findings.map((f) => f.code)).toContain('FILE_UNREADABLE');
    expect(await deps.objects.head(`extracted/${run.unpacked.bundleId}/${corruptPath}`)).toBeDefined();
  });

  it('keeps a file whose extraction failed every retry (the Map Catch) as unreadable in the report', async () => {
    const deps = await intakeDeps(records.repository);
    const input = await uploadBytes(deps, 'qm-org-complete.zip', await readFile('examples/qm-org-complete.zip'));
    const failed = '吉林省长白精工机械有限公司/自评报告.docx';
    const run = await runIntake(deps, input, { failExtraction: (p) => p === failed });
    const index = run.list.entries.findIndex((e) => e.path === failed);
    expect(run.extracted[index]).toEqual({ index, error: 'States.Timeout' });
    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    const file = report.files.find((f) => f.path === failed);
    expect(file).toMatchObject({ readable: false, size: expect.any(Number) });
    expect(file?.sha256).toBe(
      (await deps.objects.head(`extracted/${run.unpacked.bundleId}/${failed}`))?.metadata.sha256,
    );
    expect(file?.findings).toEqual([expect.objectContaining({ code: 'FILE_UNREADABLE', file: failed })]);
    expect(run.registered.applications).toEqual([expect.objectContaining({ complete: false })]);
  });
});

describe('entries without readable bytes', () => {
  it('are documented at unpack with the reader’s findings, outside the Map items', async () => {
    const deps = { ...(await intakeDeps(records.repository)), limits: { maxFileBytes: 1000 } };
    const zip = buildBundleZip([
      { name: 'big.pdf', data: Buffer.alloc(5000, 65) },
      { name: 'small.txt', data: Buffer.from('推荐公函') },
    ]);
    const unpacked = await runIntakeStep(unpackBundle, deps, await uploadBytes(deps, 'limits.zip', zip));
    const list = await readEntryList(deps.objects, unpacked.bundleId);
    expect(list.entries.map((e) => e.path)).toEqual(['small.txt']);
    expect(unpacked).toMatchObject({ entries: [0], derivedCount: 1 });
    expect(list.derivedKeys).toHaveLength(1);
    const doc = ExtractedDocument.parse(
      JSON.parse(Buffer.from(await deps.objects.get(list.derivedKeys[0] as string)).toString()),
    );
    expect(doc).toMatchObject({ path: 'big.pdf', readable: false });
    expect(doc.findings.map((f) => f.code)).toContain('FILE_TOO_LARGE');
  });

  it('an unreadable archive is a bundle finding, not a failed intake', async () => {
    const deps = await intakeDeps(records.repository);
    const run = await runIntake(deps, await uploadBytes(deps, 'broken.zip', Buffer.from('PK\u0003\u0004 not a zip')));
    expect(run.unpacked.findings.map((f) => f.code)).toEqual(['ARCHIVE_UNREADABLE']);
    expect(run.registered).toMatchObject({ applications: [] });
    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    expect(report.findings.map((f) => f.code)).toContain('ARCHIVE_UNREADABLE');
    expect(report.status).toBe('incomplete');
  });
});

describe('a bundle of 1,500 entries', () => {
  it('reports every entry and keeps every state of the execution far under the 256 KB payload limit', async () => {
    const deps = await intakeDeps(records.repository);
    const files = Array.from({ length: 1500 }, (_, i) => ({
      name: `吉林省长白精工机械有限公司/附件材料/第${i}号证明材料扫描件（盖章版）.txt`,
      data: Buffer.from(`证明材料 ${i}`),
    }));
    const failed = files[7]?.name ?? '';
    const run = await runIntake(deps, await uploadBytes(deps, 'many.zip', buildBundleZip(files)), {
      failExtraction: (p) => p === failed,
    });
    expect(run.unpacked.entries).toHaveLength(1500);
    expect(run.extracted.filter((e) => 'error' in e)).toHaveLength(1);
    const report = parseReportJson(Buffer.from(await deps.objects.get(run.reports.reportKey)).toString());
    expect(new Set(report.files.map((f) => f.path))).toEqual(new Set(files.map((f) => f.name)));
    expect(report.files.find((f) => f.path === failed)?.findings.map((f) => f.code)).toContain('FILE_UNREADABLE');
    const limit = 256 * 1024;
    const sizes = [
      ...run.states.map((s) => Buffer.byteLength(JSON.stringify(s))),
      ...run.results.map((r) => Buffer.byteLength(JSON.stringify(r))),
    ];
    expect(Math.max(...sizes)).toBeLessThan(limit / 8);
  }, 120_000);
});

describe('running the same bundle twice', () => {
  it('creates no new object, event, report record or application', async () => {
    const deps = await intakeDeps(records.repository);
    const input = await uploadBytes(deps, 'qm-ind-complete.zip', await readFile('examples/qm-ind-complete.zip'));
    const first = await runIntake(deps, input);
    const snapshot = async () => {
      const objects = await deps.objects.list('');
      const apps = first.registered.applications.map((a) => a.applicationId);
      return {
        objects: objects.map((o) => [o.key, o.metadata.sha256, o.lastModified.getTime()]),
        events: await Promise.all(apps.map((a) => records.repository.listEvents(a))),
        reports: await Promise.all(apps.map((a) => records.repository.listReports(a))),
        bundle: await records.repository.bundleApplicationIds(first.registered.bundleId),
      };
    };
    const before = await snapshot();
    const second = await runIntake(deps, input);
    expect(second.registered.created).toBe(false);
    expect(second.registered.applications).toEqual(first.registered.applications);
    expect(second.reports).toEqual(first.reports);
    expect(await snapshot()).toEqual(before);
    expect(first.registered.created).toBe(true);
  });
});
