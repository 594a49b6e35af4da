import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { bundleIdOf } from '../../shared/actions/registerBundle.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { extractEntry } from '../../shared/intake/extractEntry.js';
import { type IntakeDependencies, runIntakeStep } from '../../shared/intake/intakeStep.js';
import { registerApplications } from '../../shared/intake/registerApplications.js';
import { storeReport } from '../../shared/intake/storeReport.js';
import { unpackBundle } from '../../shared/intake/unpackBundle.js';
import { verifyBundle } from '../../shared/intake/verifyBundle.js';
import { reportKeys } from '../../shared/objects/objectKeys.js';
import { reportHtml } from '../../shared/report/reportHtml.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { intakeExecutionName } from '../../shared/workflow/executionName.js';
import type { ExecutionStarter } from '../../shared/workflow/executionStarter.js';
import { StartProjectsInput, startProjects } from '../../shared/workflow/startProjects.js';
import { bundleSha256, type SubmitRequest, type SubmitResult, submitBundleDirect } from './directIntake.js';
import { type LocalTaskHandler, localOverrides, runLocalExecution } from './localExecution.js';
import { localObjectStore } from './localObjects.js';
import type { LocalRuntime } from './localRuntime.js';

export { localObjectStore };

/** Project executions the intake asks for, run once the Intake execution has ended (not nested inside its task). */
class QueuedStarter implements ExecutionStarter {
  readonly queued: string[] = [];
  constructor(private readonly runtime: LocalRuntime) {}
  async start(_name: string, input: Record<string, unknown>): Promise<'started' | 'exists'> {
    const applicationId = String(input.applicationId);
    if (await this.runtime.completed(applicationId)) return 'exists';
    this.queued.push(applicationId);
    return 'started';
  }
}

/** The Intake handlers in this process: the intake steps, the report notice on the console, the project starter. */
function intakeHandlers(
  deps: IntakeDependencies,
  starter: ExecutionStarter,
  notice: (line: string) => void,
  filesRead: (done: number, total: number) => void = () => {},
): Record<string, LocalTaskHandler> {
  const step =
    (s: Parameters<typeof runIntakeStep>[0]): LocalTaskHandler =>
    (input) =>
      runIntakeStep(s, deps, input);
  let files = 0;
  let extracted = 0;
  const unpack = step(unpackBundle as never);
  const extract = step(extractEntry as never);
  return {
    'intake.unpackBundle': async (input) => {
      const unpacked = (await unpack(input)) as { entries?: unknown[] };
      files = unpacked.entries?.length ?? 0;
      notice(`unpacked: ${files} files to extract`);
      filesRead(0, files);
      return unpacked;
    },
    'intake.extractFile': async (input) => {
      try {
        return await extract(input);
      } finally {
        extracted++;
        notice(`extracted ${extracted}/${files}`);
        filesRead(extracted, files);
      }
    },
    'intake.verifyBundle': step(verifyBundle as never),
    'intake.registerBundle': step(registerApplications as never),
    'intake.storeReport': step(storeReport as never),
    'intake.publishReportReady': async (input) => {
      const { bundleId, reports } = input as { bundleId: string; reports: { complete: boolean }[] };
      notice(
        `CompletenessReportReady ${bundleId}: ${reports.filter((r) => r.complete).length}/${reports.length} complete`,
      );
      return { published: true };
    },
    'intake.startProjects': (input) => startProjects(starter, StartProjectsInput.parse(input)),
  };
}

/**
 * Submits a bundle the way S3 → EventBridge → ingest does on AWS: the file is put under `incoming/<unit>/<file>`
 * (version id = its sha256) and the Intake definition of the CDK synthesis runs with every task routed to its
 * intake step (Map over the entries included); then each complete application's Project execution runs. The same
 * bytes submitted again run nothing: the stored report is returned. A folder is not one object: it goes through
 * the direct path (`submitBundleDirect`).
 */
export async function submitBundle(runtime: LocalRuntime, request: SubmitRequest): Promise<SubmitResult> {
  if (statSync(request.path).isDirectory()) return submitBundleDirect(runtime, request);
  const progress = request.progress ?? (() => {});
  const objects = localObjectStore(runtime);
  const sha256 = bundleSha256(request.path);
  const bundleId = bundleIdOf({ kind: 'local', sha256 });
  const keys = reportKeys(bundleId);
  const bundle = await runtime.repo.getBundle(bundleId);
  const applications = [];
  if (!bundle || !(await objects.head(keys.json))) {
    const key = `incoming/${request.unitId}/${basename(request.path)}`;
    const put = await objects.put(key, readFileSync(request.path), {
      contentType: 'application/octet-stream',
      metadata: { campaign: request.campaign },
    });
    const starter = new QueuedStarter(runtime);
    const deps: IntakeDependencies = { ...runtime.deps, objects, renderReportHtml: reportHtml };
    const definitions = runtime.definitions;
    const overrides = localOverrides(
      definitions.intake,
      definitions.taskStates.intake,
      intakeHandlers(deps, starter, (line) => progress(line), request.filesRead),
    );
    progress('intake: unpack → extract each file → verify → register → store report');
    let outcome: Awaited<ReturnType<typeof runLocalExecution>>;
    try {
      outcome = await runLocalExecution({
        machine: 'intake',
        definition: definitions.intake,
        overrides,
        name: intakeExecutionName(objects.bucket, key, put.versionId ?? put.sha256),
        input: {
          bucket: objects.bucket,
          key,
          versionId: put.versionId ?? put.sha256,
          receivedAt: runtime.clock.now().toISOString(),
        },
        startTime: runtime.clock.now(),
      });
    } finally {
      await closeDefaultSandbox();
    }
    if (outcome.status !== 'succeeded')
      throw new Error(
        `the Intake execution ${outcome.status === 'failed' ? `failed: ${outcome.error}: ${outcome.cause}` : 'did not finish'}`,
      );
    for (const applicationId of starter.queued) {
      progress(`starting the workflow of ${applicationId}`);
      await runtime.resume(applicationId);
    }
  }
  const report = parseReportJson(Buffer.from(await objects.get(keys.json)).toString('utf8'));
  const registered = await runtime.repo.getBundle(bundleId);
  for (const [i, applicationId] of (registered?.applicationIds ?? []).entries()) {
    const a = report.applications[i];
    const meta = await runtime.repo.getApplication(applicationId);
    if (!a || !meta) continue;
    const task = await runtime.repo.getTask(applicationId, meta.stage);
    applications.push({
      applicationId,
      track: a.track,
      name: a.applicant.name ?? a.id,
      complete: a.status === 'complete',
      ...(a.status === 'complete' ? { stage: meta.stage, status: meta.status, awaiting: task?.awaiting } : {}),
    });
  }
  return {
    bundleId,
    created: !bundle,
    report,
    reportPath: objects.pathOf(keys.json),
    htmlPath: objects.pathOf(keys.html),
    applications,
  };
}
