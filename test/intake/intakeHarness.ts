import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TaskTokenPort } from '../../shared/actions/taskTokenPort.js';
import { readEntryList } from '../../shared/intake/entryList.js';
import type {
  ExtractedEntry,
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
 * Runs the Intake definition's Lambda states in order, as the state machine passes their inputs: the Map's
 * ItemSelector gives each iteration `{bundleId, index}`, its ResultSelector keeps `{index}`, and the per-file Catch
 * turns a failing item into the `Intake.ExtractFile.Unreadable` Pass output `{index, error}`. `states` holds the
 * state after each step, composed by the definition's ResultPaths (what Step Functions would carry).
 */
export async function runIntake(
  deps: IntakeDependencies,
  input: { bucket: string; key: string; versionId: string; receivedAt?: string },
  options: { failExtraction?: (path: string) => boolean } = {},
) {
  const steps = intakeHandlers(deps);
  const states: Record<string, unknown>[] = [];
  const unpacked = (await steps['intake.unpackBundle'](input)) as UnpackedBundle;
  states.push({ ...input, unpacked });
  const list = await readEntryList(deps.objects, unpacked.bundleId);
  const extracted: ExtractedItem[] = [];
  const results: ExtractedEntry[] = [];
  for (const index of unpacked.entries) {
    try {
      if (options.failExtraction?.(list.entries[index]?.path ?? ''))
        throw Object.assign(new Error('timed out'), { name: 'States.Timeout' });
      const result = (await steps['intake.extractFile']({ bundleId: unpacked.bundleId, index })) as ExtractedEntry;
      results.push(result);
      extracted.push({ index: result.index });
    } catch (error) {
      extracted.push({ index, error: (error as Error).name });
    }
  }
  states.push({ ...states[0], extracted });
  const verified = (await steps['intake.verifyBundle']({ bundle: unpacked, extracted })) as VerifiedBundle;
  states.push({ ...states[1], verified });
  const registered = (await steps['intake.registerBundle']({ ...input, verified })) as RegisteredBundle;
  states.push({ ...states[2], registered });
  const reports = (await steps['intake.storeReport']({
    bundleId: unpacked.bundleId,
    verified,
    registered,
  })) as StoredReports;
  states.push({ ...states[3], reports });
  return { unpacked, list, extracted, results, verified, registered, reports, states };
}
