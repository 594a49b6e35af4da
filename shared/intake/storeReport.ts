import { createHash } from 'node:crypto';
import { z } from 'zod';
import { reportKeys } from '../objects/objectKeys.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { parseReportJson } from '../report/reportJson.js';
import type { StoredReport } from '../workflow/startProjects.js';
import { transientRecords } from '../workflow/transientRecords.js';
import { RegisteredBundle, VerifiedBundle } from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';

export const StoreReportInput = z.object({
  bundleId: z.string().min(1),
  verified: VerifiedBundle,
  registered: RegisteredBundle,
});

/** The report was changed between Verify and StoreReport (its sha256 is not the one verified). */
export class ReportChanged extends Error {
  override readonly name = 'ReportChanged';
}

export interface StoredReports {
  reportKey: string;
  htmlKey: string;
  sha256: string;
  htmlSha256: string;
  status: 'complete' | 'incomplete';
  /** Per registered application (what PublishReportReady and StartProjects read). */
  reports: (z.infer<typeof StoredReport> & { reportId: string })[];
}

/**
 * Intake.StoreReport: the report (JSON written by Verify, checked against its sha256) rendered as HTML next to it
 * under `reports/<bundleId>/`, and recorded for every registered application (`REPORT#<n>` with both objects'
 * sha256 as evidence; the APPLICATION_REGISTERED event already carries the JSON's). Idempotent: the same report is
 * recorded once per application.
 */
export const storeReport = defineIntakeStep({
  name: 'intake.storeReport',
  input: StoreReportInput,
  async run(deps, { bundleId, verified, registered }): Promise<StoredReports> {
    const keys = reportKeys(bundleId);
    if (verified.reportKey !== keys.json) throw new ReportChanged(`the verified report is not ${keys.json}`);
    const bytes = await deps.objects.get(keys.json);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== verified.reportSha256)
      throw new ReportChanged(`${keys.json} has sha256 ${sha256}, not the verified ${verified.reportSha256}`);
    const report = parseReportJson(Buffer.from(bytes).toString('utf8'));
    const html = await putIfChanged(deps.objects, keys.html, deps.renderReportHtml(report), {
      contentType: 'text/html; charset=utf-8',
    });
    const evidence = [
      { objectKey: keys.json, sha256 },
      { objectKey: keys.html, sha256: html.sha256 },
    ];
    for (const app of registered.applications) {
      const existing = await deps.repo.listReports(app.applicationId);
      if (existing.some((r) => r.objectKey === keys.json && r.sha256 === sha256)) continue;
      const n = Math.max(0, ...existing.map((r) => r.n)) + 1;
      await transientRecords(() =>
        deps.repo.putReport({
          applicationId: app.applicationId,
          n,
          objectKey: keys.json,
          sha256,
          createdAt: deps.clock.now().toISOString(),
          evidence,
        }),
      );
    }
    return {
      reportKey: keys.json,
      htmlKey: keys.html,
      sha256,
      htmlSha256: html.sha256,
      status: verified.status,
      reports: registered.applications.map((a) => ({
        applicationId: a.applicationId,
        reportId: a.reportId,
        track: a.track,
        campaign: verified.campaign,
        complete: a.complete,
      })),
    };
  },
});
