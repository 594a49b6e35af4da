import { z } from 'zod';
import { intakeExecutionName } from './executionName.js';
import type { ExecutionStarter } from './executionStarter.js';

export const incomingPrefix = 'incoming/';

/** The EventBridge "Object Created" event of S3 (the fields the intake needs). */
export const ObjectCreatedEvent = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  time: z.iso.datetime({ offset: true }),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), size: z.number().int().nonnegative(), 'version-id': z.string().min(1) }),
  }),
});

export type BundleUploadedResult =
  | { started: boolean; executionName: string }
  | { ignored: true; reason: 'not under incoming/' };

/**
 * A bundle landed under `incoming/`: starts its Intake execution under a name derived from bucket, key and version
 * id. A repeated or retried event finds the name taken and changes nothing.
 */
export async function bundleUploaded(starter: ExecutionStarter, event: unknown): Promise<BundleUploadedResult> {
  const e = ObjectCreatedEvent.parse(event);
  const { name: bucket } = e.detail.bucket;
  const { key, 'version-id': versionId } = e.detail.object;
  if (!key.startsWith(incomingPrefix)) return { ignored: true, reason: 'not under incoming/' };
  const executionName = intakeExecutionName(bucket, key, versionId);
  const outcome = await starter.start(executionName, { bucket, key, versionId, receivedAt: e.time });
  return { started: outcome === 'started', executionName };
}
