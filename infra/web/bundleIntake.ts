import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleIdOf } from '../../shared/actions/registerBundle.js';
import type { Actor } from '../../shared/domain/access/role.js';
import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import { reportKeys, safeFileName } from '../../shared/objects/objectKeys.js';
import type { BundleRecord } from '../../shared/records/recordsRepository.js';
import type { SubmitResult } from '../local/directIntake.js';
import { localObjectStore, submitBundle } from '../local/localIntake.js';
import type { LocalRuntime } from '../local/localRuntime.js';
import { type IntakeProgress, IntakeTracker } from './intakeTracker.js';

/** A file a person uploaded through the console. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Keeps an upload as a file under `<AWARD_HOME>/uploads/<random>/<safe name>` until `remove` is called. */
export function keepUpload(home: string, file: UploadedFile): { path: string; remove: () => void } {
  const dir = join(home, 'uploads', randomBytes(8).toString('hex'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeFileName(file.name));
  writeFileSync(path, file.bytes);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `use` on a kept upload, removed afterwards whatever happens. */
export async function withKeptUpload<T>(home: string, file: UploadedFile, use: (path: string) => Promise<T>) {
  const upload = keepUpload(home, file);
  try {
    return await use(upload.path);
  } finally {
    upload.remove();
  }
}

export interface SubmitRequest {
  unitId: string;
  actor: Actor;
  file: UploadedFile;
}

/** A unit's bundles: submitted, being checked, and the ones it sent before. */
export interface BundleIntakeBackend {
  /** Submits and waits for the report (the CLI's way; tests use it). */
  submit(request: SubmitRequest): Promise<SubmitResult>;
  /** Keeps the upload and answers at once with the bundle id; the intake then runs in the background. */
  startSubmit(request: SubmitRequest): Promise<{ bundleId: string }>;
  /** Where an upload of this console stands, while and after it is checked (undefined: not uploaded here). */
  intakeProgress(bundleId: string): Promise<IntakeProgress | undefined>;
  /** The uploads of this unit the console is checking or has checked since it started. */
  uploadsOfUnit(unitId: string): Promise<IntakeProgress[]>;
  /** The unit's bundles in every campaign, also those with no application. */
  bundlesOfUnit(unitId: string): Promise<BundleRecord[]>;
}

/**
 * The local intake behind the console: the upload is kept under `<AWARD_HOME>/uploads/` until its intake ends, and
 * runs through `submitBundle` like `award submit` (one write at a time, through `serialised`).
 */
export function localBundleIntake(
  runtime: LocalRuntime,
  serialised: <T>(work: () => Promise<T>) => Promise<T>,
  tracker = new IntakeTracker(),
): BundleIntakeBackend {
  const keep = (file: UploadedFile) => keepUpload(runtime.home.root, file);
  const run = (request: SubmitRequest, path: string, bundleId?: string) =>
    submitBundle(runtime, {
      path,
      unitId: request.unitId,
      campaign: availableCampaigns().at(-1) ?? '2025',
      // The registration is the intake's (system) act on behalf of the submitting unit, as in `award submit`.
      actor: { id: `intake:${request.actor.id}`, role: 'system' },
      ...(bundleId
        ? {
            filesRead: (done: number, total: number) =>
              tracker.update(bundleId, { state: 'reading', filesRead: done, files: total }),
          }
        : {}),
    });

  return {
    submit: (request) =>
      withKeptUpload(runtime.home.root, request.file, (path) => serialised(() => run(request, path))),
    async startSubmit(request) {
      const sha256 = createHash('sha256').update(request.file.bytes).digest('hex');
      const bundleId = bundleIdOf({ kind: 'local', sha256 });
      const objects = localObjectStore(runtime);
      // The same bytes again: the stored report answers, nothing runs (as `award submit` does).
      if ((await runtime.repo.getBundle(bundleId)) && (await objects.head(reportKeys(bundleId).json)))
        return { bundleId };
      if (tracker.get(bundleId)?.state === 'waiting' || tracker.get(bundleId)?.state === 'reading') return { bundleId };
      const upload = keep(request.file);
      tracker.start({
        bundleId,
        unitId: request.unitId,
        fileName: request.file.name,
        uploadedAt: runtime.clock.now().toISOString(),
      });
      serialised(() => run(request, upload.path, bundleId))
        .then(() => tracker.update(bundleId, { state: 'done' }))
        .catch((error: unknown) => {
          // The log names the bundle and the error's kind only: messages can quote file names (personal names).
          process.stderr.write(
            `console intake of ${bundleId} failed: ${error instanceof Error ? error.name : 'error'}\n`,
          );
          tracker.update(bundleId, {
            state: 'failed',
            failure: '系统未能完成检查。请重新上传；如仍不成功，请联系评选表彰办公室。',
          });
        })
        .finally(upload.remove);
      return { bundleId };
    },
    intakeProgress: async (bundleId) => tracker.get(bundleId),
    uploadsOfUnit: async (unitId) => tracker.ofUnit(unitId),
    async bundlesOfUnit(unitId) {
      const all: BundleRecord[] = [];
      for (const campaign of availableCampaigns()) all.push(...(await runtime.repo.bundlesOfUnit(unitId, campaign)));
      return all;
    },
  };
}
