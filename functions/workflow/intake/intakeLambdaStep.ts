import type { Tracer } from '@aws-lambda-powertools/tracer';
import { S3Client } from '@aws-sdk/client-s3';
import type { z } from 'zod';
import type { IntakeDependencies, IntakeStep } from '../../../shared/intake/intakeStep.js';
import { S3ObjectStore } from '../../../shared/objects/s3ObjectStore.js';
import { reportHtml } from '../../../shared/report/reportHtml.js';
import { awsWorkflowDependencies } from '../awsWorkflowDependencies.js';
import { lambdaStep } from '../lambdaStep.js';

const serviceName = 'award-intake';
let cached: IntakeDependencies | undefined;

/** The AWS adapters of the intake (records, the submissions bucket), built once per Lambda container. */
function intakeDependencies(tracer: Tracer): IntakeDependencies {
  if (cached) return cached;
  const bucket = process.env.SUBMISSIONS_BUCKET;
  if (!bucket) throw new Error('SUBMISSIONS_BUCKET is not set');
  const s3 = tracer.captureAWSv3Client(new S3Client({}));
  cached = {
    ...awsWorkflowDependencies(tracer),
    objects: new S3ObjectStore(s3, bucket, { kmsKeyId: process.env.SUBMISSIONS_KEY_ID || undefined }),
    renderReportHtml: reportHtml,
  };
  return cached;
}

/** Only the bundle id is logged: entry paths carry applicants' names. */
function loggableIds(event: unknown): Record<string, string> {
  if (typeof event !== 'object' || event === null) return {};
  const e = event as { bundleId?: unknown; bundle?: { bundleId?: unknown } };
  const id = typeof e.bundleId === 'string' ? e.bundleId : e.bundle?.bundleId;
  return typeof id === 'string' ? { bundleId: id.slice(0, 64) } : {};
}

/** A Lambda handler around one intake step (see `lambdaStep`), with the intake's adapters. */
export function intakeLambdaStep<S extends z.ZodType, O>(step: IntakeStep<S, O>) {
  return lambdaStep(step, { serviceName, dependencies: intakeDependencies, loggableIds });
}
