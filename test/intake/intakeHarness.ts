import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TaskTokenPort } from '../../shared/actions/taskTokenPort.js';
import type {
  ExtractedItem,
  RegisteredBundle,
  UnpackedBundle,
  VerifiedBundle,
} from '../../shared/intake/intakeShapes.js';
import type { IntakeDependencies } from '../../shared/intake/intakeStep.js';
import { intakeHandlers } from '../../shared/intake/intakeSteps.js';
import type { StoredReports } from '../../shared/intake/storeReport.js';
import { LocalDiskObjectStore } from '../../shared/objects/localDiskObjectStore.js';
import type { RecordsRepository } from '../../shared/records/recordsRepository.js';
import { reportHtml } from '../../shared/report/reportHtml.js';

export const tasks: TaskTokenPort = {
  complete: async () => {},
  fail: async () => {},
};

/** The intake's dependencies on dynalite and a fresh local-disk object store; the clock is fixed. */
export async function intakeDeps(
  repo: RecordsRepository,
): Promise<IntakeDependencies & { objects: LocalDiskObjectStore }> {
  return {
    repo,
    clock: { now: () => new Date('2025-08-16T01:00:00Z') },
    mode: 'local',
    tasks,
    notifier: { humanTaskOverdue: async () => {} },
    objects: new LocalDiskObjectStore(await mkdtemp(path.join(tmpdir(), 'intake-objects-'))),
    renderReportHtml: reportHtml,
  };
}

/**
 * Runs the Intake definition's Lambda states in order, as the state machine passes their inputs (the Map's per-file
 * Catch turns a failing item into the `Intake.ExtractFile.Unreadable` Pass output).
 */
export async function runIntake(
  deps: IntakeDependencies,
  input: { bucket: string; key: string; versionId: string; receivedAt?: string },
  options: { failExtraction?: (path: string) => boolean } = {},
) {
  const steps = intakeHandlers(deps);
  const unpacked = (await steps['intake.unpackBundle'](input)) as UnpackedBundle;
  const extracted: ExtractedItem[] = [];
  for (const item of unpacked.entries) {
    try {
      if (options.failExtraction?.(item.path)) throw Object.assign(new Error('timed out'), { name: 'States.Timeout' });
      extracted.push((await steps['intake.extractFile'](item)) as ExtractedItem);
    } catch (error) {
      extracted.push({ path: item.path, objectKey: item.objectKey, readable: false, error: (error as Error).name });
    }
  }
  const verified = (await steps['intake.verifyBundle']({ bundle: unpacked, extracted })) as VerifiedBundle;
  const registered = (await steps['intake.registerBundle']({ ...input, verified })) as RegisteredBundle;
  const reports = (await steps['intake.storeReport']({
    bundleId: unpacked.bundleId,
    verified,
    registered,
  })) as StoredReports;
  return { unpacked, extracted, verified, registered, reports };
}
