import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { bundleIdOf, type RegisterBundleResult, registerBundle } from '../../shared/actions/registerBundle.js';
import { supersedeEarlierApplications } from '../../shared/actions/supersedeEarlierApplications.js';
import { applicationsToRegister } from '../../shared/completeness/applicationsToRegister.js';
import { checkExtractedBundle } from '../../shared/completeness/checkExtractedBundle.js';
import type { Actor } from '../../shared/domain/access/role.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { type BundleSource, extractBundle } from '../../shared/extraction/extractBundle.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { intakeOcrOptions } from '../../shared/intake/intakeOcrOptions.js';
import { bundleOcr } from '../../shared/ocr/documentOcr.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import { reportHtml } from '../../shared/report/reportHtml.js';
import { parseReportJson, reportJson } from '../../shared/report/reportJson.js';
import type { LocalRuntime } from './localRuntime.js';

export interface SubmitRequest {
  path: string;
  unitId: string;
  campaign: string;
  actor: Actor;
  /** Called as the bundle is read and checked (a TTY shows it). */
  progress?: (step: string) => void;
  /** Called after each file is read: how many of how many (the console's progress). */
  filesRead?: (done: number, total: number) => void;
}

export interface SubmittedApplication {
  applicationId: string;
  track: string;
  name: string;
  complete: boolean;
  /** Where the application is after the submission (its workflow runs until it waits). */
  stage?: string;
  status?: string;
  /** What it waits for (`TASK#<stage>`). */
  awaiting?: string;
}

export interface SubmitResult {
  bundleId: string;
  /** False when the same bytes were submitted before: nothing new was registered. */
  created: boolean;
  report: CompletenessReport;
  reportPath: string;
  htmlPath?: string;
  applications: SubmittedApplication[];
}

/** The bundle's identity locally: sha256 of the file's bytes, or of a folder's sorted `path\0sha256` lines. */
export function bundleSha256(path: string): string {
  if (!statSync(path).isDirectory()) return createHash('sha256').update(readFileSync(path)).digest('hex');
  const lines: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else lines.push(`${relative(path, full)}\0${createHash('sha256').update(readFileSync(full)).digest('hex')}`);
    }
  };
  walk(path);
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

function sourceOf(path: string): BundleSource {
  if (statSync(path).isDirectory()) return { folder: path };
  const ext = extname(path).toLowerCase();
  if (ext === '.iso') return { isoPath: path };
  return { zipPath: path };
}

/** Where the local object store keeps a bundle's report JSON (the HTML rendering sits beside it, `.html`). */
export const reportKey = (bundleId: string) => `reports/${bundleId}/report.json`;

/**
 * Submits a bundle without the Intake state machine — for a folder bundle, which is not one object the intake's
 * Unpack can read (zip and ISO files go through `submitBundle` in localIntake.ts): keeps the original under `incoming/`, extracts and OCRs it
 * in one pass (`extractBundle` with `bundleOcr(intakeOcrOptions())`), checks it (`checkExtractedBundle`), stores the report, registers the bundle and its applications (`registerBundle`, idempotent on the
 * bytes) with their typed data, and starts the Project execution of each complete application. Submitting the same
 * bytes again registers nothing and reuses the stored report.
 */
