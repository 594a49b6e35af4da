import { createHash } from 'node:crypto';

/**
 * Deterministic Step Functions execution names (at most 80 characters of [A-Za-z0-9-_]): the same bundle version,
 * or the same application, always yields the same name, so a repeated event cannot start a second execution.
 */
export function intakeExecutionName(bucket: string, key: string, versionId: string): string {
  const digest = createHash('sha256').update(`s3://${bucket}/${key}?versionId=${versionId}`, 'utf8').digest('hex');
  return `bundle-${digest}`;
}

export function projectExecutionName(applicationId: string, resumeAt?: string): string {
  const digest = createHash('sha256')
    .update(`${applicationId}#${resumeAt ?? ''}`, 'utf8')
    .digest('hex');
  return `app-${digest.slice(0, 64)}${resumeAt ? '-r' : ''}`;
}