export async function submitBundleDirect(runtime: LocalRuntime, request: SubmitRequest): Promise<SubmitResult> {
  const { repo, home } = runtime;
  const progress = request.progress ?? (() => {});
  const sha256 = bundleSha256(request.path);
  const bundleId = bundleIdOf({ kind: 'local', sha256 });
  const reportPath = join(home.objects, reportKey(bundleId));
  const existing = await repo.getBundle(bundleId);
  let report: CompletenessReport;
  let registered: RegisterBundleResult;
  if (existing && existsSync(reportPath)) {
    report = parseReportJson(readFileSync(reportPath, 'utf8'));
    registered = { bundleId, created: false, applicationIds: existing.applicationIds };
  } else {
    const incoming = join(home.objects, 'incoming', sha256.slice(0, 32), basename(request.path));
    mkdirSync(join(incoming, '..'), { recursive: true });
    if (!existsSync(incoming)) cpSync(request.path, incoming, { recursive: true });
    progress('extracting');
    const receivedAt = runtime.clock.now().toISOString();
    const campaign = loadCampaign(request.campaign);
    const source = sourceOf(incoming);
    let extracted: Awaited<ReturnType<typeof extractBundle>>;
    // Each entry opened once, its scans OCR'd in its extraction as in the intake's ExtractFile; the shared OCR
    // engine is closed by `LocalRuntime.stop`.
    const ocr = intakeOcrOptions();
    try {
      extracted = await extractBundle(source, ocr === false ? {} : { analyser: bundleOcr(ocr) });
    } finally {
      await closeDefaultSandbox();
    }
    progress(`checking ${extracted.entries.length} files`);
    const checked = checkExtractedBundle({
      documents: extracted.entries,
      bundleFindings: extracted.findings,
      campaign,
      receivedAt,
    });
    report = checked.report;
    mkdirSync(join(reportPath, '..'), { recursive: true });
    const json = reportJson(report);
    writeFileSync(reportPath, json);
    // The data AWS registers: the check's own grouping, the 征求意见表's 类别 completing the forms.
    const typed = new Map(
      applicationsToRegister(report, checked.grouping, campaign).map((r) => [r.reportId, r.application]),
    );
    if (report.applications.length === 0) {
      writeFileSync(reportPath.replace(/\.json$/, '.html'), reportHtml(report));
      return {
        bundleId,
        created: false,
        report,
        reportPath,
        htmlPath: reportPath.replace(/\.json$/, '.html'),
        applications: [],
      };
    }
    progress('registering');
    registered = await registerBundle(runtime.actionContext(), {
      actor: request.actor,
      source: { kind: 'local', sha256 },
      campaign: request.campaign,
      unit: { id: request.unitId, name: report.recommendingUnit.name ?? request.unitId },
      receivedAt,
      evidence: [{ objectKey: `incoming/${sha256.slice(0, 32)}/${basename(request.path)}`, sha256 }],
      applications: report.applications.map((a) => {
        const data = typed.get(a.id);
        return {
          track: a.track,
          name: a.applicant.name || a.id,
          ...(data ? { applicant: data as Record<string, unknown> } : {}),
        };
      }),
    });
    await supersedeEarlierApplications(runtime.actionContext(), {
      actor: request.actor,
      unitId: request.unitId,
      campaign: request.campaign,
      bundleId,
      applicationIds: registered.applicationIds,
    });
    const reportSha = createHash('sha256').update(json).digest('hex');
    for (const [i, applicationId] of registered.applicationIds.entries()) {
      await repo.putReport({
        applicationId,
        n: 1,
        objectKey: reportKey(bundleId),
        sha256: reportSha,
        createdAt: receivedAt,
      });
      const app = report.applications[i];
      for (const file of report.files.filter((f) => app?.files.includes(f.path)))
        await repo.putDocument({
          applicationId,
          documentId: createHash('sha256').update(file.path).digest('hex').slice(0, 16),
          materialType: file.material,
          objectKey: `incoming/${sha256.slice(0, 32)}/${basename(request.path)}#${file.path}`,
          sha256: file.sha256,
          findings: file.findings,
        });
    }
  }
  const htmlPath = reportPath.replace(/\.json$/, '.html');
  if (!existsSync(htmlPath)) writeFileSync(htmlPath, reportHtml(report));
  const applications: SubmittedApplication[] = [];
  for (const [i, applicationId] of registered.applicationIds.entries()) {
    const a = report.applications[i];
    if (!a) continue;
    const complete = a.status === 'complete';
    if (complete) progress(`starting the workflow of ${applicationId}`);
    const run = complete ? await runtime.resume(applicationId) : undefined;
    applications.push({
      applicationId,
      track: a.track,
      name: a.applicant.name ?? a.id,
      complete,
      ...(run ? { run } : {}),
    });
  }
  return { bundleId, created: registered.created, report, reportPath, htmlPath, applications };
}
